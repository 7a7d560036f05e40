import { generateHOTP, generateTOTP } from '@oslojs/otp';
import { afterAll, describe, expect, it } from 'vitest';
import nlEmails from '@/lib/i18n/messages/nl/emails.json';
import { setupTestDatabase } from './support/test-database';
import {
  addMember,
  createClient,
  createFirmWithStaff,
  emailsTo,
  expectAppError,
  linkToken,
  newContext,
  STAFF_PASSWORD,
  unique,
} from './support/fixtures';

await setupTestDatabase();
const { getDb } = await import('@/lib/db');
const { env } = await import('@/lib/env');
const { closeRateLimits } = await import('@/lib/auth/rate-limit');
const { staffSignIn, SignInRefused } = await import('@/lib/auth/staff-sign-in');
const { resolveSession } = await import('@/lib/auth/sessions');
const { decryptSecret, hashToken } = await import('@/lib/auth/secrets');
const { requestMagicLink, redeemMagicLink } = await import('@/lib/auth/magic-link');
const { startTotpEnrolment, confirmTotpEnrolment } = await import('@/lib/server/account/totp-enrolment');
const { getFirmContext } = await import('@/lib/server/firm/get-firm-context');
const { setSecondFactorPolicy } = await import('@/lib/server/firm/set-second-factor-policy');
const { createFirm } = await import('@/lib/server/firm/create-firm');
const { inviteMember } = await import('@/lib/server/member/invite-member');
const { acceptInvitation, findOpenInvitation } = await import('@/lib/server/member/accept-invitation');
const { changeMemberRole } = await import('@/lib/server/member/change-member-role');
const { deactivateMember } = await import('@/lib/server/member/deactivate-member');
const { inviteClientToPortal } = await import('@/lib/server/client/invite-client-to-portal');
const { listAuditLog } = await import('@/lib/server/audit/list-audit-log');

const db = getDb();
afterAll(() => closeRateLimits());

/** The refusal a sign-in ends with (or null when it signed in), with what the sign-in screen gets to show. */
async function refusalOf(attempt: Promise<unknown>): Promise<{ reason: string; message: string; retryAfterSeconds?: number } | null> {
  try {
    await attempt;
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(SignInRefused);
    const refused = error as InstanceType<typeof SignInRefused>;
    return { reason: refused.reason, message: refused.message, retryAfterSeconds: refused.retryAfterSeconds };
  }
}

const auditRows = (where: { firmId?: string | null; action?: string; actorUserId?: string; entityId?: string }) => db.auditLog.findMany({ where, orderBy: { id: 'asc' } });
const sessionsOf = (userId: string) => db.session.count({ where: { userId } });

// ---------- TOTP helpers: codes computed the way an authenticator app would, from the stored secret ----------

async function totpKeyOf(userId: string): Promise<Uint8Array> {
  const { totpSecret } = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { totpSecret: true } });
  if (!totpSecret) throw new Error('no TOTP secret stored');
  return decryptSecret(totpSecret);
}

const rightCode = (key: Uint8Array) => generateTOTP(key, 30, 6);
/** The app's next code (accepted within the grace step): the current one was spent confirming the enrolment. */
const nextCode = (key: Uint8Array) => generateHOTP(key, BigInt(Math.floor(Date.now() / 30_000) + 1), 6);

/** A code that is wrong now and in the steps either side of now, so the grace period cannot accept it. */
function wrongCode(key: Uint8Array): string {
  const step = Math.floor(Date.now() / 30_000);
  const near = new Set([-2, -1, 0, 1, 2].map((offset) => generateHOTP(key, BigInt(step + offset), 6)));
  for (let n = 123_456; ; n += 1) {
    const code = String(n % 1_000_000).padStart(6, '0');
    if (!near.has(code)) return code;
  }
}

