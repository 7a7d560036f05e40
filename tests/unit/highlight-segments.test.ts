import { describe, expect, it } from 'vitest';
import { highlightSegments } from '@/components/decisions/highlight-segments';

describe('the letter text cut for highlighting', () => {
  const text = 'Dossiernummer: 8123456. Betekend op 16 november 2026 in persoon.';

  it('marks each passage once and keeps every character of the letter, in order', () => {
    const segments = highlightSegments(text, [
      { field: 'notifiedOn', start: 24, end: 52 },
      { field: 'dvzFileNumber', start: 0, end: 22 },
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.filter((s) => s.field).map((s) => [s.field, s.text])).toEqual([
      ['dvzFileNumber', 'Dossiernummer: 8123456'],
      ['notifiedOn', 'Betekend op 16 november 2026'],
    ]);
  });

  it('drops a range that overlaps an earlier one or lies outside the text, instead of garbling it', () => {
    const segments = highlightSegments(text, [
      { field: 'notifiedOn', start: 24, end: 52 },
      { field: 'decisionDate', start: 36, end: 51 },
      { field: 'regime', start: 60, end: 999 },
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.filter((s) => s.field).map((s) => s.field)).toEqual(['notifiedOn']);
  });
});
