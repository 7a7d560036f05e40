import { z } from 'zod';
import { CARD_TYPES, type CardType } from './vocabulary';

// Firm settings the rules read. Only values the sources dispute, or that the law leaves to practice, are
// settings; everything the law fixes stays in the rules. lib/server stores these per firm and validates
// them with ZRulesSettings before use.

/** The renewal window closes on the 30th day before expiry for every card that has one (A and K cards). */
export const RENEWAL_WINDOW_CLOSES_DAYS_BEFORE = 30;

export const ZRulesSettings = z.object({
  /**
   * Day before expiry on which the renewal window opens, per card. A card: 45 (municipal pages) vs 40 (Agii)
   * vs 60 (single permit) — disputed, default 45. K card: 40 (H). A card without a value has no window.
   */
  renewalWindowDays: z.partialRecord(z.enum(CARD_TYPES), z.int().min(RENEWAL_WINDOW_CLOSES_DAYS_BEFORE + 1).max(365)),
});
export type RulesSettings = z.output<typeof ZRulesSettings>;

export const DEFAULT_SETTINGS: RulesSettings = {
  renewalWindowDays: { A: 45, K: 40 },
};

/** Settings whose default is disputed between sources; the UI says so next to the value. */
export const DISPUTED_RENEWAL_WINDOWS: readonly CardType[] = ['A'];
