import type { DecisionType } from './vocabulary';

// The wording of DVZ/OE letters in Dutch, French and English, as patterns over the letter's own text (so a
// match's offsets are the highlight). Accents are optional and spaces stretch: OCR drops the one, doubles the other.

const E = '[eéèëê]';
const A = '[aàâ]';
const I = '[iïî]';
const U = '[uû]';
export const accentless = (word: string) => word.replace(/[eéèëê]/g, E).replace(/[aàâ]/g, A).replace(/[iïî]/g, I).replace(/[uû]/g, U).replace(/ /g, '\\s+');
const any = (...words: string[]) => new RegExp(words.map(accentless).join('|'), 'iu');

export const DECISION_TYPE_PATTERNS: readonly [DecisionType, RegExp][] = [
  // 13septies first: "Bijlage 13" is a prefix of it.
  ['ANNEX_13SEPTIES', /\b(?:bijlage|annexe|annex)\s*13\s*septies\b/iu],
  ['ANNEX_13', /\b(?:bijlage|annexe|annex)\s*13\b(?!\s*septies)/iu],
  ['ANNEX_14', /\b(?:bijlage|annexe|annex)\s*14\b/iu],
  ['ANNEX_20', /\b(?:bijlage|annexe|annex)\s*20\b/iu],
  ['ANNEX_21', /\b(?:bijlage|annexe|annex)\s*21\b/iu],
  ['ANNEX_41', /\b(?:bijlage|annexe|annex)\s*41\b/iu],
  ['REFUSAL_9TER', /\b(?:artikel|article|art\.)\s*9\s*ter\b/iu],
  ['REFUSAL_9BIS', /\b(?:artikel|article|art\.)\s*9\s*bis\b/iu],
  ['REFUSAL_FAMILY_REUNIFICATION', any('gezinshereniging', 'regroupement familial', 'family reunification')],
];

// Withdrawal before refusal: an end-of-stay letter also speaks of "weigering" in its grounds.
export const OUTCOME_PATTERNS = [
  ['WITHDRAWN', any('beëindiging van het verblijf', 'einde aan het verblijf', 'intrekking van het verblijf', 'fin de séjour', 'fin au séjour', 'retrait du séjour', 'withdrawal of residence', 'termination of residence')],
  ['REFUSED', any('weigering', 'geweigerd', 'onontvankelijk', 'ongegrond', 'refus', 'irrecevable', 'non fondée', 'refusal', 'refused', 'inadmissible')],
  ['APPROVED', any('ingewilligd', 'toegekend', 'wordt toegestaan', 'est accordé', 'est accordée', 'accord favorable', 'granted', 'approved')],
] as const;

export const DECISION_DATE_ANCHORS = any('brussel,', 'bruxelles,', 'bruxelles, le', 'fait à bruxelles, le', 'datum van de beslissing', 'beslissing van', 'genomen op', 'date de la décision', 'décision du', 'décision prise le', 'prise le', 'date of the decision', 'decision of', 'brussels,');
export const NOTIFIED_ANCHORS = any('betekend op', 'ter kennis gebracht op', 'kennisgeving op', 'kennis gegeven op', 'notifiée à l’intéressé le', "notifiée à l'intéressé le", 'notifié à l’intéressé le', "notifié à l'intéressé le", 'notifiée le', 'notifié le', 'notification le', 'notified on', 'served on');

export const METHOD_PATTERNS = [
  ['IN_PERSON', any('in persoon', 'persoonlijk overhandigd', 'en mains propres', 'en personne', 'in person', 'by hand')],
  ['REGISTERED_LETTER', any('aangetekend', 'aangetekende', 'recommandé', 'recommandée', 'registered letter', 'registered mail')],
] as const;

export const DVZ_NUMBER = new RegExp(
  `(?:dossiernummer|dossier\\s*nr\\.?|dvz[- ]?nummer|ref\\.?\\s*dvz|n${U}m${E}ro\\s+de\\s+dossier|n°\\s*(?:de\\s+)?dossier|n°\\s*o\\.?${E}\\.?|r${E}f${E}rence\\s+o\\.?${E}\\.?|file\\s+number)\\s*:?\\s*([0-9][0-9./ ]{3,14}[0-9])`,
  'iu',
);

export const DETENTION = any('vasthouding', 'gesloten centrum', 'maintien en vue', 'maintenu', 'centre fermé', 'détention', 'detention', 'detained');
export const URGENCY = any('uiterst dringende noodzakelijkheid', 'extrême urgence', 'extreme urgency');
export const APPEAL_CLAUSE = any('raad voor vreemdelingenbetwistingen', 'conseil du contentieux des étrangers', 'council for alien law litigation');

const NUMBER_WORDS: Record<string, number> = { vijf: 5, cinq: 5, five: 5, tien: 10, dix: 10, ten: 10, vijftien: 15, quinze: 15, fifteen: 15, dertig: 30, trente: 30, thirty: 30 };
export const PERIOD = new RegExp(
  `(?:binnen\\s+(?:de\\s+|een\\s+)?(?:termijn\\s+van\\s+)?|dans\\s+(?:les\\s+|un\\s+d${E}lai\\s+de\\s+)|within\\s+)(${Object.keys(NUMBER_WORDS).join('|')}|\\d{1,3})(?:\\s*\\((\\d{1,3})\\))?\\s*(?:dagen|jours|days)`,
  'iu',
);
// PERIOD only matches digits or a word of NUMBER_WORDS, so the lookup always finds one.
export const numberWord = (word: string): number => (/^\d+$/.test(word) ? Number(word) : NUMBER_WORDS[word.toLowerCase()]!);

export const LANGUAGE_WORDS = {
  nl: /\b(?:de|het|van|een|beslissing|betrokkene|verblijf|dagen)\b/giu,
  fr: /\b(?:le|la|les|des|du|décision|intéressé|séjour|jours)\b/giu,
  en: /\b(?:the|of|and|decision|residence|days)\b/giu,
} as const;
