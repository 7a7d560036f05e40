import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientActor, StaffActor } from '@/lib/auth/actor';
import { setupTestDatabase } from './support/test-database';
import {
  createCase,
  createClient,
  createFirmWithStaff,
  emailsTo,
  expectAppError,
  firmSnapshot,
  linkToken,
  newContext,
  signedIn,
  unique,
  writeCounts,
  type FirmWithStaff,
  type PlainClient,
  type PortalClient,
} from './support/fixtures';

await setupTestDatabase();
const { getDb } = await import('@/lib/db');
const { closeRateLimits } = await import('@/lib/auth/rate-limit');
const { resolveSession, revokeSession } = await import('@/lib/auth/sessions');
const { listMembers } = await import('@/lib/server/member/list-members');
const { inviteMember } = await import('@/lib/server/member/invite-member');
const { changeMemberRole } = await import('@/lib/server/member/change-member-role');
const { deactivateMember } = await import('@/lib/server/member/deactivate-member');
const { findOpenInvitation } = await import('@/lib/server/member/accept-invitation');
const { setTwoFactorRequirement } = await import('@/lib/server/firm/set-two-factor-requirement');
const { getFirmContext } = await import('@/lib/server/firm/get-firm-context');
const { startTotpEnrolment, confirmTotpEnrolment } = await import('@/lib/server/account/totp-enrolment');
const { endSession } = await import('@/lib/server/account/end-session');
const { inviteClientToPortal } = await import('@/lib/server/client/invite-client-to-portal');
const { countCasesByStage } = await import('@/lib/server/case/count-cases-by-stage');
const { getPortalOverview } = await import('@/lib/server/portal/get-portal-overview');
const { listAuditLog } = await import('@/lib/server/audit/list-audit-log');

const db = getDb();
afterAll(() => closeRateLimits());

/**
 * Firm A with three members and their sessions, an open invitation, two portal clients with cases (one case
 * deleted), a client not yet on the portal and some audit history; firm B with its own members, a client and a case.
 */
async function twoFirms() {
  const a = await createFirmWithStaff('Alpha');
  const b = await createFirmWithStaff('Bravo');
  const a1 = await createClient(a.firm, { withPortal: true, firstName: 'Amina' });
  const a2 = await createClient(a.firm, { withPortal: true, firstName: 'Bilal' });
  const a3 = await createClient(a.firm, { firstName: 'Chiara' });
  const b1 = await createClient(b.firm, { withPortal: true, firstName: 'Dries' });
  const cases = {
    a1: [
      await createCase(a.firm, a1.client, { stage: 'INTAKE', assignedToId: a.advisor.user.id }),
      await createCase(a.firm, a1.client, { stage: 'DECISION_PENDING' }),
    ],
    a1Deleted: await createCase(a.firm, a1.client, { stage: 'APPROVED', deletedAt: new Date() }),
    a2: [await createCase(a.firm, a2.client, { stage: 'INTAKE' })],
    b1: [await createCase(b.firm, b1.client, { stage: 'REFUSED', assignedToId: b.advisor.user.id })],
  };
  const sessions = {
    aAdmin: await signedIn(a.admin.actor),
    aAdvisor: await signedIn(a.advisor.actor),
    a1: await signedIn(a1.actor),
  };
  const invitee = `invitee-${unique()}@example.test`;
  await inviteMember({ actor: a.admin.actor, input: { email: invitee, role: 'ASSISTANT' }, context: newContext() });
  const [invitationEmail] = await emailsTo(invitee);
  if (!invitationEmail) throw new Error('the invitation in firm A sent no email');
  return { a, b, a1, a2, a3, b1, cases, sessions, invitee, invitationToken: linkToken(invitationEmail, 'invitation') };
}

type World = Awaited<ReturnType<typeof twoFirms>>;