async function enrolTotp(actor: Parameters<typeof startTotpEnrolment>[0]['actor']): Promise<Uint8Array> {
  await startTotpEnrolment({ actor });
  const key = await totpKeyOf(actor.userId);
  await confirmTotpEnrolment({ actor, input: { code: rightCode(key) }, context: newContext() });
  return key;
}

describe('staff sign-in with a password', () => {
  it('opens a session and records an auth.sign_in audit row with the IP', async () => {
    const { firm, advisor } = await createFirmWithStaff('SignIn');
    const context = newContext();
    const { sessionId, userId } = await staffSignIn({ email: advisor.email, password: STAFF_PASSWORD }, context);
    expect(userId).toBe(advisor.user.id);
    expect(await resolveSession(sessionId)).toEqual({ kind: 'staff', userId, firmId: firm.id, role: 'ADVISOR', sessionId });
    expect(await db.session.findUniqueOrThrow({ where: { id: sessionId } })).toMatchObject({ kind: 'STAFF', ip: context.ip, userAgent: 'vitest', revokedAt: null });
    const [row] = await auditRows({ firmId: firm.id, action: 'auth.sign_in' });
    expect(row).toMatchObject({ actorKind: 'STAFF', actorUserId: userId, entity: 'session', entityId: sessionId, ip: context.ip, userAgent: 'vitest', diff: { after: { method: 'password' } } });
  });

  it('accepts the email in any case and with spaces around it', async () => {
    const { advisor } = await createFirmWithStaff('SignInCase');
    const { userId } = await staffSignIn({ email: `  ${advisor.email.toUpperCase()} `, password: STAFF_PASSWORD }, newContext());
    expect(userId).toBe(advisor.user.id);
  });

  it("refuses a wrong password with 'invalid', opens no session and audits auth.sign_in_failed", async () => {
    const { firm, advisor } = await createFirmWithStaff('WrongPassword');
    const context = newContext();
    expect(await refusalOf(staffSignIn({ email: advisor.email, password: 'not the password' }, context))).toMatchObject({ reason: 'invalid' });
    expect(await sessionsOf(advisor.user.id)).toBe(0);
    const rows = await auditRows({ firmId: firm.id, action: 'auth.sign_in_failed' });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorKind: 'ANONYMOUS', actorUserId: null, ip: context.ip, diff: { after: { email: advisor.email, reason: 'password' } } });
  });

  it('gives an unknown email exactly the same refusal as a wrong password, so the form reveals nothing', async () => {
    const { advisor } = await createFirmWithStaff('UnknownEmail');
    const wrongPassword = await refusalOf(staffSignIn({ email: advisor.email, password: 'not the password' }, newContext()));
    const unknownEmail = `nobody-${unique()}@example.test`;
    const context = newContext();
    const unknown = await refusalOf(staffSignIn({ email: unknownEmail, password: 'not the password' }, context));
    expect(unknown).toEqual(wrongPassword);
    expect(unknown?.reason).toBe('invalid');
    const rows = await db.auditLog.findMany({ where: { action: 'auth.sign_in_failed', ip: context.ip } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ firmId: null, diff: { after: { email: unknownEmail, reason: 'password' } } });
  });

  it('refuses a deactivated member with the same generic answer, even with the right password', async () => {
    const { firm, admin, advisor } = await createFirmWithStaff('Deactivated');
    await deactivateMember({ actor: admin.actor, input: { membershipId: advisor.membership.id }, context: newContext() });
    expect(await refusalOf(staffSignIn({ email: advisor.email, password: STAFF_PASSWORD }, newContext()))).toMatchObject({ reason: 'invalid' });
    expect(await db.session.count({ where: { userId: advisor.user.id, firmId: firm.id } })).toBe(0);
  });

  it("throttles brute force: after 5 wrong passwords even the right one gets 'rate_limited', audited as auth.sign_in_throttled", async () => {
    const { firm, admin, advisor, assistant } = await createFirmWithStaff('BruteForce');
    const attacker = newContext();
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      expect(await refusalOf(staffSignIn({ email: advisor.email, password: `guess-${attempt}` }, attacker))).toMatchObject({ reason: 'invalid' });
    }
    const throttled = await refusalOf(staffSignIn({ email: advisor.email, password: STAFF_PASSWORD }, newContext()));
    expect(throttled).toMatchObject({ reason: 'rate_limited' });
    expect(throttled?.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect(await sessionsOf(advisor.user.id)).toBe(0);

    expect(await auditRows({ firmId: firm.id, action: 'auth.sign_in_failed' })).toHaveLength(5);
    const [row] = await db.auditLog.findMany({ where: { action: 'auth.sign_in_throttled', diff: { path: ['after', 'email'], equals: advisor.email } } });
    expect(row).toMatchObject({ actorKind: 'ANONYMOUS', entity: 'session', ip: expect.stringMatching(/^\d+\.\d+\.\d+\.\d+$/) });
    // The firm's admins see the attack in their audit log.
    const page = await listAuditLog({ actor: admin.actor, filters: { action: 'auth.sign_in_throttled' } });
    expect(page.items.map((item) => item.diff.after?.email)).toEqual([advisor.email]);

    // A colleague signing in from the attacked office's IP is not locked out by someone else's account.
    await expect(staffSignIn({ email: assistant.email, password: STAFF_PASSWORD }, attacker)).resolves.toMatchObject({ userId: assistant.user.id });
  });
});

