import type { Buyer, Seller } from './fee-note-parties';
import type { VatBreakdownRow } from './fee-note-math';
import type { VatCategory } from './vat-category';

/** Everything printed on a fee note and put in its UBL file, in one shape, so the two never disagree. */
export type FeeNoteDocument = {
  /** a credit note cancels the fee note in `credits`: same lines and amounts, nothing to pay (or a refund) */
  kind: 'INVOICE' | 'CREDIT_NOTE';
  /** `paid`: the cancelled note was paid, so the credit note's amount is to be refunded */
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
