import { describe, expect, it } from 'vitest';
import { isInEffect } from '@/lib/rules/deadline-rule';
import { compareDeadlines, computeDeadlines, deadlineRule, DEADLINE_RULES, documentExpiryDeadlines } from '@/lib/rules/deadlines';
import type { CaseFacts } from '@/lib/rules/facts';
import { ZCaseFacts } from '@/lib/rules/facts';
import { DEFAULT_SETTINGS, ZRulesSettings } from '@/lib/rules/settings';
import { DEADLINE_KINDS } from '@/lib/rules/vocabulary';

describe('computeDeadlines', () => {
  it('computes every kind of DOMAIN.md from a rich set of facts', () => {
    const base: CaseFacts = {
      citizenship: 'NON_EU',
      stay: 'LONG',
      arrivedOn: '2026-07-13',
      procedure: 'FAMILY_REUNIFICATION',
      sponsor: 'NON_EU',
      applicationFiledOn: '2026-07-20',
      card: { type: 'F', validFrom: '2022-01-10', validUntil: '2027-01-09' },
      legalResidenceSince: '2021-06-01',
      birthDate: '1990-04-02',
      movedOn: '2026-09-01',
      absences: [{ from: '2027-02-01', to: '2027-08-01' }],
    };
    const kinds = new Set([
      ...computeDeadlines(base).map((d) => d.kind),
      ...computeDeadlines({ ...base, stay: 'SHORT', decision: { outcome: 'REFUSED', notifiedOn: '2026-10-02' } }).map((d) => d.kind),
      ...computeDeadlines({ ...base, citizenship: 'EU' }).map((d) => d.kind),
      ...computeDeadlines({ ...base, citizenship: 'EU', stay: 'SHORT' }).map((d) => d.kind),
      ...computeDeadlines({ ...base, card: { type: 'A', validUntil: '2027-07-12' } }).map((d) => d.kind),
      ...documentExpiryDeadlines([{ id: 'p1', expiresOn: '2030-01-01' }]).map((d) => d.kind),
    ]);
    expect([...kinds].sort()).toEqual([...DEADLINE_KINDS].sort());
  });

  it('returns deadlines sorted by date, then by kind, with every field filled', () => {
    const deadlines = computeDeadlines({
      citizenship: 'NON_EU',
      stay: 'LONG',
      arrivedOn: '2026-07-13',
      decision: { outcome: 'REFUSED', notifiedOn: '2026-10-02', regime: 'ORDINARY' },
      card: { type: 'A', validUntil: '2027-07-12' },
      legalResidenceSince: '2021-06-01',
      birthDate: '1990-04-02',
    });
    expect(deadlines.map((d) => [d.kind, d.dueOn, d.opensOn ?? null])).toEqual([
      ['LONG_TERM_RESIDENCE_ELIGIBLE', '2026-06-01', null],
      ['NATIONALITY_ELIGIBLE', '2026-06-01', null],
      ['REGISTRATION', '2026-07-24', null],
      ['APPEAL', '2026-11-02', null],
      ['RENEWAL_WINDOW', '2027-06-11', '2027-05-28'],
      ['CARD_EXPIRY', '2027-07-12', null],
    ]);
    for (const deadline of deadlines) {
      expect(deadline.basis.length).toBeGreaterThan(10);
      expect(['H', 'M', 'L']).toContain(deadline.confidence);
      expect(['CLIENT', 'ADVISOR']).toContain(deadline.actor);
      expect(deadlineRule(deadline.ruleId)?.kind).toBe(deadline.kind);
    }
  });

  it('orders by date, then kind, then rule, then subject', () => {
    const deadlines = computeDeadlines({
      citizenship: 'EU',
      absences: [
        { from: '2026-03-02', to: '2026-08-03' }, // leaves Monday: notify by Friday 27 Feb
        { from: '2025-02-27' }, // still abroad: the right of return lapses on 27 Feb 2026
        { from: '2026-03-02', to: '2026-07-01' }, // same departure day as the first
      ],
      card: { type: 'EU', validUntil: '2026-02-27' },
    });
    expect(deadlines.filter((d) => d.dueOn === '2026-02-27').map((d) => [d.kind, d.ruleId, d.ref ?? ''])).toEqual([
      ['CARD_EXPIRY', 'card-expiry', ''],
      ['RETURN_AFTER_ABSENCE', 'absence-notify-departure', 'absence:0'],
      ['RETURN_AFTER_ABSENCE', 'absence-notify-departure', 'absence:2'],
      ['RETURN_AFTER_ABSENCE', 'absence-right-of-return', 'absence:1'],
    ]);
    const dates = deadlines.map((d) => d.dueOn);
    expect(dates).toEqual([...dates].sort());
  });

  it('treats identical deadlines without subject as equal', () => {
    const [expiry] = computeDeadlines({ citizenship: 'EU', card: { type: 'EU', validUntil: '2028-02-01' } });
    expect(expiry && compareDeadlines(expiry, { ...expiry })).toBe(0);
  });

  it('gives nothing for bare facts', () => {
    expect(computeDeadlines({ citizenship: 'EU' })).toEqual([]);
    expect(computeDeadlines({ citizenship: 'NON_EU' }, DEFAULT_SETTINGS, '2026-11-23')).toEqual([]);
  });

  it('only marks the disputed A-card window as disputed', () => {
    const deadlines = computeDeadlines({ citizenship: 'NON_EU', card: { type: 'A', validUntil: '2027-07-12' }, movedOn: '2026-09-01' });
    expect(deadlines.filter((d) => d.disputed).map((d) => d.kind)).toEqual(['RENEWAL_WINDOW']);
    expect(deadlines.find((d) => d.kind === 'CARD_EXPIRY')).not.toHaveProperty('disputed');
  });
});