describe('two-factor (TOTP)', () => {
  it('enrols in two steps: a pending key, refused with a wrong code, active once the right code is given', async () => {
    const { firm, advisor } = await createFirmWithStaff('Totp');
    const enrolment = await startTotpEnrolment({ actor: advisor.actor });
    expect(enrolment?.uri).toMatch(/^otpauth:\/\/totp\/Sejour:/);
    expect(enrolment?.manualKey).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/);
    // Reloading the page shows the same pending key, so the app the person has already scanned stays right.
    expect(await startTotpEnrolment({ actor: advisor.actor })).toEqual(enrolment);

    const key = await totpKeyOf(advisor.user.id);
    const refused = await expectAppError(confirmTotpEnrolment({ actor: advisor.actor, input: { code: wrongCode(key) }, context: newContext() }), 'VALIDATION');
    expect(refused.userMessage).toBe('security.codeWrong');
    expect((await db.user.findUniqueOrThrow({ where: { id: advisor.user.id } })).totpEnabledAt).toBeNull();
    // A pending key does not change sign-in yet.
    await expect(staffSignIn({ email: advisor.email, password: STAFF_PASSWORD }, newContext())).resolves.toMatchObject({ userId: advisor.user.id });

    const context = newContext();
    await expect(confirmTotpEnrolment({ actor: advisor.actor, input: { code: rightCode(key) }, context })).resolves.toMatchObject({ enabled: true, recoveryCodes: expect.any(Array) });
    expect((await db.user.findUniqueOrThrow({ where: { id: advisor.user.id } })).totpEnabledAt).not.toBeNull();
    expect(await startTotpEnrolment({ actor: advisor.actor })).toBeNull();
    const [row] = await auditRows({ firmId: firm.id, action: 'auth.totp_enabled' });
    expect(row).toMatchObject({ actorUserId: advisor.user.id, entityId: advisor.user.id, ip: context.ip });
  });

  it("then asks for the code: none → 'second_factor_required', wrong → 'totp_invalid' (audited), right → a session", async () => {
    const { firm, advisor } = await createFirmWithStaff('TotpSignIn');
    const key = await enrolTotp(advisor.actor);
    const credentials = { email: advisor.email, password: STAFF_PASSWORD };

    expect(await refusalOf(staffSignIn(credentials, newContext()))).toMatchObject({ reason: 'second_factor_required' });
    expect(await refusalOf(staffSignIn({ ...credentials, totp: '' }, newContext()))).toMatchObject({ reason: 'second_factor_required' });
    const wrongContext = newContext();
    expect(await refusalOf(staffSignIn({ ...credentials, totp: wrongCode(key) }, wrongContext))).toMatchObject({ reason: 'totp_invalid' });
    expect(await sessionsOf(advisor.user.id)).toBe(0);
    const [failed] = await auditRows({ firmId: firm.id, action: 'auth.sign_in_failed' });
    expect(failed).toMatchObject({ ip: wrongContext.ip, diff: { after: { email: advisor.email, reason: 'totp' } } });

    const { sessionId } = await staffSignIn({ ...credentials, totp: nextCode(key) }, newContext());
    expect(await resolveSession(sessionId)).toMatchObject({ kind: 'staff', userId: advisor.user.id, role: 'ADVISOR' });
    const [signIn] = await auditRows({ firmId: firm.id, action: 'auth.sign_in' });
    expect(signIn).toMatchObject({ entityId: sessionId, diff: { after: { method: 'password+totp' } } });
  });

  it('still refuses a wrong password before asking for a code', async () => {
    const { advisor } = await createFirmWithStaff('TotpPassword');
    const key = await enrolTotp(advisor.actor);
    expect(await refusalOf(staffSignIn({ email: advisor.email, password: 'not the password', totp: rightCode(key) }, newContext()))).toMatchObject({ reason: 'invalid' });
  });

  it('lets a person sign in six times in a row (several devices, each with a new code) without locking them out', async () => {
    const { advisor } = await createFirmWithStaff('TotpDevices');
    const key = await enrolTotp(advisor.actor);
    // A code works once, so each device signs in with the code of its own half-minute, as it would during a day.
    for (let device = 1; device <= 6; device += 1) {
      const at = new Date(Date.now() + device * 30_000);
      const code = generateHOTP(key, BigInt(Math.floor(at.getTime() / 30_000)), 6);
      expect(await refusalOf(staffSignIn({ email: advisor.email, password: STAFF_PASSWORD, totp: code }, newContext(), at)), `sign-in ${device}`).toBeNull();
    }
    expect(await sessionsOf(advisor.user.id)).toBe(6);
  });

  it('makes members without an authenticator enrol when the firm requires two-factor', async () => {
    const { firm, admin, advisor, assistant } = await createFirmWithStaff('Require2fa');
    await enrolTotp(assistant.actor);
    const portal = await createClient(firm, { withPortal: true });
    expect((await getFirmContext({ actor: advisor.actor })).mustEnrollSecondFactor).toBe(false);

    await setSecondFactorPolicy({ actor: admin.actor, input: { policy: 'SECOND_FACTOR' }, context: newContext() });
    expect(await getFirmContext({ actor: advisor.actor })).toMatchObject({ firm: { secondFactorPolicy: 'SECOND_FACTOR' }, mustEnrollSecondFactor: true });
    expect((await getFirmContext({ actor: admin.actor })).mustEnrollSecondFactor).toBe(true);
    expect((await getFirmContext({ actor: assistant.actor })).mustEnrollSecondFactor).toBe(false);
    // Clients sign in by email link; the staff policy does not apply to them.
    expect((await getFirmContext({ actor: portal.actor })).mustEnrollSecondFactor).toBe(false);

    await enrolTotp(advisor.actor);
    expect((await getFirmContext({ actor: advisor.actor })).mustEnrollSecondFactor).toBe(false);
    await setSecondFactorPolicy({ actor: admin.actor, input: { policy: 'NONE' }, context: newContext() });
    expect((await getFirmContext({ actor: admin.actor })).mustEnrollSecondFactor).toBe(false);
  });
});

