/**
 * What search matches against: lower case without accents, so "Gonçalves" is found by "goncalves".
 * The same function prepares stored text and queries.
 */
export function searchable(...parts: (string | null | undefined)[]): string {
  return parts
    .filter((part): part is string => Boolean(part))
    .join(' ')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
