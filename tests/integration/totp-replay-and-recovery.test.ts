import { afterAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from './support/test-database';
import { createFirmWithStaff, expectAppError, newContext, signedIn, STAFF_PASSWORD } from './support/fixtures';

// The attacker here has the password and has seen a code (over a shoulder, through a phishing page, in a log):
// a TOTP code must work once, and a recovery code too.

await setupTestDatabase();
const { getDb } = await import('@/lib/db');
const { closeRateLimits } = await import('@/lib/auth/rate-limit');
const { staffSignIn } = await import('@/lib/auth/staff-sign-in');
const { regenerateRecoveryCodes } = await import('@/lib/server/account/regenerate-recovery-codes');
const { getSecondFactors } = await import('@/lib/server/account/get-second-factors');
const { codeAt, enrolTotp, failures, refusalOf } = await import('./support/second-factor-helpers');

const db = getDb();
afterAll(() => closeRateLimits());

const sessionsOf = (userId: string) => db.session.count({ where: { userId } });

describe('a TOTP code replayed', () => {
  it('is refused the second time, with its own message, and audited as a replay', async () => {
    const { advisor } = await createFirmWithStaff('Replay');
    const { key } = await enrolTotp(advisor.actor);
    const code = codeAt(key, 1);
    const credentials = { email: advisor.email, password: STAFF_PASSWORD, totp: code };
    expect(await refusalOf(staffSignIn(credentials, newContext()))).toBeNull();
    const replay = newContext();
    expect((await refusalOf(staffSignIn(credentials, replay)))?.reason).toBe('totp_used');
    expect(await sessionsOf(advisor.user.id)).toBe(1);
    const [row] = await db.auditLog.findMany({ where: { action: 'auth.sign_in_failed', entityId: advisor.user.id } });
    expect(row).toMatchObject({ actorKind: 'ANONYMOUS', ip: replay.ip, diff: { after: { email: advisor.email, reason: 'totp_replayed' } } });
  });

  it('refuses the code that turned two-factor on: it was spent then', async () => {
    const { advisor } = await createFirmWithStaff('ReplayEnrol');
    const { key } = await enrolTotp(advisor.actor);
    const at = new Date();
    expect((await refusalOf(staffSignIn({ email: advisor.email, password: STAFF_PASSWORD, totp: codeAt(key, 0, at.getTime()) }, newContext(), at)))?.reason).toBe('totp_used');
    expect(await sessionsOf(advisor.user.id)).toBe(0);
  });

  it("refuses an earlier step's code once a later one was used, though it is still within the grace period", async () => {
    const { advisor } = await createFirmWithStaff('ReplayEarlier');
    const { key } = await enrolTotp(advisor.actor);
    const now = Date.now() + 60_000;
    const at = new Date(now);
    const later = codeAt(key, 1, now);
    const earlier = codeAt(key, 0, now);
    expect(await refusalOf(staffSignIn({ email: advisor.email, password: STAFF_PASSWORD, totp: later }, newContext(), at))).toBeNull();
    expect((await refusalOf(staffSignIn({ email: advisor.email, password: STAFF_PASSWORD, totp: earlier }, newContext(), at)))?.reason).toBe('totp_used');
    expect(await sessionsOf(advisor.user.id)).toBe(1);
  });

  it('lets exactly one of two sign-ins racing with the same code through', async () => {
    const { advisor } = await createFirmWithStaff('ReplayRace');
    const { key } = await enrolTotp(advisor.actor);
    const credentials = { email: advisor.email, password: STAFF_PASSWORD, totp: codeAt(key, 1) };
    const outcomes = await Promise.all([refusalOf(staffSignIn(credentials, newContext())), refusalOf(staffSignIn(credentials, newContext()))]);
    expect(outcomes.filter((outcome) => outcome === null)).toHaveLength(1);
    expect(outcomes.map((outcome) => outcome?.reason).filter(Boolean)).toEqual(['totp_used']);
    expect(await sessionsOf(advisor.user.id)).toBe(1);
  });
});

describe('recovery codes', () => {
  it('come with the first second factor: ten, stored only as hashes, and each signs in once in place of the code', async () => {
    const { firm, advisor } = await createFirmWithStaff('Recovery');
    const { recoveryCodes } = await enrolTotp(advisor.actor);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes!) expect(code).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);
    const stored = await db.recoveryCode.findMany({ where: { userId: advisor.user.id } });
    expect(stored.map((row) => row.codeHash)).not.toEqual(expect.arrayContaining([recoveryCodes![0]]));
    expect(JSON.stringify(stored)).not.toContain(recoveryCodes![0]!.replaceAll('-', ''));
    expect(await db.auditLog.count({ where: { firmId: firm.id, action: 'auth.recovery_codes_generated', entityId: advisor.user.id } })).toBe(1);

    // Typed the way people type: lower case, no dashes.
    const typed = recoveryCodes![0]!.toLowerCase().replaceAll('-', ' ');
    const { sessionId } = await staffSignIn({ email: advisor.email, password: STAFF_PASSWORD, recoveryCode: typed }, newContext());
    expect((await db.auditLog.findFirstOrThrow({ where: { action: 'auth.sign_in', entityId: sessionId } })).diff).toMatchObject({ after: { method: 'password+recovery_code' } });
    expect((await getSecondFactors({ actor: advisor.actor })).recoveryCodesLeft).toBe(9);

    expect((await refusalOf(staffSignIn({ email: advisor.email, password: STAFF_PASSWORD, recoveryCode: recoveryCodes![0] }, newContext())))?.reason).toBe('recovery_code_invalid');
    expect(await failures(advisor.user.id)).toEqual(['recovery_code']);
    expect((await getSecondFactors({ actor: advisor.actor })).recoveryCodesLeft).toBe(9);
  });

  it('cannot be used twice by two sign-ins racing with it', async () => {
    const { advisor } = await createFirmWithStaff('RecoveryRace');
    const { recoveryCodes } = await enrolTotp(advisor.actor);
    const credentials = { email: advisor.email, password: STAFF_PASSWORD, recoveryCode: recoveryCodes![3] };
    const outcomes = await Promise.all([refusalOf(staffSignIn(credentials, newContext())), refusalOf(staffSignIn(credentials, newContext()))]);
    expect(outcomes.filter((outcome) => outcome === null)).toHaveLength(1);
    expect(await sessionsOf(advisor.user.id)).toBe(1);
  });

  it("are the person's own: another member's code does not open this account", async () => {
    const { advisor, assistant } = await createFirmWithStaff('RecoveryOther');
    await enrolTotp(advisor.actor);
    const { recoveryCodes: theirs } = await enrolTotp(assistant.actor);
    expect((await refusalOf(staffSignIn({ email: advisor.email, password: STAFF_PASSWORD, recoveryCode: theirs![0] }, newContext())))?.reason).toBe('recovery_code_invalid');
    // And it is still good for its owner.
    expect(await refusalOf(staffSignIn({ email: assistant.email, password: STAFF_PASSWORD, recoveryCode: theirs![0] }, newContext()))).toBeNull();
  });

  it('replaced by new ones stop working; replacing needs a recent sign-in and a second factor', async () => {
    const { firm, advisor, assistant } = await createFirmWithStaff('RecoveryRegen');
    const { recoveryCodes: old } = await enrolTotp(advisor.actor);

    // An actor with no session behind it (a stolen, long-open one is the same): refused, nothing replaced.
    const stale = await expectAppError(regenerateRecoveryCodes({ actor: advisor.actor, context: newContext() }), 'FORBIDDEN');
    expect(stale.userMessage).toBe('security.signInAgain');
    const session = await signedIn(advisor.actor);
    const later = new Date(Date.now() + 16 * 60_000);
    await expectAppError(regenerateRecoveryCodes({ actor: session, context: newContext(), now: later }), 'FORBIDDEN');
    expect((await getSecondFactors({ actor: advisor.actor })).recoveryCodesLeft).toBe(10);

    const { recoveryCodes: fresh } = await regenerateRecoveryCodes({ actor: session, context: newContext() });
    expect(fresh).toHaveLength(10);
    expect(fresh.filter((code) => old!.includes(code))).toEqual([]);
    expect((await refusalOf(staffSignIn({ email: advisor.email, password: STAFF_PASSWORD, recoveryCode: old![1] }, newContext())))?.reason).toBe('recovery_code_invalid');
    expect(await refusalOf(staffSignIn({ email: advisor.email, password: STAFF_PASSWORD, recoveryCode: fresh[1] }, newContext()))).toBeNull();
    expect(await db.auditLog.count({ where: { firmId: firm.id, action: 'auth.recovery_codes_generated', entityId: advisor.user.id } })).toBe(2);

    // Without any second factor there is nothing to recover.
    const noFactor = await expectAppError(regenerateRecoveryCodes({ actor: await signedIn(assistant.actor), context: newContext() }), 'CONFLICT');
    expect(noFactor.userMessage).toBe('security.recoveryNeedsFactor');
    expect(await db.recoveryCode.count({ where: { userId: assistant.user.id } })).toBe(0);
  });
});