function never(): never {
  throw new Error('unreachable');
}

describe('staff invitations', () => {
  it('emails the invitee a link; accepting it creates the account and membership, audited, and the person can sign in', async () => {
    const { firm, admin } = await createFirmWithStaff('Invite');
    const invitee = `New.Colleague-${unique()}@Example.test`;
    await inviteMember({ actor: admin.actor, input: { email: invitee, role: 'ADVISOR' }, context: newContext() });

    const emails = await emailsTo(invitee);
    expect(emails).toHaveLength(1);
    const [email] = emails;
    if (!email) return never();
    expect(email).toMatchObject({ toEmail: invitee.toLowerCase(), template: 'invitation', firmId: firm.id, status: 'PENDING' });
    expect(email.subject).toBe(`${admin.user.name} invited you to join ${firm.name} on Sejour`);
    const token = linkToken(email, 'invitation');
    expect(email.text).toContain(new URL(`/invitations/${token}`, env().APP_URL).toString());
    expect(await findOpenInvitation(token)).toEqual({ email: invitee.toLowerCase(), role: 'ADVISOR', firmName: firm.name, hasAccount: false });

    const context = newContext();
    const password = `a long new password ${unique()}`;
    await expect(acceptInvitation({ input: { token, name: 'Nora Newcomer', password }, context })).resolves.toEqual({ email: invitee.toLowerCase(), firmId: firm.id });
    const user = await db.user.findUniqueOrThrow({ where: { email: invitee.toLowerCase() }, include: { memberships: true } });
    expect(user.name).toBe('Nora Newcomer');
    expect(user.memberships).toMatchObject([{ firmId: firm.id, role: 'ADVISOR', deactivatedAt: null }]);
    const [joined] = await auditRows({ firmId: firm.id, action: 'member.joined' });
    expect(joined).toMatchObject({ actorUserId: user.id, entityId: user.memberships[0]?.id, ip: context.ip, diff: { after: { email: user.email, role: 'ADVISOR' } } });

    const { sessionId } = await staffSignIn({ email: invitee, password }, newContext());
    expect(await resolveSession(sessionId)).toMatchObject({ kind: 'staff', firmId: firm.id, role: 'ADVISOR' });

    // The link works once.
    await expectAppError(acceptInvitation({ input: { token, name: 'Someone Else', password: 'another long password' }, context: newContext() }), 'NOT_FOUND');
    expect(await findOpenInvitation(token)).toBeNull();
    expect(await db.membership.count({ where: { firmId: firm.id, userId: user.id } })).toBe(1);
  });

  it('refuses an expired invitation: NOT_FOUND, and no account is created', async () => {
    const { admin } = await createFirmWithStaff('Expired');
    const invitee = `late-${unique()}@example.test`;
    const { invitationId } = await inviteMember({ actor: admin.actor, input: { email: invitee, role: 'ASSISTANT' }, context: newContext() });
    const [email] = await emailsTo(invitee);
    if (!email) return never();
    const token = linkToken(email, 'invitation');
    await db.invitation.update({ where: { id: invitationId }, data: { expiresAt: new Date(Date.now() - 1000) } });

    expect(await findOpenInvitation(token)).toBeNull();
    await expectAppError(acceptInvitation({ input: { token, name: 'Late Comer', password: 'a long enough password' }, context: newContext() }), 'NOT_FOUND');
    expect(await db.user.count({ where: { email: invitee } })).toBe(0);
  });

  it('makes an earlier link for the same address stop working when a new one is sent', async () => {
    const { admin } = await createFirmWithStaff('Reinvite');
    const invitee = `twice-${unique()}@example.test`;
    await inviteMember({ actor: admin.actor, input: { email: invitee, role: 'ASSISTANT' }, context: newContext() });
    await inviteMember({ actor: admin.actor, input: { email: invitee, role: 'ADVISOR' }, context: newContext() });
    const [first, second] = await emailsTo(invitee);
    if (!first || !second) return never();
    await expectAppError(acceptInvitation({ input: { token: linkToken(first, 'invitation'), name: 'Twice', password: 'a long enough password' }, context: newContext() }), 'NOT_FOUND');
    await expect(acceptInvitation({ input: { token: linkToken(second, 'invitation'), name: 'Twice', password: 'a long enough password' }, context: newContext() })).resolves.toMatchObject({ email: invitee });
  });

  it('asks someone who already has an account for their current password, and keeps the link usable when it is wrong', async () => {
    const other = await createFirmWithStaff('OtherFirm');
    const { firm, admin } = await createFirmWithStaff('Joining');
    await inviteMember({ actor: admin.actor, input: { email: other.advisor.email, role: 'ASSISTANT' }, context: newContext() });
    const [email] = await emailsTo(other.advisor.email);
    if (!email) return never();
    const token = linkToken(email, 'invitation');
    expect(await findOpenInvitation(token)).toMatchObject({ hasAccount: true });

    await expectAppError(acceptInvitation({ input: { token, name: 'Taking Over', password: 'an attacker password' }, context: newContext() }), 'VALIDATION');
    expect(await db.membership.count({ where: { firmId: firm.id, userId: other.advisor.user.id } })).toBe(0);
    await expect(staffSignIn({ email: other.advisor.email, password: STAFF_PASSWORD }, newContext())).resolves.toMatchObject({ userId: other.advisor.user.id });

    await expect(acceptInvitation({ input: { token, name: 'Ignored', password: STAFF_PASSWORD }, context: newContext() })).resolves.toMatchObject({ firmId: firm.id });
    expect(await db.membership.findUniqueOrThrow({ where: { firmId_userId: { firmId: firm.id, userId: other.advisor.user.id } } })).toMatchObject({ role: 'ASSISTANT' });
  });

  it('refuses to invite someone who is already a member: CONFLICT, no invitation, no email', async () => {
    const { firm, admin, advisor } = await createFirmWithStaff('Existing');
    for (const email of [advisor.email, advisor.email.toUpperCase()]) {
      await expectAppError(inviteMember({ actor: admin.actor, input: { email, role: 'ASSISTANT' }, context: newContext() }), 'CONFLICT');
    }
    expect(await db.invitation.count({ where: { firmId: firm.id } })).toBe(0);
    expect(await emailsTo(advisor.email)).toEqual([]);
    expect(await auditRows({ firmId: firm.id, action: 'member.invited' })).toEqual([]);
  });
});

