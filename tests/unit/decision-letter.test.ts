import { describe, expect, it } from 'vitest';
import { readDecisionLetter } from '@/lib/rules/decision-letter/read-decision-letter';
import { writtenDates } from '@/lib/rules/decision-letter/written-dates';
import { decisionLetterLines } from '../support/decision-letters';

const FACTS = { decisionDate: '2026-11-12', notifiedOn: '2026-11-16', dvzFileNumber: '8123456', clientName: 'Amina El Idrissi' };
const AS_OF = '2026-12-04';
const read = (text: string, applicationFiledOn: string | null = null) => readDecisionLetter(text, { asOf: AS_OF, applicationFiledOn });
/** What each field was read from, as the review screen highlights it. */
const passage = (text: string, found: { start: number; end: number } | null) => (found ? text.slice(found.start, found.end) : null);

describe('reading a DVZ/OE decision letter', () => {
  it.each(['nl', 'fr'] as const)('proposes every field of an Annex 20 refusal in %s, each with its passage', (lang) => {
    const text = decisionLetterLines(lang, FACTS).join('\n');
    const p = read(text, '2026-02-01');
    expect(p.language).toBe(lang);
    expect(p.decisionType?.value).toBe('ANNEX_20');
    expect(p.outcome?.value).toBe('REFUSED');
    expect(p.decisionDate?.value).toBe('2026-11-12');
    expect(p.notifiedOn?.value).toBe('2026-11-16');
    expect(p.notificationMethod?.value).toBe('IN_PERSON');
    expect(p.dvzFileNumber?.value).toBe('8123456');
    expect(p.regime?.value).toBe('ORDINARY');
    expect(p.statedPeriodDays?.value).toBe(30);
    expect(p.flags).toEqual({});
    expect(passage(text, p.notifiedOn)).toMatch(lang === 'nl' ? /^ter kennis gebracht op 16 november 2026$/ : /^notifiée à l'intéressé le 16 novembre 2026$/);
    expect(passage(text, p.dvzFileNumber)).toContain('8123456');
    expect(passage(text, p.decisionDate)).toMatch(/^Bru\w+, (le )?12 nov\w+ 2026$/);
  });

  it('proposes nothing it did not read: a letter without dates, type or number gives empty fields', () => {
    const p = read('Geachte heer, mevrouw,\nIn bijlage vindt u de gevraagde documenten terug.\nMet de meeste hoogachting.');
    expect(p).toMatchObject({ decisionType: null, outcome: null, decisionDate: null, notifiedOn: null, notificationMethod: null, dvzFileNumber: null, regime: null, statedPeriodDays: null, flags: {} });
  });

  it('leaves the language empty when too few words tell it', () => {
    expect(read('Bijlage 20').language).toBeNull();
  });

  it.each([
    ['Bijlage 13septies', 'ANNEX_13SEPTIES'],
    ['ANNEXE 13 septies', 'ANNEX_13SEPTIES'],
    ['Bijlage 13', 'ANNEX_13'],
    ['Annexe 14', 'ANNEX_14'],
    ['Annex 21', 'ANNEX_21'],
    ['Bijlage 41', 'ANNEX_41'],
    ['aanvraag op grond van artikel 9ter onontvankelijk', 'REFUSAL_9TER'],
    ['demande introduite sur la base de l’article 9bis irrecevable', 'REFUSAL_9BIS'],
    ['refus de la demande de regroupement familial', 'REFUSAL_FAMILY_REUNIFICATION'],
  ])('reads the decision type from "%s"', (text, type) => {
    expect(read(text).decisionType?.value).toBe(type);
  });

  it.each([
    ['beslissing tot beëindiging van het verblijf', 'WITHDRAWN'],
    ['decision de fin de sejour (OCR without accents)', 'WITHDRAWN'],
    ['De aanvraag wordt ongegrond verklaard.', 'REFUSED'],
    ['Le titre de séjour est accordé.', 'APPROVED'],
  ])('reads the outcome from "%s"', (text, outcome) => {
    expect(read(text).outcome?.value).toBe(outcome);
  });

  it('reads a registered letter and the detention regime with its shorter period', () => {
    const text = 'Beslissing van 02.11.2026. Betrokkene wordt vastgehouden in een gesloten centrum. Betekend op 03/11/2026 per aangetekende brief. Beroep binnen tien dagen.';
    const p = read(text);
    expect(p.decisionDate?.value).toBe('2026-11-02');
    expect(p.notifiedOn?.value).toBe('2026-11-03');
    expect(p.notificationMethod?.value).toBe('REGISTERED_LETTER');
    expect(p.regime?.value).toBe('DETAINED');
    expect(p.statedPeriodDays?.value).toBe(10);
  });

  it('takes extreme urgency as the regime only when the letter states a short period', () => {
    expect(read('Recours en extrême urgence dans un délai de cinq jours.').regime?.value).toBe('EXTREME_URGENCY');
    expect(read('Recours en extrême urgence.').regime).toBeNull();
    expect(read('Vordering bij uiterst dringende noodzakelijkheid bij de Raad voor Vreemdelingenbetwistingen binnen de termijn van dertig dagen.').regime?.value).toBe('ORDINARY');
  });

  it('reads no method when the letter does not say how it was notified', () => {
    const p = read('Notified on 1 December 2026.');
    expect(p.notifiedOn?.value).toBe('2026-12-01');
    expect(p.notificationMethod).toBeNull();
    expect(read('Delivered in person.').notificationMethod).toBeNull();
  });

  it('flags a date in the future, before the application, and a notification before the decision', () => {
    const p = read('Brussel, 20 december 2026. Betekend op 14 januari 2026 in persoon.', '2026-02-01');
    expect(p.flags).toEqual({ decisionDate: ['IN_FUTURE'], notifiedOn: ['BEFORE_APPLICATION', 'BEFORE_DECISION'] });
  });

  it('keeps the period as the digits in brackets say when words and digits differ (OCR)', () => {
    expect(read('binnen de dertig (15) dagen').statedPeriodDays?.value).toBe(15);
    expect(read('within 30 days').statedPeriodDays?.value).toBe(30);
  });
});

describe('dates as letters write them', () => {
  it('reads written and numeric dates, with accents or without, and skips impossible ones', () => {
    expect(writtenDates('le 1er décembre 2026, le 3 fevrier 2027, 29 aout 2026, 31/02/2026, 5-6-2026').map((d) => d.value)).toEqual(['2026-12-01', '2027-02-03', '2026-08-29', '2026-06-05']);
    expect(writtenDates('30 februari 2026')).toEqual([]);
  });
});