/** Runs an operation that must be refused, and proves firm A and every other table are exactly as they were. */
async function refusedWithoutTrace(world: World, code: 'NOT_FOUND' | 'FORBIDDEN', run: () => Promise<unknown>) {
  const before = await firmSnapshot(world.a.firm.id);
  const counts = await writeCounts();
  await expectAppError(run(), code);
  expect(await firmSnapshot(world.a.firm.id)).toEqual(before);
  expect(await writeCounts()).toEqual(counts);
  expect(await db.auditLog.count({ where: { firmId: world.a.firm.id } })).toBe(before.audit.length);
}

describe("an admin of firm B reaching for firm A's records", () => {
  let world: World;
  beforeAll(async () => {
    world = await twoFirms();
  });
  const bAdmin = () => world.b.admin.actor;
  const aMembers = () => [world.a.admin, world.a.advisor, world.a.assistant];

  it("cannot change the role of any of firm A's members: NOT_FOUND", async () => {
    for (const member of aMembers()) {
      for (const role of ['ADMIN', 'ADVISOR', 'ASSISTANT'] as const) {
        await refusedWithoutTrace(world, 'NOT_FOUND', () =>
          changeMemberRole({ actor: bAdmin(), input: { membershipId: member.membership.id, role }, context: newContext() }),
        );
      }
    }
  });

  it("cannot deactivate any of firm A's members, whose sessions keep working: NOT_FOUND", async () => {
    for (const member of aMembers()) {
      await refusedWithoutTrace(world, 'NOT_FOUND', () => deactivateMember({ actor: bAdmin(), input: { membershipId: member.membership.id }, context: newContext() }));
    }
    expect(await resolveSession(world.sessions.aAdmin.sessionId)).toMatchObject({ kind: 'staff', firmId: world.a.firm.id, role: 'ADMIN' });
    expect(await resolveSession(world.sessions.aAdvisor.sessionId)).toMatchObject({ kind: 'staff', firmId: world.a.firm.id, role: 'ADVISOR' });
  });

  it("cannot invite firm A's clients to the portal, with or without portal access already: NOT_FOUND, no email, no account", async () => {
    for (const target of [world.a1, world.a2, world.a3]) {
      await refusedWithoutTrace(world, 'NOT_FOUND', () => inviteClientToPortal({ actor: bAdmin(), input: { clientId: target.client.id }, context: newContext() }));
      if (target.client.email) expect(await emailsTo(target.client.email)).toEqual([]);
    }
    expect(await db.user.count({ where: { email: world.a3.client.email ?? '' } })).toBe(0);
  });

  it("changes only firm B when switching on two-factor, and firm A's members are not asked to enrol", async () => {
    const before = await firmSnapshot(world.a.firm.id);
    await setTwoFactorRequirement({ actor: bAdmin(), input: { required: true }, context: newContext() });
    expect(await firmSnapshot(world.a.firm.id)).toEqual(before);
    expect((await db.firm.findUniqueOrThrow({ where: { id: world.b.firm.id } })).requireTwoFactor).toBe(true);
    expect((await getFirmContext({ actor: world.a.advisor.actor })).mustEnrollTotp).toBe(false);
    expect((await getFirmContext({ actor: world.b.advisor.actor })).mustEnrollTotp).toBe(true);
  });

  it("may invite an address already in firm A without learning so, and leaves firm A's membership and open invitation alone", async () => {
    const before = await firmSnapshot(world.a.firm.id);
    for (const email of [world.a.advisor.email, world.invitee]) {
      const { invitationId } = await inviteMember({ actor: bAdmin(), input: { email, role: 'ADVISOR' }, context: newContext() });
      expect(await db.invitation.findUniqueOrThrow({ where: { id: invitationId } })).toMatchObject({ firmId: world.b.firm.id, email });
    }
    expect(await firmSnapshot(world.a.firm.id)).toEqual(before);
    expect(await findOpenInvitation(world.invitationToken)).toMatchObject({ email: world.invitee, role: 'ASSISTANT', firmName: world.a.firm.name });
  });

  it('sees its own firm and person in the app shell, never firm A', async () => {
    const context = await getFirmContext({ actor: bAdmin() });
    expect(context.firm).toMatchObject({ id: world.b.firm.id, name: world.b.firm.name });
    expect(context.user.email).toBe(world.b.admin.email);
  });

  it('sets up two-factor on its own account only', async () => {
    const before = await firmSnapshot(world.a.firm.id);
    const enrolment = await startTotpEnrolment({ actor: bAdmin() });
    expect(enrolment?.uri).toContain(encodeURIComponent(world.b.admin.email));
    expect(await firmSnapshot(world.a.firm.id)).toEqual(before);
    expect((await db.user.findUniqueOrThrow({ where: { id: world.b.admin.user.id } })).totpSecret).not.toBeNull();
  });
});

