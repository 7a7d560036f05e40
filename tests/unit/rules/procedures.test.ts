import { describe, expect, it } from 'vitest';
import { decisionPeriodFor, phasesOf, procedureDefinition, PROCEDURE_DEFINITIONS } from '@/lib/rules/procedures';
import { phaseOf } from '@/lib/rules/stages';
import { CASE_STAGES, PROCEDURES } from '@/lib/rules/vocabulary';

describe('procedures', () => {
  it('defines all ten procedures, each starting at INTAKE and able to close', () => {
    expect(Object.keys(PROCEDURE_DEFINITIONS).sort()).toEqual([...PROCEDURES].sort());
    for (const procedure of PROCEDURES) {
      const definition = procedureDefinition(procedure);
      expect(definition.initialStage).toBe('INTAKE');
      expect(definition.stages).toContain('INTAKE');
      expect(definition.stages).toContain('CLOSED');
    }
  });

  it('derives the phases from the stages', () => {
    expect(phasesOf('STUDY')).toEqual(['REGISTRATION', 'CARD_ISSUANCE', 'RENEWAL', 'APPEAL']);
    expect(phasesOf('APPEAL_RVV')).toEqual(['REGISTRATION', 'APPEAL']);
    expect(phasesOf('NATIONALITY_DECLARATION')).toEqual(['REGISTRATION', 'CARD_ISSUANCE', 'APPEAL']);
  });

  it('gives nationality no card, renewal or RvV appeal, and the RvV procedure only the appeal', () => {
    expect(procedureDefinition('NATIONALITY_DECLARATION').stages).not.toContain('CARD_ISSUED');
    expect(procedureDefinition('NATIONALITY_DECLARATION').stages).not.toContain('APPEAL_FILED');
    expect(procedureDefinition('APPEAL_RVV').stages).toEqual(['INTAKE', 'REFUSED', 'APPEAL_FILED', 'APPEAL_DECIDED', 'CLOSED']);
    expect(procedureDefinition('FAMILY_REUNIFICATION').stages).toEqual(CASE_STAGES);
    expect(procedureDefinition('LONG_TERM_RESIDENCE').cards).toEqual(['L']);
    expect(procedureDefinition('PERMANENT_RESIDENCE_EU_FAMILY').annexes).toEqual(['22']);
  });

  it.each([
    ['FAMILY_REUNIFICATION', 'NON_EU', 9, 'H'],
    ['FAMILY_REUNIFICATION', 'EU', 6, 'H'],
    ['FAMILY_REUNIFICATION', 'BELGIAN', 6, 'H'],
    ['LONG_TERM_RESIDENCE', undefined, 5, 'H'],
    ['REGISTRATION_EU', undefined, 6, 'H'],
    ['SINGLE_PERMIT', undefined, 4, 'L'],
    ['EU_BLUE_CARD', undefined, 4, 'L'],
  ] as const)('%s (sponsor %s) is decided within %i months (%s)', (procedure, sponsor, months, confidence) => {
    expect(decisionPeriodFor(procedure, sponsor)).toMatchObject({ months, confidence });
  });

  it('allows the non-EU sponsor period to be extended twice by 3 months', () => {
    expect(decisionPeriodFor('FAMILY_REUNIFICATION', 'NON_EU')).toMatchObject({ extensionMonths: 3, maxExtensions: 2 });
  });

  it.each([
    ['FAMILY_REUNIFICATION', undefined],
    ['NATIONALITY_DECLARATION', undefined],
    ['APPEAL_RVV', undefined],
    ['STUDY', undefined],
    ['REGISTRATION_NON_EU', undefined],
  ] as const)('%s has no tracked decision period', (procedure, sponsor) => {
    expect(decisionPeriodFor(procedure, sponsor)).toBeNull();
  });

  it('maps every stage to its phase', () => {
    expect(CASE_STAGES.map(phaseOf)).toEqual([
      'REGISTRATION',
      'REGISTRATION',
      'REGISTRATION',
      'REGISTRATION',
      'CARD_ISSUANCE',
      'CARD_ISSUANCE',
      'RENEWAL',
      'RENEWAL',
      'APPEAL',
      'APPEAL',
      'APPEAL',
      null,
    ]);
  });
});
