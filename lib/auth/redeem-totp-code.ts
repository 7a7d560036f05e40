import type { Tx } from '@/lib/db';
import { totpStepOf } from './totp';

/**
 * Accepts a TOTP code once: its time step must be later than the last one this person used, and recording it is
 * one conditional UPDATE, so two sign-ins racing with the same code cannot both pass (the second finds the step
 * already taken and changes no row). A code of an earlier step than one already used is refused too.
 */
export async function redeemTotpCode(db: Pick<Tx, '$executeRaw'>, input: { userId: string; sealed: string; code: string; now: Date }): Promise<'accepted' | 'wrong' | 'used'> {
  const step = totpStepOf(input.sealed, input.code, input.now);
  if (step === null) return 'wrong';
  const changed = await db.$executeRaw`
    UPDATE "User" SET "totpLastStep" = ${step}
    WHERE "id" = ${input.userId} AND ("totpLastStep" IS NULL OR "totpLastStep" < ${step})`;
  return changed === 1 ? 'accepted' : 'used';
}