describe('the last admin', () => {
  it('cannot be made an advisor or deactivated: CONFLICT, nothing changes', async () => {
    const { firm, admin } = await createFirmWithStaff('LastAdmin');
    const session = await staffSignIn({ email: admin.email, password: STAFF_PASSWORD }, newContext());
    await expectAppError(changeMemberRole({ actor: admin.actor, input: { membershipId: admin.membership.id, role: 'ADVISOR' }, context: newContext() }), 'CONFLICT');
    await expectAppError(deactivateMember({ actor: admin.actor, input: { membershipId: admin.membership.id }, context: newContext() }), 'CONFLICT');
    expect(await db.membership.findUniqueOrThrow({ where: { id: admin.membership.id } })).toMatchObject({ role: 'ADMIN', deactivatedAt: null });
    expect(await resolveSession(session.sessionId)).toMatchObject({ role: 'ADMIN' });
    expect(await auditRows({ firmId: firm.id, action: 'member.role_changed' })).toEqual([]);
  });

  it('can step down once another active admin exists, but a deactivated admin does not count', async () => {
    const { firm, admin } = await createFirmWithStaff('TwoAdmins');
    const second = await addMember(firm, 'ADMIN');
    await deactivateMember({ actor: admin.actor, input: { membershipId: second.membership.id }, context: newContext() });
    await expectAppError(changeMemberRole({ actor: admin.actor, input: { membershipId: admin.membership.id, role: 'ADVISOR' }, context: newContext() }), 'CONFLICT');

    const third = await addMember(firm, 'ADMIN');
    await expect(changeMemberRole({ actor: third.actor, input: { membershipId: admin.membership.id, role: 'ADVISOR' }, context: newContext() })).resolves.toMatchObject({ role: 'ADVISOR' });
    await expectAppError(deactivateMember({ actor: third.actor, input: { membershipId: third.membership.id }, context: newContext() }), 'CONFLICT');
  });
});

