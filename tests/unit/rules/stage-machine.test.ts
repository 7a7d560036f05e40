import { describe, expect, it } from 'vitest';
import { computeDeadlines } from '@/lib/rules/deadlines';
import type { CaseFacts } from '@/lib/rules/facts';
import { allowedTransitions, applyTransition, transitionFields } from '@/lib/rules/stage-machine';
import { TRANSITION_IDS, TRANSITIONS } from '@/lib/rules/transitions';
import { CASE_STAGES, type CaseStage } from '@/lib/rules/vocabulary';

const TODAY = '2026-11-23';

describe('allowed transitions', () => {
  it.each([
    ['INTAKE', ['FILE_APPLICATION', 'REFUSAL_NOTIFIED', 'CLOSE']],
    ['APPLICATION_FILED', ['REQUEST_RESIDENCE_CHECK', 'AWAIT_DECISION', 'DECISION_APPROVED', 'REFUSAL_NOTIFIED', 'CLOSE']],
    ['RESIDENCE_CHECK', ['AWAIT_DECISION', 'DECISION_APPROVED', 'REFUSAL_NOTIFIED', 'CLOSE']],
    ['DECISION_PENDING', ['DECISION_APPROVED', 'REFUSAL_NOTIFIED', 'CLOSE']],
    ['APPROVED', ['CARD_ISSUED', 'REFUSAL_NOTIFIED', 'CLOSE']],
    ['CARD_ISSUED', ['OPEN_RENEWAL', 'REFUSAL_NOTIFIED', 'CLOSE']],
    ['RENEWAL_DUE', ['FILE_RENEWAL', 'REFUSAL_NOTIFIED', 'CLOSE']],
    ['RENEWAL_FILED', ['DECISION_APPROVED', 'CARD_ISSUED', 'REFUSAL_NOTIFIED', 'CLOSE']],
    ['REFUSED', ['FILE_APPEAL', 'CLOSE']],
    ['APPEAL_FILED', ['APPEAL_DECIDED', 'CLOSE']],
    ['APPEAL_DECIDED', ['DECISION_APPROVED', 'REFUSAL_NOTIFIED', 'AWAIT_NEW_DECISION', 'CLOSE']],
    ['CLOSED', ['REOPEN']],
  ] as const)('from %s: %j', (stage, expected) => {
    expect(allowedTransitions(stage)).toEqual(expected);
  });

  it('offers every stage a way forward, and reaches every stage from INTAKE', () => {
    const reached = new Set<CaseStage>(['INTAKE']);
    for (let changed = true; changed; ) {
      changed = false;
      for (const transition of TRANSITIONS) {
        if (transition.from.some((stage) => reached.has(stage)) && !reached.has(transition.to)) {
          reached.add(transition.to);
          changed = true;
        }
      }
    }
    expect([...reached].sort()).toEqual([...CASE_STAGES].sort());
    for (const stage of CASE_STAGES) expect(allowedTransitions(stage).length, stage).toBeGreaterThan(0);
  });

  it('limits transitions to the stages of the procedure', () => {
    expect(allowedTransitions('APPROVED', 'NATIONALITY_DECLARATION')).toEqual(['REFUSAL_NOTIFIED', 'CLOSE']);
    expect(allowedTransitions('INTAKE', 'APPEAL_RVV')).toEqual(['REFUSAL_NOTIFIED', 'CLOSE']);
    expect(allowedTransitions('APPEAL_DECIDED', 'APPEAL_RVV')).toEqual(['REFUSAL_NOTIFIED', 'CLOSE']);
    expect(allowedTransitions('REFUSED', 'NATIONALITY_DECLARATION')).toEqual(['CLOSE']);
  });

  it('has an id for every transition and the ids are unique', () => {
    expect(TRANSITIONS.map((transition) => transition.id)).toEqual([...TRANSITION_IDS]);
  });
});

describe('the facts each transition needs', () => {
  it.each([
    ['CARD_ISSUED', [['cardType', true], ['cardNumber', true], ['validFrom', false], ['validUntil', true]]],
    ['REFUSAL_NOTIFIED', [['outcome', false], ['notifiedOn', false], ['postedOn', false], ['regime', true], ['statedPeriodDays', false]]],
    ['FILE_APPEAL', [['rvvRollNumber', false], ['filedOn', true]]],
    ['CLOSE', [['closedOn', true], ['reason', false]]],
  ] as const)('%s', (id, fields) => {
    expect(transitionFields(id).map(({ field, required }) => [field, required])).toEqual(fields);
  });
});

