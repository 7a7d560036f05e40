import { z } from 'zod';

// How long the firm keeps a client's file after the end of their last case, kept in Firm.settings.retention
// beside the other settings. Belgian lawyers keep their files five years after the end of the matter (the
// bars' rules, in line with the five-year limitation of a lawyer's liability, art. 2276bis Civil Code), so that
// is the default; a firm may keep them longer (up to 30 years, the longest limitation) or, with 0, not at all.

export const DEFAULT_RETENTION_YEARS = 5;
export const MAX_RETENTION_YEARS = 30;

// FormData sends the number as text; a blank field must not coerce to 0, which would allow erasure at once.
export const ZRetentionInput = z.object({
  years: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.coerce.number({ error: 'retentionYears' }).int('retentionYears').min(0, 'retentionYears').max(MAX_RETENTION_YEARS, 'retentionYears'),
  ),
});

const ZStored = z.object({ years: z.number().int().min(0).max(MAX_RETENTION_YEARS) });

/** The firm's retention in years; the default when the setting was never saved (or is unreadable). */
export function retentionYearsFrom(settings: unknown): number {
  const parsed = ZStored.safeParse((settings as { retention?: unknown } | null)?.retention);
  return parsed.success ? parsed.data.years : DEFAULT_RETENTION_YEARS;
}
