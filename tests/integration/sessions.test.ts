import { afterAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from './support/test-database';
import { addMember, createClient, createFirmWithStaff, expectAppError, newContext, signedIn, STAFF_PASSWORD } from './support/fixtures';

await setupTestDatabase();
const { getDb } = await import('@/lib/db');
const { closeRateLimits } = await import('@/lib/auth/rate-limit');
const { resolveSession } = await import('@/lib/auth/sessions');
const { staffSignIn, SignInRefused } = await import('@/lib/auth/staff-sign-in');
const { listMySessions } = await import('@/lib/server/account/list-my-sessions');
const { endMySession } = await import('@/lib/server/account/end-my-session');
const { changePassword } = await import('@/lib/server/account/change-password');
const { endMemberSessions } = await import('@/lib/server/member/end-member-sessions');

const db = getDb();
afterAll(() => closeRateLimits());

const FIREFOX_ON_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';
const SAFARI_ON_IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';
const revokedAt = async (id: string) => (await db.session.findUniqueOrThrow({ where: { id } })).revokedAt;
const auditOf = (firmId: string, action: string) => db.auditLog.findMany({ where: { firmId, action }, orderBy: { id: 'asc' } });

describe('a person’s own sessions', () => {
  it('lists only their live sessions, the current one marked, with the device and IP they signed in from', async () => {
    const { firm, advisor, assistant } = await createFirmWithStaff('Sessions');
    const laptop = await signedIn(advisor.actor, { ip: '203.0.113.10', userAgent: FIREFOX_ON_WINDOWS });
    const phone = await signedIn(advisor.actor, { ip: '198.51.100.7', userAgent: SAFARI_ON_IPHONE });
    const ended = await signedIn(advisor.actor, newContext());
    await db.session.update({ where: { id: ended.sessionId }, data: { revokedAt: new Date() } });
    const expired = await signedIn(advisor.actor, newContext());
    await db.session.update({ where: { id: expired.sessionId }, data: { expires: new Date(Date.now() - 1000) } });
    const colleague = await signedIn(assistant.actor, newContext());

    const listed = await listMySessions({ actor: laptop });
    expect(listed.map((s) => s.id).sort()).toEqual([laptop.sessionId, phone.sessionId].sort());
    expect(listed.map((s) => s.id)).not.toContain(colleague.sessionId);
    const mine = listed.find((s) => s.id === laptop.sessionId)!;
    expect(mine).toMatchObject({ current: true, ip: '203.0.113.10', firmName: firm.name, device: { browser: 'Firefox 133', os: 'Windows 10', platform: 'desktop' } });
    expect(listed.find((s) => s.id === phone.sessionId)).toMatchObject({ current: false, device: { os: expect.stringContaining('iOS'), platform: 'mobile' } });
  });

  it('ends one of their own sessions: that cookie stops working, this one goes on, and the audit log says who', async () => {
    const { firm, advisor } = await createFirmWithStaff('Sessions');
    const here = await signedIn(advisor.actor, newContext());
    const there = await signedIn(advisor.actor, newContext());
    expect(await endMySession({ actor: here, input: { sessionId: there.sessionId }, context: newContext() })).toEqual({ ended: 1 });
    expect(await resolveSession(there.sessionId)).toBeNull();
    expect(await resolveSession(here.sessionId)).toMatchObject({ userId: advisor.user.id });
    const [entry] = await auditOf(firm.id, 'auth.session_ended');
    expect(entry).toMatchObject({ entityId: there.sessionId, actorUserId: advisor.user.id });
  });

  it('cannot end a colleague’s session, another firm’s, or one of a client, by id', async () => {
    const a = await createFirmWithStaff('Sessions');
    const b = await createFirmWithStaff('Other');
    const { actor: clientActor } = await createClient(a.firm, { withPortal: true });
    const attacker = await signedIn(a.assistant.actor, newContext());
    const victims = [await signedIn(a.admin.actor, newContext()), await signedIn(b.advisor.actor, newContext()), await signedIn(clientActor, newContext())];
    for (const victim of victims) {
      await expectAppError(endMySession({ actor: attacker, input: { sessionId: victim.sessionId }, context: newContext() }), 'NOT_FOUND');
      expect(await revokedAt(victim.sessionId)).toBeNull();
    }
    // A client in the portal is a user too: their "end my session" reaches only their own rows.
    const clientHere = await signedIn(clientActor, newContext());
    await expectAppError(endMySession({ actor: clientHere, input: { sessionId: attacker.sessionId }, context: newContext() }), 'NOT_FOUND');
    expect(await revokedAt(attacker.sessionId)).toBeNull();
    expect(await auditOf(a.firm.id, 'auth.session_ended')).toEqual([]);
    // What the portal's list shows the client: their own two sessions, no staff session.
    expect((await listMySessions({ actor: clientHere })).map((s) => s.id).sort()).toEqual([victims[2]!.sessionId, clientHere.sessionId].sort());
  });

  it('ends every other session at once and keeps this one', async () => {
    const { advisor } = await createFirmWithStaff('Sessions');
    const here = await signedIn(advisor.actor, newContext());
    const others = [await signedIn(advisor.actor, newContext()), await signedIn(advisor.actor, newContext())];
    expect(await endMySession({ actor: here, input: { others: true }, context: newContext() })).toEqual({ ended: 2 });
    for (const other of others) expect(await resolveSession(other.sessionId)).toBeNull();
    expect(await resolveSession(here.sessionId)).not.toBeNull();
    expect((await listMySessions({ actor: here })).map((s) => s.id)).toEqual([here.sessionId]);
  });

  it('refuses a malformed request with a validation error and ends nothing', async () => {
    const { advisor } = await createFirmWithStaff('Sessions');
    const here = await signedIn(advisor.actor, newContext());
    await expectAppError(endMySession({ actor: here, input: { sessionId: '' }, context: newContext() }), 'VALIDATION');
    await expectAppError(endMySession({ actor: here, input: { others: 'yes' }, context: newContext() }), 'VALIDATION');
    expect(await revokedAt(here.sessionId)).toBeNull();
  });
});

describe('an admin ends a member’s sessions', () => {
  it('signs the member out of this firm everywhere, not out of another firm they also work for', async () => {
    const a = await createFirmWithStaff('Sessions');
    const b = await createFirmWithStaff('Other');
    const inB = await db.membership.create({ data: { firmId: b.firm.id, userId: a.advisor.user.id, role: 'ADVISOR' } });
    const admin = await signedIn(a.admin.actor, newContext());
    const sessionsInA = [await signedIn(a.advisor.actor, newContext()), await signedIn(a.advisor.actor, newContext())];
    const sessionInB = await signedIn({ kind: 'staff', userId: a.advisor.user.id, firmId: b.firm.id, role: inB.role }, newContext());

    expect(await endMemberSessions({ actor: admin, input: { membershipId: a.advisor.membership.id }, context: newContext() })).toEqual({ ended: 2 });
    for (const s of sessionsInA) expect(await resolveSession(s.sessionId)).toBeNull();
    expect(await resolveSession(sessionInB.sessionId)).not.toBeNull();
    expect(await resolveSession(admin.sessionId)).not.toBeNull();
    const [entry] = await auditOf(a.firm.id, 'member.sessions_ended');
    expect(entry).toMatchObject({ entityId: a.advisor.membership.id, actorUserId: a.admin.user.id });
  });

  it('finds no member of another firm by id, and ends nothing there', async () => {
    const a = await createFirmWithStaff('Sessions');
    const b = await createFirmWithStaff('Other');
    const victim = await signedIn(b.advisor.actor, newContext());
    await expectAppError(endMemberSessions({ actor: a.admin.actor, input: { membershipId: b.advisor.membership.id }, context: newContext() }), 'NOT_FOUND');
    expect(await resolveSession(victim.sessionId)).not.toBeNull();
    expect(await auditOf(b.firm.id, 'member.sessions_ended')).toEqual([]);
  });
});

describe('changing the password', () => {
  it('needs the current password, then signs the person out everywhere else; the old password no longer works', async () => {
    const { firm, advisor } = await createFirmWithStaff('Sessions');
    const here = await signedIn(advisor.actor, newContext());
    const elsewhere = await signedIn(advisor.actor, newContext());
    const newPassword = 'a longer sentence nobody guesses';

    await expectAppError(changePassword({ actor: here, input: { currentPassword: 'not it at all', newPassword, confirmPassword: newPassword }, context: newContext() }), 'VALIDATION');
    await expectAppError(changePassword({ actor: here, input: { currentPassword: STAFF_PASSWORD, newPassword, confirmPassword: 'something else entirely' }, context: newContext() }), 'VALIDATION');
    await expectAppError(changePassword({ actor: here, input: { currentPassword: STAFF_PASSWORD, newPassword: 'short', confirmPassword: 'short' }, context: newContext() }), 'VALIDATION');
    expect(await resolveSession(elsewhere.sessionId)).not.toBeNull();
    expect(await auditOf(firm.id, 'auth.password_changed')).toEqual([]);

    expect(await changePassword({ actor: here, input: { currentPassword: STAFF_PASSWORD, newPassword, confirmPassword: newPassword }, context: newContext() })).toEqual({ sessionsEnded: 1 });
    expect(await resolveSession(elsewhere.sessionId)).toBeNull();
    expect(await resolveSession(here.sessionId)).not.toBeNull();
    await expect(staffSignIn({ email: advisor.email, password: STAFF_PASSWORD }, newContext())).rejects.toBeInstanceOf(SignInRefused);
    await expect(staffSignIn({ email: advisor.email, password: newPassword }, newContext())).resolves.toMatchObject({ userId: advisor.user.id });
    const [entry] = await auditOf(firm.id, 'auth.password_changed');
    expect(entry).toMatchObject({ entityId: advisor.user.id, diff: { after: { otherSessionsEnded: 1 } } });
    expect(JSON.stringify(entry?.diff)).not.toContain(newPassword);
  });

  it('counts wrong current passwords towards the sign-in limit, so an open session cannot guess it', async () => {
    const { firm } = await createFirmWithStaff('Sessions');
    const member = await addMember(firm, 'ADVISOR');
    const here = await signedIn(member.actor, newContext());
    const guess = (n: number) => changePassword({ actor: here, input: { currentPassword: `guess number ${n}`, newPassword: 'a longer sentence nobody guesses', confirmPassword: 'a longer sentence nobody guesses' }, context: newContext() });
    const codes: string[] = [];
    for (let n = 0; n < 12; n++) codes.push(await guess(n).then(() => 'CHANGED', (error: { code: string }) => error.code));
    expect(codes.slice(0, 5)).toEqual(Array(5).fill('VALIDATION'));
    expect(codes.at(-1)).toBe('RATE_LIMITED');
    const hash = (await db.user.findUniqueOrThrow({ where: { id: member.user.id } })).passwordHash;
    const { verifyPassword } = await import('@/lib/auth/password');
    expect(await verifyPassword(hash!, STAFF_PASSWORD)).toBe(true);
  });
});
