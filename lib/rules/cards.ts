import { addDays, addMonths, compareDates, minDate, type PlainDate } from './plain-date';
import { CARD_TYPES, type CardType, type Confidence } from './vocabulary';

// Belgian residence documents. The cards were renamed on 11 Oct 2021 (C -> K, D -> L, E -> EU, E+ -> EU+);
// files, old cards and clients still use the old letters, so input accepts them and maps them to the new name.

export const CARDS_RENAMED_ON: PlainDate = '2021-10-11';

/**
 * F and F+ cards in the layout used before 11 Oct 2021 stop being valid on 3 Aug 2026 at the latest
 * (Regulation (EU) 2019/1157 art. 16(2)), whatever date is printed on them.
 */
export const OLD_LAYOUT_FAMILY_CARD_LAST_DAY: PlainDate = '2026-08-03';

export type StayKind = 'LIMITED' | 'UNLIMITED' | 'PROVISIONAL';

export interface CardDefinition {
  type: CardType;
  /** The letter the card had before 11 Oct 2021, when it was renamed. */
  legacyLetter?: 'C' | 'D' | 'E' | 'E+';
  stay: StayKind;
  /** Usual validity of a newly issued card, in months; null where it follows another permit or varies. */
  validityMonths: number | null;
  basis: string;
  confidence: Confidence;
}

export const CARDS: Readonly<Record<CardType, CardDefinition>> = {
  A: { type: 'A', stay: 'LIMITED', validityMonths: 12, basis: 'DOMAIN: A card, usually 1 year', confidence: 'H' },
  B: { type: 'B', stay: 'UNLIMITED', validityMonths: 60, basis: 'B card: 5 years, renewed without conditions', confidence: 'H' },
  K: { type: 'K', legacyLetter: 'C', stay: 'UNLIMITED', validityMonths: 120, basis: 'K card (settlement): 10 years', confidence: 'H' },
  L: { type: 'L', legacyLetter: 'D', stay: 'UNLIMITED', validityMonths: 120, basis: 'L card (EU long-term resident): 10 years', confidence: 'H' },
  EU: { type: 'EU', legacyLetter: 'E', stay: 'UNLIMITED', validityMonths: 60, basis: 'EU card (registration certificate): up to 5 years', confidence: 'H' },
  EU_PLUS: {
    type: 'EU_PLUS',
    legacyLetter: 'E+',
    stay: 'UNLIMITED',
    // 10 years is announced but not yet in force: keep 5 until a dated rule replaces it.
    validityMonths: 60,
    basis: 'EU+ card (permanent residence): 5 years',
    confidence: 'M',
  },
  F: { type: 'F', stay: 'LIMITED', validityMonths: 60, basis: 'F card (family of an EU citizen): 5 years', confidence: 'H' },
  F_PLUS: { type: 'F_PLUS', stay: 'UNLIMITED', validityMonths: 120, basis: 'F+ card: 10 years if issued since 11 Oct 2021', confidence: 'H' },
  H: { type: 'H', stay: 'LIMITED', validityMonths: null, basis: 'EU Blue Card: follows the single permit', confidence: 'H' },
  ORANGE: { type: 'ORANGE', stay: 'PROVISIONAL', validityMonths: null, basis: 'Annex 4 (orange card): 1–9 months, extended while pending', confidence: 'H' },
  I: { type: 'I', stay: 'LIMITED', validityMonths: null, basis: 'I card: intra-corporate transfer', confidence: 'M' },
  J: { type: 'J', stay: 'LIMITED', validityMonths: null, basis: 'J card: long-term mobility of an intra-corporate transferee', confidence: 'M' },
  M: { type: 'M', stay: 'UNLIMITED', validityMonths: null, basis: 'M card: beneficiary of the Brexit withdrawal agreement', confidence: 'M' },
  N: { type: 'N', stay: 'LIMITED', validityMonths: null, basis: 'N card: Brexit frontier worker', confidence: 'M' },
};

const INPUT_SPELLINGS: Readonly<Record<string, CardType>> = {
  C: 'K',
  D: 'L',
  E: 'EU',
  'E+': 'EU_PLUS',
  'EU+': 'EU_PLUS',
  'F+': 'F_PLUS',
};

function isCardType(value: string): value is CardType {
  return (CARD_TYPES as readonly string[]).includes(value);
}

/**
 * The canonical card type for what a person or a file wrote: canonical names, the legacy letters
 * (C, D, E, E+) and the printed spellings EU+ and F+, ignoring case and surrounding spaces. Null otherwise.
 */
export function parseCardType(input: unknown): CardType | null {
  if (typeof input !== 'string') return null;
  const value = input.trim().toUpperCase();
  if (isCardType(value)) return value;
  return INPUT_SPELLINGS[value] ?? null;
}

export interface CardFacts {
  type?: CardType;
  number?: string;
  validFrom?: PlainDate;
  validUntil?: PlainDate;
}

/** An F/F+ card issued in the layout used before 11 Oct 2021. Unknown issue date: assume the new layout. */
export function isOldLayoutFamilyCard(card: CardFacts): card is CardFacts & { validFrom: PlainDate } {
  const familyCard = card.type === 'F' || card.type === 'F_PLUS';
  return familyCard && card.validFrom !== undefined && compareDates(card.validFrom, CARDS_RENAMED_ON) < 0;
}

/** The last day the card is really valid: the printed date, capped for old-layout F/F+ cards. */
export function effectiveCardExpiry(card: CardFacts & { validUntil: PlainDate }): PlainDate {
  return isOldLayoutFamilyCard(card) ? minDate(card.validUntil, OLD_LAYOUT_FAMILY_CARD_LAST_DAY) : card.validUntil;
}

/** Usual validity in months for a card issued on `issuedOn`; F+ cards issued before 11 Oct 2021 ran 5 years. */
export function cardValidityMonths(type: CardType, issuedOn?: PlainDate): number | null {
  if (type === 'F_PLUS' && issuedOn !== undefined && compareDates(issuedOn, CARDS_RENAMED_ON) < 0) return 60;
  return CARDS[type].validityMonths;
}

/** The usual last day of validity of a card issued on `issuedOn` (a 1-year card from 13 Jul runs to 12 Jul). */
export function typicalValidUntil(type: CardType, issuedOn: PlainDate): PlainDate | null {
  const months = cardValidityMonths(type, issuedOn);
  return months === null ? null : addDays(addMonths(issuedOn, months), -1);
}