describe("a client of firm A calling staff operations", () => {
  let world: World;
  beforeAll(async () => {
    world = await twoFirms();
  });
  // Staff operations are typed for staff actors; these calls stand for a mis-routed portal session, which the
  // operations must refuse at run time, not only in the type checker.
  const asStaff = (actor: ClientActor) => actor as unknown as StaffActor;
  const client = () => asStaff(world.a1.actor);

  const operations: [string, () => Promise<unknown>][] = [
    ['listMembers', () => listMembers({ actor: client() })],
    ['inviteMember', () => inviteMember({ actor: client(), input: { email: `x-${unique()}@example.test`, role: 'ADMIN' }, context: newContext() })],
    ['changeMemberRole', () => changeMemberRole({ actor: client(), input: { membershipId: world.a.assistant.membership.id, role: 'ADMIN' }, context: newContext() })],
    ['deactivateMember', () => deactivateMember({ actor: client(), input: { membershipId: world.a.advisor.membership.id }, context: newContext() })],
    ['setTwoFactorRequirement', () => setTwoFactorRequirement({ actor: client(), input: { required: true }, context: newContext() })],
    ['inviteClientToPortal (another client)', () => inviteClientToPortal({ actor: client(), input: { clientId: world.a3.client.id }, context: newContext() })],
    ['inviteClientToPortal (their own record)', () => inviteClientToPortal({ actor: client(), input: { clientId: world.a1.client.id }, context: newContext() })],
    ['countCasesByStage', () => countCasesByStage({ actor: client() })],
    ['listAuditLog', () => listAuditLog({ actor: client() })],
    ['startTotpEnrolment', () => startTotpEnrolment({ actor: client() })],
    ['confirmTotpEnrolment', () => confirmTotpEnrolment({ actor: client(), input: { code: '123456' }, context: newContext() })],
  ];

  it.each(operations)('%s: FORBIDDEN, and nothing in firm A changes', async (_name, run) => {
    await refusedWithoutTrace(world, 'FORBIDDEN', run);
  });
});

