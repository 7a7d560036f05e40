import { afterAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from './support/test-database';
import { createClient, createFirmWithStaff, expectAppError, newContext, signedIn, STAFF_PASSWORD } from './support/fixtures';

// Passkeys from the attacker's side: a replayed or cloned assertion, a removed passkey, one signed for another
// site, someone else's challenge or passkey, and a firm policy that no longer accepts TOTP.

await setupTestDatabase();
const { getDb } = await import('@/lib/db');
const { closeRateLimits } = await import('@/lib/auth/rate-limit');
const { staffSignIn } = await import('@/lib/auth/staff-sign-in');
const { passkeySignIn, startPasskeySignIn } = await import('@/lib/auth/passkey-sign-in');
const { resolveSession } = await import('@/lib/auth/sessions');
const { startPasskeyRegistration } = await import('@/lib/server/account/start-passkey-registration');
const { registerPasskey } = await import('@/lib/server/account/register-passkey');
const { deletePasskey } = await import('@/lib/server/account/delete-passkey');
const { renamePasskey } = await import('@/lib/server/account/rename-passkey');
const { getFirmContext } = await import('@/lib/server/firm/get-firm-context');
const { setSecondFactorPolicy } = await import('@/lib/server/firm/set-second-factor-policy');
const { addPasskey, codeAt, enrolTotp, failures, refusalOf, softAuthenticator } = await import('./support/second-factor-helpers');

const db = getDb();
afterAll(() => closeRateLimits());

async function signInWith(authenticator: ReturnType<typeof softAuthenticator>, overrides?: Parameters<ReturnType<typeof softAuthenticator>['assert']>[1]) {
  const { challengeId, options } = await startPasskeySignIn();
  const response = JSON.stringify(authenticator.assert(options, overrides));
  return { challengeId, response, attempt: passkeySignIn({ challengeId, response }, newContext()) };
}

describe('registering a passkey', () => {
  it('keeps it for the person, audited, with their first recovery codes; a second passkey brings none', async () => {
    const { firm, advisor } = await createFirmWithStaff('PasskeyAdd');
    const actor = await signedIn(advisor.actor);
    const { passkey, recoveryCodes } = await addPasskey(actor, 'Work laptop');
    expect(passkey).toMatchObject({ name: 'Work laptop', deviceType: 'singleDevice', backedUp: false });
    expect(recoveryCodes).toHaveLength(10);
    expect(await db.passkey.findMany({ where: { userId: advisor.user.id }, select: { name: true, counter: true } })).toEqual([{ name: 'Work laptop', counter: 0n }]);
    const [row] = await db.auditLog.findMany({ where: { firmId: firm.id, action: 'auth.passkey_added' } });
    expect(row).toMatchObject({ actorUserId: advisor.user.id, entityId: advisor.user.id, diff: { after: { name: 'Work laptop', passkeyId: passkey.id } } });
    expect((await addPasskey(actor, 'Phone')).recoveryCodes).toBeNull();
    expect(await getFirmContext({ actor: advisor.actor })).toMatchObject({ user: { hasPasskey: true } });
  });

  it("refuses another person's challenge, a reused one, another site's origin, and a stale session, keeping nothing", async () => {
    const { advisor, assistant } = await createFirmWithStaff('PasskeyAddAttack');
    const victim = await signedIn(advisor.actor);
    const attacker = await signedIn(assistant.actor);
    const authenticator = softAuthenticator();

    const { challengeId, options } = await startPasskeyRegistration({ actor: victim });
    const response = JSON.stringify(authenticator.register(options));
    const taken = await expectAppError(registerPasskey({ actor: attacker, input: { challengeId, name: 'Mine now', response }, context: newContext() }), 'VALIDATION');
    expect(taken.userMessage).toBe('security.passkeyNotSaved');

    const phishing = await startPasskeyRegistration({ actor: victim });
    const elsewhere = JSON.stringify(authenticator.register(phishing.options, { origin: 'https://sejour-login.example' }));
    await expectAppError(registerPasskey({ actor: victim, input: { challengeId: phishing.challengeId, name: 'Phished', response: elsewhere }, context: newContext() }), 'VALIDATION');
    // The challenge went with the failed attempt: not even a right response can use it now.
    const retried = JSON.stringify(authenticator.register(phishing.options));
    await expectAppError(registerPasskey({ actor: victim, input: { challengeId: phishing.challengeId, name: 'Retry', response: retried }, context: newContext() }), 'VALIDATION');

    await expectAppError(startPasskeyRegistration({ actor: victim, now: new Date(Date.now() + 16 * 60_000) }), 'FORBIDDEN');
    await expectAppError(startPasskeyRegistration({ actor: advisor.actor }), 'FORBIDDEN');
    const unnamed = await startPasskeyRegistration({ actor: victim });
    const noName = await expectAppError(registerPasskey({ actor: victim, input: { challengeId: unnamed.challengeId, name: '  ', response: JSON.stringify(authenticator.register(unnamed.options)) }, context: newContext() }), 'VALIDATION');
    expect(noName.userMessage).toBe('VALIDATION');
    expect(await db.passkey.count({ where: { userId: { in: [advisor.user.id, assistant.user.id] } } })).toBe(0);
  });
});

describe('signing in with a passkey alone', () => {
  it('opens a session for its owner, audited as a passkey sign-in, and records its use', async () => {
    const { firm, advisor } = await createFirmWithStaff('PasskeySignIn');
    const { authenticator, passkey } = await addPasskey(await signedIn(advisor.actor));
    const { sessionId, userId } = await (await signInWith(authenticator)).attempt;
    expect(userId).toBe(advisor.user.id);
    expect(await resolveSession(sessionId)).toMatchObject({ kind: 'staff', userId, firmId: firm.id, role: 'ADVISOR' });
    expect(await db.auditLog.findFirstOrThrow({ where: { action: 'auth.sign_in', entityId: sessionId } })).toMatchObject({ actorUserId: userId, diff: { after: { method: 'passkey' } } });
    expect(await db.passkey.findUniqueOrThrow({ where: { id: passkey.id } })).toMatchObject({ counter: 1n, lastUsedAt: expect.any(Date) });
  });

  it('refuses a replayed assertion (its challenge is used up), audited', async () => {
    const { advisor } = await createFirmWithStaff('PasskeyReplay');
    const { authenticator } = await addPasskey(await signedIn(advisor.actor));
    const first = await signInWith(authenticator);
    await first.attempt;
    expect((await refusalOf(passkeySignIn({ challengeId: first.challengeId, response: first.response }, newContext())))?.reason).toBe('passkey_invalid');
    // Nor does a fresh challenge accept an assertion signed for another.
    const { challengeId } = await startPasskeySignIn();
    expect((await refusalOf(passkeySignIn({ challengeId, response: first.response }, newContext())))?.reason).toBe('passkey_invalid');
    expect(await db.session.count({ where: { userId: advisor.user.id } })).toBe(2);
    expect(await failures(advisor.user.id)).toEqual(['passkey', 'passkey']);
  });

  it('refuses a cloned authenticator whose counter went backwards, audited', async () => {
    const { advisor } = await createFirmWithStaff('PasskeyClone');
    const { authenticator } = await addPasskey(await signedIn(advisor.actor));
    await (await signInWith(authenticator, { counter: 5 })).attempt;
    expect((await refusalOf((await signInWith(authenticator, { counter: 3 })).attempt))?.reason).toBe('passkey_invalid');
    expect((await refusalOf((await signInWith(authenticator, { counter: 5 })).attempt))?.reason).toBe('passkey_invalid');
    expect(await failures(advisor.user.id)).toEqual(['passkey_counter', 'passkey_counter']);
    expect((await db.passkey.findFirstOrThrow({ where: { userId: advisor.user.id } })).counter).toBe(5n);
  });

  it('refuses an assertion made for another site, or without user verification', async () => {
    const { advisor } = await createFirmWithStaff('PasskeyPhish');
    const { authenticator } = await addPasskey(await signedIn(advisor.actor));
    expect((await refusalOf((await signInWith(authenticator, { origin: 'https://sejour-login.example' })).attempt))?.reason).toBe('passkey_invalid');
    expect((await refusalOf((await signInWith(authenticator, { userVerified: false })).attempt))?.reason).toBe('passkey_invalid');
    expect(await db.session.count({ where: { userId: advisor.user.id } })).toBe(1);
  });

  it('refuses a deleted passkey, audited as unknown, and the deletion needs a recent sign-in by its owner', async () => {
    const { firm, admin, advisor } = await createFirmWithStaff('PasskeyDelete');
    const owner = await signedIn(advisor.actor);
    const { authenticator, passkey } = await addPasskey(owner);
    const other = await createFirmWithStaff('PasskeyDeleteOther');
    const portal = await createClient(firm, { withPortal: true });

    // Someone else (an admin of the same firm, another firm's admin, a client) cannot remove it; nor can a stale session.
    await expectAppError(deletePasskey({ actor: await signedIn(admin.actor), input: { passkeyId: passkey.id }, context: newContext() }), 'NOT_FOUND');
    await expectAppError(deletePasskey({ actor: await signedIn(other.admin.actor), input: { passkeyId: passkey.id }, context: newContext() }), 'NOT_FOUND');
    await expectAppError(deletePasskey({ actor: await signedIn(portal.actor), input: { passkeyId: passkey.id }, context: newContext() }), 'FORBIDDEN');
    await expectAppError(renamePasskey({ actor: await signedIn(other.admin.actor), input: { passkeyId: passkey.id, name: 'Ours' }, context: newContext() }), 'NOT_FOUND');
    const stale = await expectAppError(deletePasskey({ actor: owner, input: { passkeyId: passkey.id }, context: newContext(), now: new Date(Date.now() + 16 * 60_000) }), 'FORBIDDEN');
    expect(stale.userMessage).toBe('security.signInAgain');
    expect(await db.passkey.findUniqueOrThrow({ where: { id: passkey.id } })).toMatchObject({ name: 'Work laptop' });
    expect(await db.auditLog.count({ where: { action: { in: ['auth.passkey_removed', 'auth.passkey_renamed'] } , entityId: advisor.user.id } })).toBe(0);

    await renamePasskey({ actor: owner, input: { passkeyId: passkey.id, name: 'Old laptop' }, context: newContext() });
    await deletePasskey({ actor: owner, input: { passkeyId: passkey.id }, context: newContext() });
    expect(await db.auditLog.findFirstOrThrow({ where: { firmId: firm.id, action: 'auth.passkey_removed' } })).toMatchObject({ entityId: advisor.user.id, diff: { before: { passkeyId: passkey.id, name: 'Old laptop' } } });

    expect((await refusalOf((await signInWith(authenticator)).attempt))?.reason).toBe('passkey_invalid');
    expect(await failures(advisor.user.id)).toEqual([]);
    const [unknown] = await db.auditLog.findMany({ where: { action: 'auth.sign_in_failed', diff: { path: ['after', 'reason'], equals: 'passkey_unknown' } } });
    expect(unknown).toMatchObject({ actorKind: 'ANONYMOUS', diff: { after: { method: 'passkey' } } });
  });

  it('is rate limited like the password: after five bad assertions even a good one waits', async () => {
    const { advisor } = await createFirmWithStaff('PasskeyThrottle');
    const { authenticator } = await addPasskey(await signedIn(advisor.actor));
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      expect((await refusalOf((await signInWith(authenticator, { origin: 'https://sejour-login.example' })).attempt))?.reason).toBe('passkey_invalid');
    }
    expect((await refusalOf((await signInWith(authenticator)).attempt))?.reason).toBe('rate_limited');
    expect(await db.session.count({ where: { userId: advisor.user.id } })).toBe(1);
  });
});