describe('applying transitions', () => {
  it('walks a whole case: registration, card, renewal, refusal and appeal', () => {
    let facts: CaseFacts = { citizenship: 'NON_EU', stay: 'LONG', arrivedOn: '2025-09-01', procedure: 'FAMILY_REUNIFICATION', sponsor: 'NON_EU' };
    let stage: CaseStage = 'INTAKE';
    const step = (id: string, input: unknown, asOf = TODAY) => {
      const result = applyTransition(stage, id, input, asOf);
      if (!result.ok) throw new Error(`${id}: ${result.reason.code} ${result.reason.field ?? ''}`);
      stage = result.stage;
      facts = { ...facts, ...result.factsPatch };
      return result.factsPatch;
    };

    step('FILE_APPLICATION', { filedOn: '2025-09-05' });
    expect(stage).toBe('APPLICATION_FILED');
    expect(computeDeadlines(facts).find((d) => d.kind === 'DECISION_DUE')?.dueOn).toBe('2026-06-05');
    step('REQUEST_RESIDENCE_CHECK', { requestedOn: '2025-09-10' });
    step('AWAIT_DECISION', { since: '2025-10-01' });
    step('DECISION_APPROVED', { notifiedOn: '2026-02-02' });
    expect(computeDeadlines(facts).some((d) => d.kind === 'DECISION_DUE')).toBe(false);
    expect(step('CARD_ISSUED', { cardType: 'C', cardNumber: ' B 123456789 ', validFrom: '2026-02-10', validUntil: '2027-02-09' })).toEqual({
      card: { type: 'K', number: 'B 123456789', validFrom: '2026-02-10', validUntil: '2027-02-09' },
    });
    expect(stage).toBe('CARD_ISSUED');
    step('OPEN_RENEWAL', { openedOn: '2026-11-20' });
    step('FILE_RENEWAL', { filedOn: '2026-11-23' });
    expect(facts.decision).toBeUndefined();
    expect(stage).toBe('RENEWAL_FILED');
    step('REFUSAL_NOTIFIED', { notifiedOn: '2026-10-02', regime: 'ORDINARY' });
    expect(stage).toBe('REFUSED');
    expect(computeDeadlines(facts).find((d) => d.kind === 'APPEAL')?.dueOn).toBe('2026-11-02');
    expect(step('FILE_APPEAL', { rvvRollNumber: '312 456', filedOn: '2026-10-20' })).toEqual({
      rvvRollNumber: '312 456',
      appealFiledOn: '2026-10-20',
    });
    step('APPEAL_DECIDED', { decidedOn: '2026-11-20', result: 'ANNULLED' });
    step('AWAIT_NEW_DECISION', { since: '2026-11-21' });
    expect(stage).toBe('DECISION_PENDING');
    expect(step('CLOSE', { closedOn: '2026-11-23', reason: 'client left Belgium' })).toEqual({
      closedOn: '2026-11-23',
      closeReason: 'client left Belgium',
    });
    expect(step('REOPEN', { reopenedOn: '2026-11-23' })).toEqual({ reopenedOn: '2026-11-23' });
    expect(stage).toBe('INTAKE');
  });

  it('records a withdrawal, a registered letter and a stated period', () => {
    const result = applyTransition(
      'CARD_ISSUED',
      'REFUSAL_NOTIFIED',
      { outcome: 'WITHDRAWN', postedOn: '2026-09-29', regime: 'ORDINARY', statedPeriodDays: 15 },
      TODAY,
    );
    expect(result).toEqual({
      ok: true,
      stage: 'REFUSED',
      factsPatch: { decision: { outcome: 'WITHDRAWN', regime: 'ORDINARY', postedOn: '2026-09-29', statedPeriodDays: 15 } },
    });
  });

  it('closes without a reason', () => {
    expect(applyTransition('REFUSED', 'CLOSE', { closedOn: TODAY }, TODAY)).toEqual({
      ok: true,
      stage: 'CLOSED',
      factsPatch: { closedOn: TODAY },
    });
  });

  it('records a card without a valid-from date', () => {
    const result = applyTransition('APPROVED', 'CARD_ISSUED', { cardType: 'EU+', cardNumber: '1', validUntil: '2031-01-01' }, TODAY);
    expect(result).toMatchObject({ ok: true, factsPatch: { card: { type: 'EU_PLUS', number: '1', validUntil: '2031-01-01' } } });
  });

  it.each([
    // stage, transition, input, reason
    ['INTAKE', 'TELEPORT', {}, { code: 'UNKNOWN_TRANSITION' }],
    ['INTAKE', 'FILE_APPEAL', { rvvRollNumber: '1', filedOn: '2026-10-01' }, { code: 'NOT_ALLOWED_FROM_STAGE' }],
    ['CLOSED', 'CLOSE', { closedOn: '2026-10-01' }, { code: 'NOT_ALLOWED_FROM_STAGE' }],
    ['CARD_ISSUED', 'FILE_APPLICATION', { filedOn: '2026-10-01' }, { code: 'NOT_ALLOWED_FROM_STAGE' }],
    ['INTAKE', 'FILE_APPLICATION', {}, { code: 'MISSING_FIELD', field: 'filedOn' }],
    ['INTAKE', 'FILE_APPLICATION', undefined, { code: 'MISSING_FIELD', field: 'filedOn' }],
    ['INTAKE', 'FILE_APPLICATION', { filedOn: '2026-02-30' }, { code: 'INVALID_FIELD', field: 'filedOn' }],
    ['INTAKE', 'FILE_APPLICATION', { filedOn: '2026-11-24' }, { code: 'DATE_IN_FUTURE', field: 'filedOn' }],
    ['APPROVED', 'CARD_ISSUED', { cardType: 'A', validUntil: '2027-01-01' }, { code: 'MISSING_FIELD', field: 'cardNumber' }],
    ['APPROVED', 'CARD_ISSUED', { cardNumber: 'X1', validUntil: '2027-01-01' }, { code: 'MISSING_FIELD', field: 'cardType' }],
    ['APPROVED', 'CARD_ISSUED', { cardType: 'Z', cardNumber: 'X1', validUntil: '2027-01-01' }, { code: 'INVALID_FIELD', field: 'cardType' }],
    ['APPROVED', 'CARD_ISSUED', { cardType: 'A', cardNumber: 'X1' }, { code: 'MISSING_FIELD', field: 'validUntil' }],
    ['APPROVED', 'CARD_ISSUED', { cardType: 'A', cardNumber: '   ', validUntil: '2027-01-01' }, { code: 'INVALID_FIELD', field: 'cardNumber' }],
    [
      'APPROVED',
      'CARD_ISSUED',
      { cardType: 'A', cardNumber: 'X1', validFrom: '2027-01-01', validUntil: '2026-01-01' },
      { code: 'DATE_ORDER', field: 'validUntil' },
    ],
    ['DECISION_PENDING', 'REFUSAL_NOTIFIED', { regime: 'ORDINARY' }, { code: 'MISSING_FIELD', field: 'notifiedOn' }],
    ['DECISION_PENDING', 'REFUSAL_NOTIFIED', { notifiedOn: '2026-10-02' }, { code: 'MISSING_FIELD', field: 'regime' }],
    ['DECISION_PENDING', 'REFUSAL_NOTIFIED', { notifiedOn: '2026-10-02', regime: 'FAST' }, { code: 'INVALID_FIELD', field: 'regime' }],
    [
      'DECISION_PENDING',
      'REFUSAL_NOTIFIED',
      { notifiedOn: '2026-10-02', regime: 'ORDINARY', statedPeriodDays: 0 },
      { code: 'INVALID_FIELD', field: 'statedPeriodDays' },
    ],
    ['DECISION_PENDING', 'REFUSAL_NOTIFIED', { notifiedOn: '2026-12-01', regime: 'ORDINARY' }, { code: 'DATE_IN_FUTURE', field: 'notifiedOn' }],
    ['DECISION_PENDING', 'REFUSAL_NOTIFIED', { postedOn: '2026-12-01', regime: 'ORDINARY' }, { code: 'DATE_IN_FUTURE', field: 'postedOn' }],
    ['REFUSED', 'FILE_APPEAL', { rvvRollNumber: 'x'.repeat(200), filedOn: '2026-10-20' }, { code: 'INVALID_FIELD', field: 'rvvRollNumber' }],
    ['REFUSED', 'FILE_APPEAL', { rvvRollNumber: '1' }, { code: 'MISSING_FIELD', field: 'filedOn' }],
    ['APPEAL_FILED', 'APPEAL_DECIDED', { decidedOn: '2026-11-01', result: 'WON' }, { code: 'INVALID_FIELD', field: 'result' }],
  ] as const)('%s --%s--> refused: %j → %j', (stage, id, input, reason) => {
    expect(applyTransition(stage, id, input, TODAY)).toEqual({ ok: false, reason });
  });

  it('refuses a transition that leads outside the procedure', () => {
    expect(applyTransition('APPROVED', 'CARD_ISSUED', { cardType: 'A', cardNumber: '1', validUntil: '2027-01-01' }, TODAY, 'NATIONALITY_DECLARATION')).toEqual({
      ok: false,
      reason: { code: 'NOT_ALLOWED_FOR_PROCEDURE' },
    });
    expect(applyTransition('INTAKE', 'FILE_APPLICATION', { filedOn: '2026-10-01' }, TODAY, 'APPEAL_RVV')).toEqual({
      ok: false,
      reason: { code: 'NOT_ALLOWED_FOR_PROCEDURE' },
    });
    expect(applyTransition('INTAKE', 'FILE_APPLICATION', { filedOn: '2026-10-01' }, TODAY, 'STUDY').ok).toBe(true);
  });

  it('accepts an event on the day itself', () => {
    expect(applyTransition('INTAKE', 'FILE_APPLICATION', { filedOn: TODAY }, TODAY).ok).toBe(true);
  });
});
