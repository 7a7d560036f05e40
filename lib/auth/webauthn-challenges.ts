import { generateChallenge, isoBase64URL } from '@simplewebauthn/server/helpers';
import type { Db, Tx } from '@/lib/db';

// The challenge a passkey must sign, kept server-side so the browser cannot choose it. Each is taken once
// (DELETE ... RETURNING), lives five minutes, and names the person it was made for when there is one.

export type ChallengePurpose = 'REGISTRATION' | 'SECOND_FACTOR' | 'SIGN_IN';
const LIFETIME_MS = 5 * 60 * 1000;

/**
 * A new challenge: `challenge` is the base64url text the browser echoes back (and verification expects), `bytes`
 * what the options generators take (given a string, they would encode it once more).
 */
export async function createChallenge(db: Db | Tx, input: { purpose: ChallengePurpose; userId: string | null; now?: Date }): Promise<{ id: string; challenge: string; bytes: Uint8Array<ArrayBuffer> }> {
  const now = input.now ?? new Date();
  // Expired challenges are swept as new ones are made, so the table stays small without a job.
  await db.webAuthnChallenge.deleteMany({ where: { expiresAt: { lt: now } } });
  const bytes = await generateChallenge();
  const challenge = isoBase64URL.fromBuffer(bytes);
  const row = await db.webAuthnChallenge.create({ data: { purpose: input.purpose, userId: input.userId, challenge, expiresAt: new Date(now.getTime() + LIFETIME_MS) } });
  return { id: row.id, challenge, bytes };
}

/**
 * The challenge with this id, purpose and person, removed so it cannot serve twice; null when it does not exist,
 * expired, was made for something else or for someone else. For SIGN_IN the person is not known beforehand.
 */
export async function takeChallenge(db: Db | Tx, input: { id: string; purpose: ChallengePurpose; userId: string | null; now?: Date }): Promise<string | null> {
  const now = input.now ?? new Date();
  const rows = await db.$queryRaw<{ challenge: string }[]>`
    DELETE FROM "WebAuthnChallenge"
    WHERE "id" = ${input.id} AND "purpose" = ${input.purpose} AND "expiresAt" > ${now}
      AND "userId" IS NOT DISTINCT FROM ${input.userId}
    RETURNING "challenge"`;
  return rows[0]?.challenge ?? null;
}
