import { randomBytes } from 'node:crypto';
import { encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import type { Tx } from '@/lib/db';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import type { StaffActor } from './actor';
import { hashToken } from './secrets';

// Recovery codes: ten per person, shown once, each good for one sign-in in place of the second factor.
// Each is 80 random bits (16 base32 characters), so a fast hash is enough to store them: guessing one from its
// SHA-256 takes ~2^79 hashes, far beyond any GPU farm, and online guessing is held by the sign-in rate limits.
// A slow hash (argon2) protects low-entropy passwords; here it would only slow down every sign-in.

export const RECOVERY_CODE_COUNT = 10;

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => encodeBase32UpperCaseNoPadding(randomBytes(10)).replace(/(.{4})(?!$)/g, '$1-'));
}

/** What people type varies (lower case, spaces, no dashes); the hash is of the 16 characters alone. */
export function hashRecoveryCode(code: string): string {
  return hashToken(code.toUpperCase().replace(/[^A-Z2-7]/g, ''));
}

export function looksLikeRecoveryCode(code: string): boolean {
  return code.toUpperCase().replace(/[\s-]/g, '').length === 16;
}

/** Replaces the person's codes with a fresh set (the old ones stop working) and returns the new ones in clear. */
export async function replaceRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })) });
  return codes;
}

/** Replaces the codes and records it (entityId = User id; the diff says how many, never the codes). */
export async function issueRecoveryCodes(tx: Tx, actor: StaffActor, context: RequestContext): Promise<string[]> {
  const codes = await replaceRecoveryCodes(tx, actor.userId);
  await recordAudit(tx, { firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'auth.recovery_codes_generated', entity: 'member', entityId: actor.userId, after: { count: codes.length }, context });
  return codes;
}

/** With the first second factor, the person's first codes; null when they already have some (used or not). */
export async function issueFirstRecoveryCodes(tx: Tx, actor: StaffActor, context: RequestContext): Promise<string[] | null> {
  if ((await tx.recoveryCode.count({ where: { userId: actor.userId } })) > 0) return null;
  return issueRecoveryCodes(tx, actor, context);
}

/** Marks one unused code of this person as used, in one conditional UPDATE: a code works once, even when raced. */
export async function redeemRecoveryCode(db: Pick<Tx, 'recoveryCode'>, input: { userId: string; code: string; now: Date }): Promise<boolean> {
  const { count } = await db.recoveryCode.updateMany({ where: { userId: input.userId, codeHash: hashRecoveryCode(input.code), usedAt: null }, data: { usedAt: input.now } });
  return count === 1;
}
