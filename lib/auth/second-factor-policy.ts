import type { SecondFactorPolicy } from '@/lib/generated/prisma/enums';

// The firm's policy, as data. SECOND_FACTOR: a TOTP app or a passkey. PASSKEY: a passkey; a member who has one
// must use it (or a recovery code) at sign-in, TOTP no longer counts. A member who has not set up what the
// policy asks can still sign in, but reaches only the security page until they have (require-working-staff.ts),
// so switching the policy on never locks anyone out.

export const SECOND_FACTOR_POLICIES = ['NONE', 'SECOND_FACTOR', 'PASSKEY'] as const satisfies readonly SecondFactorPolicy[];

export function mustSetUpSecondFactor(policy: SecondFactorPolicy, has: { totp: boolean; passkey: boolean }): boolean {
  if (policy === 'PASSKEY') return !has.passkey;
  if (policy === 'SECOND_FACTOR') return !has.totp && !has.passkey;
  return false;
}

/** Whether TOTP still proves the second step at sign-in for a member with these factors. */
export function totpCounts(policy: SecondFactorPolicy, has: { passkey: boolean }): boolean {
  return !(policy === 'PASSKEY' && has.passkey);
}
