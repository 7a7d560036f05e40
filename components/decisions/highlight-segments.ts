/** A text cut into plain runs and runs read as a field, so the page can <mark> what each proposal came from. */
export type Segment = { text: string; field: string | null };

export function highlightSegments(text: string, ranges: { field: string; start: number; end: number }[]): Segment[] {
  // Overlaps (a date inside the notification sentence) keep the first-starting range; the rest of the other is plain.
  const sorted = ranges.filter((r) => r.start >= 0 && r.end > r.start && r.end <= text.length).sort((a, b) => a.start - b.start || b.end - a.end);
  const segments: Segment[] = [];
  let at = 0;
  for (const range of sorted) {
    if (range.start < at) continue;
    if (range.start > at) segments.push({ text: text.slice(at, range.start), field: null });
    segments.push({ text: text.slice(range.start, range.end), field: range.field });
    at = range.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), field: null });
  return segments;
}