describe('list operations stay inside the firm', () => {
  let world: World;
  beforeAll(async () => {
    world = await twoFirms();
    // Some history in firm B too, so an empty list would not prove anything.
    await inviteMember({ actor: world.b.admin.actor, input: { email: `b-invitee-${unique()}@example.test`, role: 'ADVISOR' }, context: newContext() });
    await changeMemberRole({ actor: world.b.admin.actor, input: { membershipId: world.b.assistant.membership.id, role: 'ADVISOR' }, context: newContext() });
  });

  it("listMembers in firm B shows firm B's members and invitations only", async () => {
    const { members, invitations } = await listMembers({ actor: world.b.admin.actor });
    expect(members.map((m) => m.user.email).sort()).toEqual([world.b.admin.email, world.b.advisor.email, world.b.assistant.email].sort());
    expect(invitations).toHaveLength(1);
    expect(invitations.map((i) => i.email)).not.toContain(world.invitee);
    const aInvitations = await listMembers({ actor: world.a.admin.actor });
    expect(aInvitations.invitations.map((i) => i.email)).toEqual([world.invitee]);
  });

  it("listAuditLog in firm B never returns firm A's rows, whatever the filters", async () => {
    const aRows = await db.auditLog.count({ where: { firmId: world.a.firm.id } });
    expect(aRows).toBeGreaterThan(0);
    const queries = [
      {},
      { filters: { actorUserId: world.a.admin.user.id } },
      { filters: { q: world.a.admin.email } },
      { filters: { q: world.invitee } },
      { filters: { action: 'member.invited' as const } },
      { filters: { entity: 'invitation' as const } },
      { limit: 200 },
    ];
    for (const query of queries) {
      const page = await listAuditLog({ actor: world.b.admin.actor, ...query });
      const ids = page.items.map((item) => BigInt(item.id));
      const firms = await db.auditLog.findMany({ where: { id: { in: ids } }, select: { firmId: true } });
      expect(firms.every((row) => row.firmId === world.b.firm.id)).toBe(true);
      expect(page.items.map((item) => item.actorUserId)).not.toContain(world.a.admin.user.id);
      expect(JSON.stringify(page.items)).not.toContain(world.invitee);
    }
    const unfiltered = await listAuditLog({ actor: world.b.admin.actor, limit: 200 });
    expect(unfiltered.items.length).toBe(await db.auditLog.count({ where: { firmId: world.b.firm.id } }));
  });

  it("countCasesByStage counts each firm's open cases only", async () => {
    expect(await countCasesByStage({ actor: world.b.admin.actor })).toEqual({ firm: { REFUSED: 1 }, mine: {} });
    expect(await countCasesByStage({ actor: world.b.advisor.actor })).toEqual({ firm: { REFUSED: 1 }, mine: { REFUSED: 1 } });
    expect(await countCasesByStage({ actor: world.a.advisor.actor })).toEqual({ firm: { INTAKE: 2, DECISION_PENDING: 1 }, mine: { INTAKE: 1 } });
  });
});

describe('the client portal', () => {
  let world: World;
  beforeAll(async () => {
    world = await twoFirms();
  });

  it("shows client A1 their own open cases and never client A2's or firm B's", async () => {
    const overview = await getPortalOverview({ actor: world.a1.actor });
    expect(overview.firm.name).toBe(world.a.firm.name);
    expect(overview.firstName).toBe(world.a1.client.firstName);
    expect(overview.cases.map((c) => c.id).sort()).toEqual(world.cases.a1.map((c) => c.id).sort());
    const other = await getPortalOverview({ actor: world.a2.actor });
    expect(other.cases.map((c) => c.id)).toEqual(world.cases.a2.map((c) => c.id));
  });

  it('shows another client nothing from a session as client A1', async () => {
    const actor = await resolveSession(world.sessions.a1.sessionId);
    expect(actor).toEqual({ kind: 'client', userId: world.a1.portalUser.id, firmId: world.a.firm.id, clientId: world.a1.client.id, sessionId: world.sessions.a1.sessionId });
    const overview = await getPortalOverview({ actor: actor as ClientActor });
    const leaked = [...world.cases.a2, ...world.cases.b1, world.cases.a1Deleted].map((c) => c.reference);
    for (const reference of leaked) expect(JSON.stringify(overview)).not.toContain(reference);
  });

  it("answers NOT_FOUND to a portal actor of firm B carrying firm A's client id", async () => {
    const forged: ClientActor = { ...world.b1.actor, clientId: world.a1.client.id };
    await expectAppError(getPortalOverview({ actor: forged }), 'NOT_FOUND');
  });
});

