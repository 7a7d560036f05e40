import type { Buyer, Seller } from './fee-note-parties';
import type { VatBreakdownRow } from './fee-note-math';
import type { VatCategory } from './vat-category';

/** Everything printed on a fee note and put in its UBL file, in one shape, so the two never disagree. */
export type FeeNoteDocument = {
  /**
   * Present on a credit note only: the fee note it cancels (same lines and amounts, nothing to pay); `paid` when
   * that note was paid, so the amount is to be refunded.
   */
  credits?: { number: string; issuedOn: string; paid: boolean };
  number: string;
  issuedOn: string;
  dueOn: string;
  language: 'en' | 'nl' | 'fr';
  caseReference: string;
  seller: Seller;
  buyer: Buyer;
  lines: { position: number; description: string; /** UN/ECE rec. 20: HUR (hour) for time, C62 (one) for a fixed fee */ unitCode: 'HUR' | 'C62'; quantityThousandths: number; unitCents: number; vatRateBasisPoints: number; vatCategory: VatCategory; lineExclCents: number; lineVatCents: number }[];
  breakdown: VatBreakdownRow[];
  totalExclCents: number;
  vatCents: number;
  totalInclCents: number;
  structuredCommunication: string;
};
