// How a service reads to a person: its name and description in their language, what it costs with VAT and how
// long it usually takes. Pure: no I/O, shared by the settings page, the portal and the public page.

export type LocalizedText = Partial<Record<'en' | 'nl' | 'fr' | 'de', string>>;

/** The text in the reader's language, else the English every service has. */
export function localizedText(value: unknown, locale: string): string {
  const texts = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const own = texts[locale];
  if (typeof own === 'string' && own.trim()) return own;
  return typeof texts.en === 'string' ? texts.en : '';
}

/** VAT on an amount excluding VAT, rounded to the cent as an invoice line would be. */
export function inclVatCents(exclCents: number, vatRateBasisPoints: number): number {
  return exclCents + Math.round((exclCents * vatRateBasisPoints) / 10_000);
}

export type Timeline =
  | { kind: 'none' }
  | { kind: 'about'; unit: 'days' | 'weeks'; count: number }
  | { kind: 'range'; unit: 'days' | 'weeks'; min: number; max: number };

/** Whole weeks read as weeks ("2–4 weeks"), anything else as days ("about 10 days"). */
export function timelineOf(min: number | null, max: number | null): Timeline {
  if (min === null || max === null) return { kind: 'none' };
  const weeks = min % 7 === 0 && max % 7 === 0 && min >= 7;
  const unit = weeks ? 'weeks' : 'days';
  const scale = weeks ? 7 : 1;
  return min === max ? { kind: 'about', unit, count: min / scale } : { kind: 'range', unit, min: min / scale, max: max / scale };
}

/** The catalogue key and values for a timeline, inside a namespace holding none, aboutDays, aboutWeeks, rangeDays, rangeWeeks. */
export function timelineMessage(timeline: Timeline): { key: string; values: Record<string, number> } {
  if (timeline.kind === 'none') return { key: 'none', values: {} };
  const unit = timeline.unit === 'weeks' ? 'Weeks' : 'Days';
  return timeline.kind === 'about' ? { key: `about${unit}`, values: { count: timeline.count } } : { key: `range${unit}`, values: { min: timeline.min, max: timeline.max } };
}