describe('sessions', () => {
  async function team(): Promise<FirmWithStaff & { portal: PortalClient; plain: PlainClient }> {
    const staff = await createFirmWithStaff('Sessions');
    return { ...staff, portal: await createClient(staff.firm, { withPortal: true }), plain: await createClient(staff.firm) };
  }

  it("stops a deactivated member's sessions at once while another member's keeps working", async () => {
    const t = await team();
    const laptop = await signedIn(t.advisor.actor);
    const phone = await signedIn(t.advisor.actor);
    const colleague = await signedIn(t.assistant.actor);
    expect(await resolveSession(laptop.sessionId)).toMatchObject({ kind: 'staff', role: 'ADVISOR' });

    await deactivateMember({ actor: t.admin.actor, input: { membershipId: t.advisor.membership.id }, context: newContext() });

    expect(await resolveSession(laptop.sessionId)).toBeNull();
    expect(await resolveSession(phone.sessionId)).toBeNull();
    expect(await resolveSession(colleague.sessionId)).toEqual({ kind: 'staff', userId: t.assistant.user.id, firmId: t.firm.id, role: 'ASSISTANT', sessionId: colleague.sessionId });
  });

  it('keeps even a never-revoked session of a deactivated member dead (the membership is checked, not only the session row)', async () => {
    const t = await team();
    await db.membership.update({ where: { id: t.advisor.membership.id }, data: { deactivatedAt: new Date() } });
    const session = await signedIn(t.advisor.actor);
    expect(await resolveSession(session.sessionId)).toBeNull();
  });

  it('signs a person deactivated in one firm out of that firm only', async () => {
    const a = await team();
    const b = await team();
    // The same person works for both firms.
    await db.membership.create({ data: { firmId: b.firm.id, userId: a.advisor.user.id, role: 'ASSISTANT' } });
    const inA = await signedIn(a.advisor.actor);
    const inB = await signedIn({ ...a.advisor.actor, firmId: b.firm.id, role: 'ASSISTANT' });
    await deactivateMember({ actor: a.admin.actor, input: { membershipId: a.advisor.membership.id }, context: newContext() });
    expect(await resolveSession(inA.sessionId)).toBeNull();
    expect(await resolveSession(inB.sessionId)).toMatchObject({ kind: 'staff', firmId: b.firm.id, role: 'ASSISTANT' });
  });

  it('resolves a revoked session to null, for staff and clients, and audits the sign-out', async () => {
    const t = await team();
    const staff = await signedIn(t.advisor.actor);
    const client = await signedIn(t.portal.actor);
    const other = await signedIn(t.advisor.actor);

    const context = newContext();
    await endSession({ actor: staff, context });
    await endSession({ actor: client, context });
    expect(await resolveSession(staff.sessionId)).toBeNull();
    expect(await resolveSession(client.sessionId)).toBeNull();
    expect(await resolveSession(other.sessionId)).toMatchObject({ kind: 'staff', userId: t.advisor.user.id });
    const signOuts = await db.auditLog.findMany({ where: { firmId: t.firm.id, action: 'auth.sign_out' }, orderBy: { id: 'asc' } });
    expect(signOuts.map((row) => [row.entityId, row.actorUserId, row.ip])).toEqual([
      [staff.sessionId, t.advisor.user.id, context.ip],
      [client.sessionId, t.portal.portalUser.id, context.ip],
    ]);

    await revokeSession(db, other.sessionId);
    expect(await resolveSession(other.sessionId)).toBeNull();
  });

  it('resolves an expired session, and the session of a deleted client, to null', async () => {
    const t = await team();
    const staff = await signedIn(t.assistant.actor);
    expect(await resolveSession(staff.sessionId, new Date(Date.now() + 13 * 3600_000))).toBeNull();
    const client = await signedIn(t.portal.actor);
    expect(await resolveSession(client.sessionId)).toMatchObject({ kind: 'client', clientId: t.portal.client.id });
    await db.client.update({ where: { id: t.portal.client.id }, data: { deletedAt: new Date() } });
    expect(await resolveSession(client.sessionId)).toBeNull();
  });
});