describe('client portal access by magic link', () => {
  it('invites a client in their own language; the emailed link signs them in once, as that client', async () => {
    const { firm, advisor } = await createFirmWithStaff('Portal');
    const { client } = await createClient(firm, { language: 'nl', email: `Client.${unique()}@Example.test` });
    const address = (client.email ?? '').toLowerCase();

    const { portalUserId } = await inviteClientToPortal({ actor: advisor.actor, input: { clientId: client.id }, context: newContext() });
    const portalUser = await db.user.findUniqueOrThrow({ where: { id: portalUserId } });
    expect(portalUser).toMatchObject({ email: address, passwordHash: null, locale: 'nl' });
    expect((await db.client.findUniqueOrThrow({ where: { id: client.id } })).portalUserId).toBe(portalUserId);

    const [email] = await emailsTo(address);
    if (!email) return never();
    expect(email).toMatchObject({ template: 'portal-invitation', locale: 'nl', firmId: firm.id });
    expect(email.subject).toBe(nlEmails.emails.portalInvitation.subject.replace('{advisorName}', advisor.user.name ?? '').replace('{firmName}', firm.name));
    const token = linkToken(email, 'magic-link');
    expect(email.text).toContain(new URL('/portal/sign-in/verify', env().APP_URL).toString());
    expect(await auditRows({ firmId: firm.id, action: 'client.portal_invited', entityId: client.id })).toHaveLength(1);

    const context = newContext();
    const signedIn = await redeemMagicLink(token, context);
    expect(signedIn).toEqual({ sessionId: expect.any(String), userId: portalUserId });
    expect(await resolveSession(signedIn?.sessionId ?? '')).toEqual({ kind: 'client', userId: portalUserId, firmId: firm.id, clientId: client.id, sessionId: signedIn?.sessionId });
    expect(await auditRows({ firmId: firm.id, action: 'auth.sign_in', actorUserId: portalUserId })).toMatchObject([{ actorKind: 'CLIENT', ip: context.ip, diff: { after: { method: 'magic-link' } } }]);

    expect(await redeemMagicLink(token, newContext())).toBeNull();
  });

  it('answers an unknown email exactly like a known one, but emails only the client', async () => {
    const { firm } = await createFirmWithStaff('MagicLink');
    const portal = await createClient(firm, { withPortal: true, language: 'fr' });
    const unknown = `stranger-${unique()}@example.test`;

    await expect(requestMagicLink({ email: unknown }, newContext())).resolves.toBeUndefined();
    expect(await emailsTo(unknown)).toEqual([]);
    expect(await db.verificationToken.count({ where: { identifier: unknown } })).toBe(0);

    await expect(requestMagicLink({ email: portal.portalUser.email.toUpperCase() }, newContext())).resolves.toBeUndefined();
    const emails = await emailsTo(portal.portalUser.email);
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ template: 'magic-link', locale: 'fr', firmId: firm.id });

    // Malformed input gets the same silent answer.
    await expect(requestMagicLink({ email: 'not an email' }, newContext())).resolves.toBeUndefined();
    await expect(requestMagicLink(null, newContext())).resolves.toBeUndefined();
  });

  it('signs each client in as themselves, and only once per link', async () => {
    const { firm } = await createFirmWithStaff('TwoClients');
    const first = await createClient(firm, { withPortal: true });
    const second = await createClient(firm, { withPortal: true });
    for (const portal of [first, second]) {
      await requestMagicLink({ email: portal.portalUser.email }, newContext());
      const [email] = await emailsTo(portal.portalUser.email);
      if (!email) return never();
      const token = linkToken(email, 'magic-link');
      const result = await redeemMagicLink(token, newContext());
      expect(result?.userId).toBe(portal.portalUser.id);
      expect(await resolveSession(result?.sessionId ?? '')).toMatchObject({ kind: 'client', clientId: portal.client.id, firmId: firm.id });
      expect(await redeemMagicLink(token, newContext())).toBeNull();
    }
  });

  it('refuses an expired link', async () => {
    const { firm } = await createFirmWithStaff('ExpiredLink');
    const portal = await createClient(firm, { withPortal: true });
    await requestMagicLink({ email: portal.portalUser.email }, newContext());
    const [email] = await emailsTo(portal.portalUser.email);
    if (!email) return never();
    const token = linkToken(email, 'magic-link');
    await db.verificationToken.update({ where: { token: hashToken(token) }, data: { expires: new Date(Date.now() - 1000) } });
    expect(await redeemMagicLink(token, newContext())).toBeNull();
    expect(await db.session.count({ where: { userId: portal.portalUser.id } })).toBe(0);
  });

  it('refuses unknown and empty tokens', async () => {
    expect(await redeemMagicLink('', newContext())).toBeNull();
    expect(await redeemMagicLink(`made-up-${unique()}`, newContext())).toBeNull();
  });
});

