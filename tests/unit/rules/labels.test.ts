import { describe, expect, it } from 'vitest';
import { ANNEX_KEYS } from '@/lib/rules/annexes';
import { HOLIDAY_KEYS } from '@/lib/rules/calendar';
import { REQUIREMENT_KEYS } from '@/lib/rules/checklists';
import { FINDING_CODES } from '@/lib/rules/document-checks';
import { cardLabel, ruleLabel, ruleLabelKeys, type RuleLabelKey } from '@/lib/rules/labels';
import { REASON_CODES, TRANSITION_IDS } from '@/lib/rules/transitions';
import {
  ACTORS,
  APPEAL_REGIMES,
  APPEAL_RESULTS,
  CARD_TYPES,
  CASE_STAGES,
  CONFIDENCES,
  DEADLINE_KINDS,
  DECISION_OUTCOMES,
  DOCUMENT_KINDS,
  LOCALES,
  PHASES,
  PROCEDURES,
} from '@/lib/rules/vocabulary';

describe('rule labels', () => {
  it('has a label for every value of every vocabulary', () => {
    const expected = [
      ...CARD_TYPES.map((v) => `card.${v}`),
      ...CARD_TYPES.map((v) => `cardHolder.${v}`),
      ...ANNEX_KEYS.map((v) => `annex.${v}`),
      'authority.DVZ',
      'authority.RVV',
      'authority.COMMUNE',
      ...PROCEDURES.map((v) => `procedure.${v}`),
      ...CASE_STAGES.map((v) => `stage.${v}`),
      ...PHASES.map((v) => `phase.${v}`),
      ...TRANSITION_IDS.map((v) => `transition.${v}`),
      ...REASON_CODES.map((v) => `reason.${v}`),
      ...APPEAL_RESULTS.map((v) => `appealResult.${v}`),
      ...APPEAL_REGIMES.map((v) => `regime.${v}`),
      ...DECISION_OUTCOMES.map((v) => `outcome.${v}`),
      ...DEADLINE_KINDS.map((v) => `deadline.${v}`),
      ...HOLIDAY_KEYS.map((v) => `holiday.${v}`),
      ...CONFIDENCES.map((v) => `confidence.${v}`),
      ...ACTORS.map((v) => `actor.${v}`),
      ...DOCUMENT_KINDS.map((v) => `documentKind.${v}`),
      ...REQUIREMENT_KEYS.map((v) => `requirement.${v}`),
      ...FINDING_CODES.map((v) => `finding.${v}`),
    ];
    expect([...ruleLabelKeys()].sort()).toEqual(expected.sort());
  });

  it('gives every key a non-empty text in en, nl and fr', () => {
    for (const key of ruleLabelKeys()) {
      for (const locale of LOCALES) {
        const text = ruleLabel(locale, key);
        expect(text.trim().length, `${key} ${locale}`).toBeGreaterThan(0);
        expect(text, `${key} ${locale}`).not.toBe(key);
      }
    }
  });

  it('translates stages, phases and procedures (not the same text in all three languages)', () => {
    const prefixes = ['stage.', 'phase.', 'procedure.', 'deadline.', 'reason.', 'transition.'];
    for (const key of ruleLabelKeys().filter((k) => prefixes.some((p) => k.startsWith(p)))) {
      if (key === 'stage.INTAKE') continue; // "Intake" is also the Dutch word
      const texts = LOCALES.map((locale) => ruleLabel(locale, key));
      expect(new Set(texts).size, key).toBeGreaterThan(1);
    }
  });

  it.each([
    ['card.A', 'A card', 'A-kaart', 'carte A'],
    ['card.K', 'K card', 'K-kaart', 'carte K'],
    ['card.EU_PLUS', 'EU+ card', 'EU+-kaart', 'carte EU+'],
    ['annex.19ter', 'Annex 19ter', 'Bijlage 19ter', 'Annexe 19ter'],
    ['authority.RVV', 'Council for Alien Law Litigation', 'Raad voor Vreemdelingenbetwistingen', 'Conseil du Contentieux des Etrangers'],
    ['authority.DVZ', 'Immigration Office', 'Dienst Vreemdelingenzaken', 'Office des Étrangers'],
    ['holiday.WHIT_MONDAY', 'Whit Monday', 'Pinkstermaandag', 'Lundi de Pentecôte'],
  ] as const)('%s uses the official terms', (key, en, nl, fr) => {
    expect(ruleLabel('en', key)).toContain(en);
    expect(ruleLabel('nl', key)).toContain(nl);
    expect(ruleLabel('fr', key)).toContain(fr);
  });

  it('falls back to the key for a stored key that no longer exists', () => {
    expect(ruleLabel('en', 'card.Q' as RuleLabelKey)).toBe('card.Q');
  });

  it('shows legacy card letters with their new name', () => {
    expect(cardLabel('nl', 'C')).toBe('K-kaart');
    expect(cardLabel('fr', 'E+')).toBe('carte EU+');
    expect(cardLabel('en', 'D')).toBe('L card');
    expect(cardLabel('en', 'Q')).toBeNull();
  });
});
