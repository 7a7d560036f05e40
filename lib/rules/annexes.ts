// Annexes are the numbered forms of the Royal Decree of 8 Oct 1981; advisors and clients name documents
// by them ("she has an Annex 15"), so they are first-class keys with localized labels.

export const ANNEX_KEYS = ['3', '3ter', '4', '8ter', '15', '16', '16bis', '17', '18', '19', '19ter', '22'] as const;
export type AnnexKey = (typeof ANNEX_KEYS)[number];

/** Annex 4 is the orange card (attestation of registration) that covers an applicant while the procedure runs. */
export const ORANGE_CARD_ANNEX: AnnexKey = '4';