describe('the audit log keeps secrets out', () => {
  it('never stores password hashes, TOTP secrets, passwords or emailed tokens in any diff', async () => {
    // The flows that handle secrets, once more here so the check does not rely on the tests above.
    const founderPassword = `founder password ${unique()}`;
    const founderEmail = `founder-${unique()}@example.test`;
    const { firmId, userId } = await createFirm({ input: { firmName: `Secret Firm ${unique()}`, name: 'Fiona Founder', email: founderEmail, password: founderPassword }, context: newContext() });
    const founder = { kind: 'staff' as const, userId, firmId, role: 'ADMIN' as const };
    await staffSignIn({ email: founderEmail, password: 'a wrong password attempt' }, newContext()).catch(() => undefined);
    await staffSignIn({ email: founderEmail, password: founderPassword }, newContext());
    const key = await enrolTotp(founder);

    const invitee = `secret-invitee-${unique()}@example.test`;
    const inviteePassword = `invitee password ${unique()}`;
    await inviteMember({ actor: founder, input: { email: invitee, role: 'ADVISOR' }, context: newContext() });
    const [invitation] = await emailsTo(invitee);
    if (!invitation) return never();
    const invitationToken = linkToken(invitation, 'invitation');
    await acceptInvitation({ input: { token: invitationToken, name: 'Ivo Invitee', password: inviteePassword }, context: newContext() });

    const firm = await db.firm.findUniqueOrThrow({ where: { id: firmId } });
    const { client } = await createClient(firm);
    await inviteClientToPortal({ actor: founder, input: { clientId: client.id }, context: newContext() });
    const [portalEmail] = await emailsTo(client.email ?? '');
    if (!portalEmail) return never();
    const magicToken = linkToken(portalEmail, 'magic-link');
    await redeemMagicLink(magicToken, newContext());

    const users = await db.user.findMany({ select: { passwordHash: true, totpSecret: true } });
    const secrets = [
      ...users.flatMap((user) => [user.passwordHash, user.totpSecret]).filter((value): value is string => Boolean(value)),
      founderPassword,
      inviteePassword,
      STAFF_PASSWORD,
      Buffer.from(key).toString('hex'),
      invitationToken,
      magicToken,
      hashToken(invitationToken),
      hashToken(magicToken),
    ];
    expect(users.some((user) => user.totpSecret)).toBe(true);
    const rows = await db.auditLog.findMany({ select: { action: true, diff: true } });
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) {
      const stored = JSON.stringify(row.diff);
      for (const secret of secrets) expect(stored, `${row.action} diff`).not.toContain(secret);
      expect(stored).not.toMatch(/\$argon2id\$/);
    }
  });
});
