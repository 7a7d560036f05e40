/** Every series of one metric in Prometheus' text format, as its labels and value. */
export function seriesOf(text: string, name: string): { labels: Record<string, string>; value: number }[] {
  const escaped = name.replace(/[^\w]/g, '\\$&');
  return [...text.matchAll(new RegExp(`^${escaped}(?:\\{([^}]*)\\})? (\\S+)$`, 'gm'))].map(([, labels, value]) => ({
    labels: Object.fromEntries([...(labels ?? '').matchAll(/(\w+)="([^"]*)"/g)].map(([, k, v]) => [k!, v!])),
    value: Number(value),
  }));
}

/** The value of the series whose labels include `labels` (in any order), or undefined when there is none. */
export function seriesValue(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  return seriesOf(text, name).find((series) => Object.entries(labels).every(([k, v]) => series.labels[k] === v))?.value;
}
