import { afterAll, expect, it } from 'vitest';
import { setupTestDatabase } from './support/test-database';
import { createClient, createFirmWithStaff, expectAppError, newContext, signedIn, STAFF_PASSWORD } from './support/fixtures';

// Turning the authenticator app off: a new phone, or a lost one replaced after a recovery code.

await setupTestDatabase();
const { getDb } = await import('@/lib/db');
const { closeRateLimits } = await import('@/lib/auth/rate-limit');
const { staffSignIn } = await import('@/lib/auth/staff-sign-in');
const { disableTotp } = await import('@/lib/server/account/disable-totp');
const { getFirmContext } = await import('@/lib/server/firm/get-firm-context');
const { codeAt, enrolTotp, refusalOf } = await import('./support/second-factor-helpers');

const db = getDb();
afterAll(() => closeRateLimits());

it('turns the app off for the person themself, after a recent sign-in, and a firm policy sends them to set a factor up again', async () => {
  const { firm, advisor } = await createFirmWithStaff('TotpOff');
  const { key } = await enrolTotp(advisor.actor);
  await db.firm.update({ where: { id: firm.id }, data: { secondFactorPolicy: 'SECOND_FACTOR' } });

  // A session signed in an hour ago is not enough: an open laptop must not switch the protection off.
  const stale = await signedIn(advisor.actor, newContext());
  await db.session.update({ where: { id: stale.sessionId }, data: { createdAt: new Date(Date.now() - 3600_000) } });
  expect((await expectAppError(disableTotp({ actor: stale, context: newContext() }), 'FORBIDDEN')).userMessage).toBe('security.signInAgain');
  expect((await db.user.findUniqueOrThrow({ where: { id: advisor.user.id } })).totpEnabledAt).not.toBeNull();

  const fresh = await signedIn(advisor.actor, newContext());
  expect(await disableTotp({ actor: fresh, context: newContext() })).toEqual({ disabled: true });
  const user = await db.user.findUniqueOrThrow({ where: { id: advisor.user.id } });
  expect(user).toMatchObject({ totpSecret: null, totpEnabledAt: null });
  expect(await db.auditLog.count({ where: { firmId: firm.id, action: 'auth.totp_disabled', entityId: advisor.user.id } })).toBe(1);
  expect((await getFirmContext({ actor: { ...fresh } })).mustEnrollSecondFactor).toBe(true);
  // The old app's codes no longer count as a second factor: the password alone is now what signs in, and the
  // firm's policy keeps the person on the security page until they set one up.
  expect(await refusalOf(staffSignIn({ email: advisor.email, password: STAFF_PASSWORD, totp: codeAt(key, 1) }, newContext()))).toBeNull();

  // Twice: nothing to turn off.
  expect((await expectAppError(disableTotp({ actor: fresh, context: newContext() }), 'NOT_FOUND')).userMessage).toBe('security.totpNotOn');
});

it('reaches only the caller’s own account: a colleague’s app stays on, and a client gets nothing', async () => {
  const { firm, admin, assistant } = await createFirmWithStaff('TotpOff');
  await enrolTotp(assistant.actor);
  const adminSession = await signedIn(admin.actor, newContext());
  await expectAppError(disableTotp({ actor: adminSession, context: newContext() }), 'NOT_FOUND');
  expect((await db.user.findUniqueOrThrow({ where: { id: assistant.user.id } })).totpEnabledAt).not.toBeNull();
  const { actor: clientActor } = await createClient(firm, { withPortal: true });
  await expectAppError(disableTotp({ actor: await signedIn(clientActor, newContext()), context: newContext() }), 'FORBIDDEN');
  expect(await db.auditLog.count({ where: { firmId: firm.id, action: 'auth.totp_disabled' } })).toBe(0);
});
