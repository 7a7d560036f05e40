import { searchable } from './search-text';

// How the conflict check compares people's names: lower case, no accents, any run of spaces, hyphens or
// apostrophes as one break, and the words in any order, so "Élodie DUPONT-Martin", "martin dupont elodie" and
// "Dupont  Martin, Elodie" are the same name. Scripts other than Latin keep their letters.

/** The words of a name, normalised (searchable), without punctuation. */
export function nameTokens(...parts: (string | null | undefined)[]): string[] {
  return searchable(...parts)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** One string per name whatever the order of its words: equal keys, same name. */
export function nameKey(...parts: (string | null | undefined)[]): string {
  return nameTokens(...parts).sort().join(' ');
}
