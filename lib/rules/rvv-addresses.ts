import type { Confidence } from './vocabulary';

// Where an extreme-urgency petition goes when it cannot wait for J-Box office hours: the Council's seat, in the
// language of procedure. J-Box is the filing channel for every appeal since 1 March 2022; this address is for
// the registry's contact in an urgent case and for the petition's heading.
// Confidence M: the seat as published on rvv-cce.be (checked 2026); firms should verify it before relying on it.

export type RvvAddress = { name: string; street: string; city: string; basis: string; confidence: Confidence };

export const RVV_ADDRESSES: Record<'nl' | 'fr', RvvAddress> = {
  nl: { name: 'Raad voor Vreemdelingenbetwistingen', street: 'Gaucheretstraat 92-94', city: '1030 Brussel', basis: 'rvv-cce.be, contact', confidence: 'M' },
  fr: { name: 'Conseil du Contentieux des Étrangers', street: 'Rue Gaucheret 92-94', city: '1030 Bruxelles', basis: 'rvv-cce.be, contact', confidence: 'M' },
};

export const URGENT_REGIMES = new Set(['EXTREME_URGENCY', 'EXTREME_URGENCY_REPEAT']);
