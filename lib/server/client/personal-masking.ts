import type { JsonValue } from '@/lib/server/audit/audit-diff';
import { MASKED } from '@/lib/server/audit/audit-types';

// What an erased client leaves behind in rows that are kept (the audit log, emails sent to staff, import
// reports): every value that could identify them replaced by ERASED. Pure, so the rules read in one place.

export const ERASED = '[erased]';

type Person = {
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  addressLine: string | null;
  nationalRegisterNumber: string | null;
  passportNumber: string | null;
};

// Shorter strings would match inside unrelated words ("Li", "Ng") and mask other people's entries.
const MIN_NEEDLE = 4;

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');

/**
 * The strings that identify the client wherever they are mentioned: the full name both ways round, every email
 * they used, phone, street, identity numbers; also as an email's HTML writes them. A first or last name alone is
 * not one: another client (a spouse, a namesake) shares it, and their entries must stay intact.
 */
export function personalStrings(person: Person, otherEmails: (string | null | undefined)[] = []): string[] {
  const raw = [
    `${person.firstName} ${person.lastName}`,
    `${person.lastName} ${person.firstName}`,
    `${person.lastName}, ${person.firstName}`,
    person.email,
    ...otherEmails,
    person.phone,
    person.addressLine,
    person.nationalRegisterNumber,
    person.passportNumber,
  ];
  const values = raw.map((value) => value?.trim()).filter((value): value is string => Boolean(value && value.length >= MIN_NEEDLE));
  const all = new Set(values.flatMap((value) => [value, escapeHtml(value)]));
  // Longest first, so "Amina Benali" is replaced before a shorter needle could cut it in two.
  return [...all].sort((a, b) => b.length - a.length);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The text with every needle, in any letter case, replaced by ERASED. */
export function maskText(text: string, needles: string[]): string {
  if (needles.length === 0) return text;
  return text.replace(new RegExp(needles.map(escapeRegExp).join('|'), 'gi'), ERASED);
}

/** maskText over every string (keys too) of a JSON value. */
export function maskMentions(value: JsonValue, needles: string[]): JsonValue {
  if (typeof value === 'string') return maskText(value, needles);
  if (Array.isArray(value)) return value.map((item) => maskMentions(item, needles));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [maskText(key, needles), maskMentions(inner, needles)]));
  return value;
}

// Values that say what happened, not who it happened to: ids, the case's vocabulary, file types and hashes, and
// the firm's own references (file number, case reference), which the tombstone keeps so the number is not reused.
// Every other string in an entry about the client (names, addresses, dates of birth or arrival, card numbers,
// file names, free text) is erased: an unknown field is treated as personal, so a new one cannot slip through.
const KEPT_FIELDS = new Set([
  'id', 'stage', 'fromStage', 'toStage', 'procedure', 'targetCard', 'status', 'visibility', 'kind', 'documentKind', 'relation', 'method',
  'transition', 'type', 'mimeType', 'sha256', 'role', 'locale', 'language', 'appealRegime', 'cardType', 'citizenship', 'readMethod', 'template', 'reference', 'fileNumber',
]);
const isKeptField = (key: string) => KEPT_FIELDS.has(key) || /Ids?$/.test(key);

/**
 * An audit entry about the client itself (their record, case, document, or their own actions): numbers and
 * booleans stay, kept fields stay, values already masked stay, every other string becomes ERASED.
 */
export function maskEntry(value: JsonValue, key = ''): JsonValue {
  if (typeof value === 'string') return isKeptField(key) || value === MASKED ? value : ERASED;
  if (Array.isArray(value)) return value.map((item) => maskEntry(item, key));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([inner, child]) => [inner, maskEntry(child, inner)]));
  return value;
}