describe('rules', () => {
  it('have unique ids, a basis and an effective date', () => {
    const ids = DEADLINE_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of DEADLINE_RULES) {
      expect(rule.basis.length).toBeGreaterThan(10);
      expect(rule.effectiveFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(deadlineRule('nope')).toBeUndefined();
  });

  it('apply from effectiveFrom up to the day before effectiveUntil', () => {
    const rule = { effectiveFrom: '2025-09-01', effectiveUntil: '2026-08-04' };
    expect(isInEffect(rule, '2025-08-31')).toBe(false);
    expect(isInEffect(rule, '2025-09-01')).toBe(true);
    expect(isInEffect(rule, '2026-08-03')).toBe(true);
    expect(isInEffect(rule, '2026-08-04')).toBe(false);
    expect(isInEffect({ effectiveFrom: '2025-09-01' }, '2099-01-01')).toBe(true);
  });

  it('split EU registration at 1 Sep 2025 without overlap or gap', () => {
    const old = deadlineRule('eu-registration');
    const current = deadlineRule('eu-registration-full-file');
    expect(old?.effectiveUntil).toBe('2025-09-01');
    expect(current?.effectiveFrom).toBe('2025-09-01');
    expect(current?.effectiveUntil).toBeUndefined();
  });
});

describe('document expiry', () => {
  it('gives one deadline per document, in date order, tied to the document', () => {
    expect(
      documentExpiryDeadlines([
        { id: 'passport', expiresOn: '2030-01-01' },
        { id: 'medical', expiresOn: '2027-05-01' },
      ]),
    ).toEqual([
      { kind: 'DOCUMENT_EXPIRY', dueOn: '2027-05-01', basis: "The document's expiry date", confidence: 'H', actor: 'CLIENT', ruleId: 'document-expiry', ref: 'document:medical' },
      { kind: 'DOCUMENT_EXPIRY', dueOn: '2030-01-01', basis: "The document's expiry date", confidence: 'H', actor: 'CLIENT', ruleId: 'document-expiry', ref: 'document:passport' },
    ]);
  });
});

describe('facts and settings schemas', () => {
  it('parse legacy card letters and reject impossible facts', () => {
    expect(ZCaseFacts.parse({ citizenship: 'NON_EU', card: { type: 'D', validUntil: '2030-01-01' } }).card?.type).toBe('L');
    expect(ZCaseFacts.safeParse({ citizenship: 'NON_EU', absences: [{ from: '2026-05-01', to: '2026-04-01' }] }).success).toBe(false);
    expect(ZCaseFacts.safeParse({ citizenship: 'NON_EU', residencePeriods: [{ from: '2026-05-01', to: '2026-04-01' }] }).success).toBe(false);
    expect(ZCaseFacts.safeParse({ citizenship: 'NON_EU', decisionPeriodExtensions: 3 }).success).toBe(false);
    expect(ZCaseFacts.safeParse({ stay: 'LONG' }).success).toBe(false);
  });

  it('accept the defaults and refuse a window that opens after it closes', () => {
    expect(ZRulesSettings.parse(DEFAULT_SETTINGS)).toEqual({ renewalWindowDays: { A: 45, K: 40 } });
    expect(ZRulesSettings.safeParse({ renewalWindowDays: { A: 30 } }).success).toBe(false);
    expect(ZRulesSettings.safeParse({ renewalWindowDays: { Z: 45 } }).success).toBe(false);
  });
});