describe('a passkey after the password', () => {
  it('is offered once the password is right, signs in with it, and refuses an assertion for the wrong challenge', async () => {
    const { advisor, assistant } = await createFirmWithStaff('PasskeySecond');
    const { authenticator } = await addPasskey(await signedIn(advisor.actor));
    const { authenticator: theirs } = await addPasskey(await signedIn(assistant.actor));
    const credentials = { email: advisor.email, password: STAFF_PASSWORD };

    expect((await refusalOf(staffSignIn({ ...credentials, password: 'wrong password' }, newContext())))?.secondFactor).toBeUndefined();
    const offered = (await refusalOf(staffSignIn(credentials, newContext())))!;
    expect(offered.reason).toBe('second_factor_required');
    expect(offered.secondFactor).toMatchObject({ totp: false, recoveryCode: true, passkey: { challengeId: expect.any(String) } });
    const { challengeId, options } = offered.secondFactor!.passkey!;
    expect(options.allowCredentials?.map((c) => c.id)).toEqual([authenticator.credentialId()]);

    // The assistant's own passkey, signing the advisor's challenge, does not count for the advisor.
    const foreign = JSON.stringify(theirs.assert({ ...options, allowCredentials: [] }));
    expect((await refusalOf(staffSignIn({ ...credentials, passkey: foreign, challengeId }, newContext())))?.reason).toBe('passkey_invalid');
    expect(await failures(advisor.user.id)).toEqual(['password', 'passkey_unknown']);

    const retry = (await refusalOf(staffSignIn(credentials, newContext())))!.secondFactor!.passkey!;
    const { sessionId } = await staffSignIn({ ...credentials, passkey: JSON.stringify(authenticator.assert(retry.options)), challengeId: retry.challengeId }, newContext());
    expect(await db.auditLog.findFirstOrThrow({ where: { action: 'auth.sign_in', entityId: sessionId } })).toMatchObject({ diff: { after: { method: 'password+passkey' } } });
  });
});

