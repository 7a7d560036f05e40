import { isPlainDate, type PlainDate } from '../plain-date';
import type { Found } from './vocabulary';

// Dates as DVZ/OE letters write them: "12 november 2026", "12 novembre 2026", "1er décembre 2026", "12/11/2026",
// "12.11.2026", "12-11-2026". OCR drops accents and doubles spaces, so months match without accents.

const MONTHS: Record<string, number> = {
  januari: 1, februari: 2, maart: 3, april: 4, mei: 5, juni: 6, juli: 7, augustus: 8, september: 9, oktober: 10, november: 11, december: 12,
  janvier: 1, fevrier: 2, mars: 3, avril: 4, mai: 5, juin: 6, juillet: 7, aout: 8, septembre: 9, octobre: 10, novembre: 11, decembre: 12,
  january: 1, february: 2, march: 3, june: 6, july: 7, august: 8, october: 10,
};

const MONTH_WORDS = Object.keys(MONTHS).join('|');
// Accented letters are allowed where the month names carry them (février, août, décembre).
const WRITTEN = new RegExp(`\\b(\\d{1,2})(?:er|e)?\\s+(${MONTH_WORDS.replace(/e/g, '[eéèë]').replace(/u/g, '[uû]')})\\s+(\\d{4})\\b`, 'giu');
const NUMERIC = /\b(\d{1,2})[./-](\d{1,2})[./-](\d{4})\b/g;

const plain = (value: string) => value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

function toDate(day: number, month: number, year: number): PlainDate | null {
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isPlainDate(date) ? date : null;
}

/** Every real calendar date written in `text`, in reading order, with its place. */
export function writtenDates(text: string): Found<PlainDate>[] {
  const found: Found<PlainDate>[] = [];
  for (const match of text.matchAll(WRITTEN)) {
    const date = toDate(Number(match[1]), MONTHS[plain(match[2]!)]!, Number(match[3]));
    if (date) found.push({ value: date, start: match.index, end: match.index + match[0].length });
  }
  for (const match of text.matchAll(NUMERIC)) {
    const date = toDate(Number(match[1]), Number(match[2]), Number(match[3]));
    if (date) found.push({ value: date, start: match.index, end: match.index + match[0].length });
  }
  return found.sort((a, b) => a.start - b.start);
}
