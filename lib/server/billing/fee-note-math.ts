import type { VatCategory } from './vat-category';

// Integer money arithmetic of a fee note: quantities in thousandths, amounts in cents, rates in basis points.
// Each line's excl. amount and VAT are rounded half-up on their own (the line is what the client reads), and the
// totals are the sums of the rounded lines, so the printed lines always add up.

/** Half-up division of non-negative integers. */
export const divideHalfUp = (numerator: number, denominator: number) => Math.floor((2 * numerator + denominator) / (2 * denominator));

/** Minutes as thousandths of an hour (90 min = 1500), half-up: 1 min = 17. */
export const minutesToThousandths = (minutes: number) => divideHalfUp(minutes * 1000, 60);

export type PricedLine = { quantityThousandths: number; unitCents: number; vatRateBasisPoints: number; vatCategory: VatCategory };

export function lineAmounts(line: PricedLine) {
  const lineExclCents = divideHalfUp(line.quantityThousandths * line.unitCents, 1000);
  return { lineExclCents, lineVatCents: divideHalfUp(lineExclCents * line.vatRateBasisPoints, 10_000) };
}

export type VatBreakdownRow = { category: VatCategory; rateBasisPoints: number; taxableCents: number; vatCents: number };

/** One row per category and rate, as a VAT breakdown on the note and UBL's TaxSubtotal. */
export function vatBreakdown(lines: (PricedLine & { lineExclCents: number; lineVatCents: number })[]): VatBreakdownRow[] {
  const rows = new Map<string, VatBreakdownRow>();
  for (const line of lines) {
    const key = `${line.vatCategory}/${line.vatRateBasisPoints}`;
    const row = rows.get(key) ?? { category: line.vatCategory, rateBasisPoints: line.vatRateBasisPoints, taxableCents: 0, vatCents: 0 };
    row.taxableCents += line.lineExclCents;
    row.vatCents += line.lineVatCents;
    rows.set(key, row);
  }
  return [...rows.values()];
}

/** 123456 cents -> "1234.56" (UBL amounts). */
export const centsToDecimal = (cents: number) => `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;
/** 1500 thousandths -> "1.5" */
export const thousandthsToDecimal = (value: number) => (value / 1000).toFixed(3).replace(/\.?0+$/, '');
/** 2100 basis points -> "21" */
export const basisPointsToPercent = (value: number) => (value / 100).toFixed(2).replace(/\.?0+$/, '');
