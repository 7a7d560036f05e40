import type { Prisma } from '@/lib/generated/prisma/client';

// The columns every reader of the catalogue needs; the firm and archive facts stay out of what is shown.
export const SERVICE_VIEW = {
  id: true, name: true, description: true, typicalDaysMin: true, typicalDaysMax: true, feeKind: true, feeCents: true,
  vatRateBasisPoints: true, procedures: true, showOnPublicPage: true, position: true,
} satisfies Prisma.ServiceSelect;

export type ServiceView = Prisma.ServiceGetPayload<{ select: typeof SERVICE_VIEW }>;

/** What the audit row keeps of a service: the facts a partner would check, the English name to recognise it. */
export function serviceAuditFacts(s: { name: unknown; feeKind: string; feeCents: number; vatRateBasisPoints: number; typicalDaysMin: number | null; typicalDaysMax: number | null; procedures: string[]; showOnPublicPage: boolean; position: number }) {
  const name = (s.name ?? {}) as { en?: string };
  return {
    name: name.en ?? null, feeKind: s.feeKind, feeCents: s.feeCents, vatRateBasisPoints: s.vatRateBasisPoints,
    typicalDaysMin: s.typicalDaysMin, typicalDaysMax: s.typicalDaysMax, procedures: s.procedures, showOnPublicPage: s.showOnPublicPage, position: s.position,
  };
}
