import { rollBackToWorkingDay } from './calendar';
import {
  CARDS_RENAMED_ON,
  effectiveCardExpiry,
  isOldLayoutFamilyCard,
  OLD_LAYOUT_FAMILY_CARD_LAST_DAY,
} from './cards';
import { LONG_STANDING, type DeadlineRule, type RuleHit } from './deadline-rule';
import type { CaseFacts } from './facts';
import { addDays, addYears, compareDates, type PlainDate } from './plain-date';
import { DISPUTED_RENEWAL_WINDOWS, RENEWAL_WINDOW_CLOSES_DAYS_BEFORE } from './settings';
import type { CardType } from './vocabulary';

// Deadlines that follow from the card a person holds. Deadlines counted backwards from the expiry ("at least
// 30 days before") are moved to the previous working day when they fall on a weekend or holiday: moving them
// later, as for forward periods, would leave less than the required time before expiry.

/** Students must ask for renewal at least 15 days before the A card expires. */
export const STUDENT_RENEWAL_DAYS_BEFORE = 15;

interface HeldCard {
  type?: CardType | undefined;
  validFrom?: PlainDate | undefined;
  validUntil: PlainDate;
}

function heldCard(facts: CaseFacts): HeldCard | null {
  const card = facts.card;
  return card?.validUntil ? { ...card, validUntil: card.validUntil } : null;
}

/** An old-layout F/F+ card whose printed date lies beyond the 3 Aug 2026 cut-off. */
function capBites(card: HeldCard): card is HeldCard & { validFrom: PlainDate } {
  return isOldLayoutFamilyCard(card) && compareDates(card.validUntil, OLD_LAYOUT_FAMILY_CARD_LAST_DAY) > 0;
}

const CARD_EXPIRY: DeadlineRule = {
  id: 'card-expiry',
  kind: 'CARD_EXPIRY',
  actor: 'CLIENT',
  basis: "The card's valid-until date",
  confidence: 'H',
  effectiveFrom: LONG_STANDING,
  evaluate(facts) {
    const card = heldCard(facts);
    if (!card || capBites(card)) return [];
    return [{ judgedOn: card.validUntil, dueOn: card.validUntil }];
  },
};

// Judged on the issue date: the rule covers F/F+ cards issued in the layout used until 11 Oct 2021.
const CARD_EXPIRY_OLD_LAYOUT: DeadlineRule = {
  id: 'card-expiry-old-layout-family-card',
  kind: 'CARD_EXPIRY',
  actor: 'CLIENT',
  basis: 'Regulation (EU) 2019/1157 art. 16(2): old-layout F/F+ cards stop being valid on 3 Aug 2026 at the latest',
  confidence: 'H',
  effectiveFrom: LONG_STANDING,
  effectiveUntil: CARDS_RENAMED_ON,
  evaluate(facts) {
    const card = heldCard(facts);
    if (!card || !capBites(card)) return [];
    return [{ judgedOn: card.validFrom, dueOn: OLD_LAYOUT_FAMILY_CARD_LAST_DAY }];
  },
};

function renewalBasis(type: CardType, opensDaysBefore: number): Pick<RuleHit, 'basis' | 'confidence' | 'disputed'> {
  if (DISPUTED_RENEWAL_WINDOWS.includes(type)) {
    return {
      basis: `A card renewal from day ${opensDaysBefore} to day 30 before expiry (firm setting; disputed: municipal pages 45, Agii 40, single permit 60)`,
      confidence: 'L',
      disputed: true,
    };
  }
  if (type === 'K' && opensDaysBefore === 40) {
    return { basis: 'K card renewal between the 40th and the 30th day before expiry (Agii)', confidence: 'H' };
  }
  return { basis: `Renewal from day ${opensDaysBefore} to day 30 before expiry (firm setting)`, confidence: 'L' };
}

const RENEWAL_WINDOW: DeadlineRule = {
  id: 'renewal-window',
  kind: 'RENEWAL_WINDOW',
  actor: 'CLIENT',
  basis: 'Renewal window before the card expires',
  confidence: 'L',
  effectiveFrom: LONG_STANDING,
  evaluate(facts, { settings }) {
    const card = heldCard(facts);
    if (!card?.type) return [];
    if (card.type === 'A' && facts.isStudent) return [];
    const opensDaysBefore = settings.renewalWindowDays[card.type];
    if (opensDaysBefore === undefined) return [];
    const expiry = effectiveCardExpiry(card);
    return [
      {
        judgedOn: expiry,
        opensOn: addDays(expiry, -opensDaysBefore),
        dueOn: rollBackToWorkingDay(addDays(expiry, -RENEWAL_WINDOW_CLOSES_DAYS_BEFORE)),
        ...renewalBasis(card.type, opensDaysBefore),
      },
    ];
  },
};

const STUDENT_RENEWAL: DeadlineRule = {
  id: 'renewal-window-student',
  kind: 'RENEWAL_WINDOW',
  actor: 'CLIENT',
  basis: 'Students: request renewal of the A card at least 15 days before it expires',
  confidence: 'M',
  effectiveFrom: LONG_STANDING,
  evaluate(facts) {
    const card = heldCard(facts);
    if (!card || card.type !== 'A' || !facts.isStudent) return [];
    return [{ judgedOn: card.validUntil, dueOn: rollBackToWorkingDay(addDays(card.validUntil, -STUDENT_RENEWAL_DAYS_BEFORE)) }];
  },
};

const PERMANENT_RESIDENCE: DeadlineRule = {
  id: 'permanent-residence-family',
  kind: 'PERMANENT_RESIDENCE',
  actor: 'CLIENT',
  basis: 'Law 15/12/1980 art. 42quinquies; Annex 22: request permanent residence before the F card expires',
  confidence: 'H',
  effectiveFrom: LONG_STANDING,
  evaluate(facts) {
    const card = heldCard(facts);
    if (!card || card.type !== 'F') return [];
    const dueOn = rollBackToWorkingDay(effectiveCardExpiry(card));
    // Permanent residence is acquired after 5 years of legal residence; before that the request cannot succeed.
    const fiveYears = facts.legalResidenceSince ? addYears(facts.legalResidenceSince, 5) : undefined;
    const opensOn = fiveYears && compareDates(fiveYears, dueOn) < 0 ? fiveYears : undefined;
    return [{ judgedOn: card.validUntil, dueOn, ...(opensOn ? { opensOn } : {}) }];
  },
};

export const CARD_RULES: readonly DeadlineRule[] = [
  CARD_EXPIRY,
  CARD_EXPIRY_OLD_LAYOUT,
  RENEWAL_WINDOW,
  STUDENT_RENEWAL,
  PERMANENT_RESIDENCE,
];
