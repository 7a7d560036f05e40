import { MASKED } from './audit-types';

// Turns the caller's before/after rows into the stored diff: JSON-safe, restricted to what changed, with
// secrets and identity numbers masked. Pure, so the masking rules can be read and tested in one place.

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };
export type AuditDiff = { before?: JsonObject; after?: JsonObject };

// The identity numbers' ciphertexts too: rows reach the log as read, and a sealed value is still the number.
const SENSITIVE_FIELDS = new Set([
  'password', 'passwordHash', 'totpSecret', 'nationalRegisterNumber', 'passportNumber', 'nationalRegisterNumberEnc', 'passportNumberEnc', 'tokenHash', 'sessionToken', 'icalTokenHash',
]);
// Case-insensitive so Auth.js' snake_case columns (access_token, refresh_token, id_token) are caught too.
const SENSITIVE_SUFFIX = /(secret|token|hash)$/i;

// Derived or bookkeeping columns: searchText holds lower-cased names and file numbers (never identity numbers,
// but it would repeat the names in every diff), and updatedAt changes on every write without saying anything.
const IGNORED_FIELDS = new Set(['searchText', 'updatedAt']);

export function isSensitiveField(key: string): boolean {
  return SENSITIVE_FIELDS.has(key) || SENSITIVE_SUFFIX.test(key);
}

/** Dates as ISO strings, BigInt and Decimal as strings, bytes by size; nested objects (Json columns) recursed. */
export function toJsonValue(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (value instanceof Uint8Array) return `[${value.byteLength} bytes]`;
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (typeof value === 'object') {
    // Prisma's Decimal (decimal.js) and similar value objects know their own JSON form.
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') return toJsonValue(toJSON.call(value));
    const out: JsonObject = {};
    for (const [key, inner] of Object.entries(value)) if (inner !== undefined) out[key] = toJsonValue(inner);
    return out;
  }
  return String(value);
}

// An empty value stays visible: "no passport number on file" reveals nothing, and it shows a secret was removed.
// Keys are masked at every depth, so a secret inside a Json column (firm settings) is hidden too.
function masked(key: string, value: JsonValue): JsonValue {
  if (value !== null && isSensitiveField(key)) return MASKED;
  if (Array.isArray(value)) return value.map((item) => masked('', item));
  if (value && typeof value === 'object') return maskedObject(value);
  return value;
}

function maskedObject(fields: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, masked(key, value)]));
}

/** Normalised, minus the ignored columns; still unmasked, so that a changed secret is seen as a change. */
function normalised(fields: Record<string, unknown>): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(fields)) {
    if (!IGNORED_FIELDS.has(key) && value !== undefined) out[key] = toJsonValue(value);
  }
  return out;
}

function sameValue(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * Creates and events (after only) and deletes (before only) keep the whole side given. Updates keep only the
 * fields of `after` whose value differs from `before`: `after` may be the full row or just the fields written.
 * Values are compared before masking, so a changed secret shows up as "[masked]" on both sides.
 */
export function auditDiff(before: Record<string, unknown> | null | undefined, after: Record<string, unknown> | null | undefined): AuditDiff {
  if (!before) return after ? { after: maskedObject(normalised(after)) } : {};
  if (!after) return { before: maskedObject(normalised(before)) };

  const was = normalised(before);
  const now = normalised(after);
  const changedBefore: JsonObject = {};
  const changedAfter: JsonObject = {};
  for (const [key, value] of Object.entries(now)) {
    if (sameValue(was[key], value)) continue;
    changedBefore[key] = was[key] ?? null;
    changedAfter[key] = value;
  }
  return { before: maskedObject(changedBefore), after: maskedObject(changedAfter) };
}