describe('the firm policy', () => {
  it('PASSKEY: TOTP no longer signs in a member who has a passkey, and members without one must add one', async () => {
    const { admin, advisor, assistant } = await createFirmWithStaff('PolicyPasskey');
    const { key } = await enrolTotp(advisor.actor);
    const { authenticator } = await addPasskey(await signedIn(advisor.actor));
    await enrolTotp(assistant.actor);
    await setSecondFactorPolicy({ actor: admin.actor, input: { policy: 'PASSKEY' }, context: newContext() });

    const credentials = { email: advisor.email, password: STAFF_PASSWORD };
    expect((await refusalOf(staffSignIn(credentials, newContext())))?.secondFactor).toMatchObject({ totp: false, passkey: expect.any(Object) });
    expect((await refusalOf(staffSignIn({ ...credentials, totp: codeAt(key, 1) }, newContext())))?.reason).toBe('passkey_required');
    expect(await failures(advisor.user.id)).toEqual(['totp_not_allowed']);
    const offer = (await refusalOf(staffSignIn(credentials, newContext())))!.secondFactor!.passkey!;
    expect(await refusalOf(staffSignIn({ ...credentials, passkey: JSON.stringify(authenticator.assert(offer.options)), challengeId: offer.challengeId }, newContext()))).toBeNull();

    expect((await getFirmContext({ actor: advisor.actor })).mustEnrollSecondFactor).toBe(false);
    // TOTP alone no longer satisfies the firm: the assistant is sent to add a passkey.
    expect((await getFirmContext({ actor: assistant.actor })).mustEnrollSecondFactor).toBe(true);
    expect((await getFirmContext({ actor: admin.actor })).mustEnrollSecondFactor).toBe(true);
  });

  it('SECOND_FACTOR: a passkey is enough; the setting is validated and audited', async () => {
    const { firm, admin, advisor } = await createFirmWithStaff('PolicySecond');
    await setSecondFactorPolicy({ actor: admin.actor, input: { policy: 'SECOND_FACTOR' }, context: newContext() });
    expect((await getFirmContext({ actor: advisor.actor })).mustEnrollSecondFactor).toBe(true);
    await addPasskey(await signedIn(advisor.actor));
    expect((await getFirmContext({ actor: advisor.actor })).mustEnrollSecondFactor).toBe(false);

    const refused = await expectAppError(setSecondFactorPolicy({ actor: admin.actor, input: { policy: 'SOMETIMES' }, context: newContext() }), 'VALIDATION');
    expect(refused).toMatchObject({ code: 'VALIDATION' });
    expect((await db.firm.findUniqueOrThrow({ where: { id: firm.id } })).secondFactorPolicy).toBe('SECOND_FACTOR');
    const [row] = await db.auditLog.findMany({ where: { firmId: firm.id, action: 'settings.updated' } });
    expect(row?.diff).toMatchObject({ before: { secondFactorPolicy: 'NONE' }, after: { secondFactorPolicy: 'SECOND_FACTOR' } });
  });
});
