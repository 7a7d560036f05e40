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
const { setSecondFactorPolicy } = await import('@/lib/server/firm/set-second-factor-policy');
const { getFirmContext } = await import('@/lib/server/firm/get-firm-context');
const { startTotpEnrolment, confirmTotpEnrolment } = await import('@/lib/server/account/totp-enrolment');
const { endSession } = await import('@/lib/server/account/end-session');
const { inviteClientToPortal } = await import('@/lib/server/client/invite-client-to-portal');
const { countCasesByStage } = await import('@/lib/server/case/count-cases-by-stage');
const { getPortalOverview } = await import('@/lib/server/portal/get-portal-overview');
const { listAuditLog } = await import('@/lib/server/audit/list-audit-log');
const { createClient: createClientOp } = await import('@/lib/server/client/create-client');
const { listClients } = await import('@/lib/server/client/list-clients');
const { getClient } = await import('@/lib/server/client/get-client');
const { createCase: createCaseOp } = await import('@/lib/server/case/create-case');
const { updateCase } = await import('@/lib/server/case/update-case');
const { transitionCase } = await import('@/lib/server/case/transition-case');
const { getCase } = await import('@/lib/server/case/get-case');
const { listCases } = await import('@/lib/server/case/list-cases');
const { listCaseAdvisors } = await import('@/lib/server/case/list-case-advisors');
const { listRecentActivity } = await import('@/lib/server/dashboard/list-recent-activity');
const { addNote } = await import('@/lib/server/note/add-note');

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
    await setSecondFactorPolicy({ actor: bAdmin(), input: { policy: 'SECOND_FACTOR' }, context: newContext() });
    expect(await firmSnapshot(world.a.firm.id)).toEqual(before);
    expect((await db.firm.findUniqueOrThrow({ where: { id: world.b.firm.id } })).secondFactorPolicy).toBe('SECOND_FACTOR');
    expect((await getFirmContext({ actor: world.a.advisor.actor })).mustEnrollSecondFactor).toBe(false);
    expect((await getFirmContext({ actor: world.b.advisor.actor })).mustEnrollSecondFactor).toBe(true);
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
  const ownCase = () => world.cases.a1[0]?.id ?? '';

  const operations: [string, () => Promise<unknown>][] = [
    ['listMembers', () => listMembers({ actor: client() })],
    ['inviteMember', () => inviteMember({ actor: client(), input: { email: `x-${unique()}@example.test`, role: 'ADMIN' }, context: newContext() })],
    ['changeMemberRole', () => changeMemberRole({ actor: client(), input: { membershipId: world.a.assistant.membership.id, role: 'ADMIN' }, context: newContext() })],
    ['deactivateMember', () => deactivateMember({ actor: client(), input: { membershipId: world.a.advisor.membership.id }, context: newContext() })],
    ['setSecondFactorPolicy', () => setSecondFactorPolicy({ actor: client(), input: { policy: 'SECOND_FACTOR' }, context: newContext() })],
    ['inviteClientToPortal (another client)', () => inviteClientToPortal({ actor: client(), input: { clientId: world.a3.client.id }, context: newContext() })],
    ['inviteClientToPortal (their own record)', () => inviteClientToPortal({ actor: client(), input: { clientId: world.a1.client.id }, context: newContext() })],
    ['countCasesByStage', () => countCasesByStage({ actor: client() })],
    ['listAuditLog', () => listAuditLog({ actor: client() })],
    ['createClient', () => createClientOp({ actor: client(), input: { firstName: 'Eve', lastName: 'Portal', nationality: 'MA', language: 'fr' }, context: newContext() })],
    ['listClients', () => listClients({ actor: client(), query: {} })],
    ['getClient (their own record)', () => getClient({ actor: client(), clientId: world.a1.client.id })],
    ['getClient (another client)', () => getClient({ actor: client(), clientId: world.a2.client.id })],
    ['createCase (for themselves)', () => createCaseOp({ actor: client(), input: { clientId: world.a1.client.id, procedure: 'STUDY' }, context: newContext() })],
    ['getCase (their own case)', () => getCase({ actor: client(), caseId: ownCase() })],
    ['updateCase (their own case)', () => updateCase({ actor: client(), input: { caseId: ownCase(), version: 1, communeReference: 'MINE' }, context: newContext() })],
    ['transitionCase (their own case)', () => transitionCase({ actor: client(), input: { caseId: ownCase(), version: 1, transition: 'FILE_APPLICATION', facts: { filedOn: '2026-01-12' } }, context: newContext(), asOf: '2026-11-23' })],
    ['addNote (their own case)', () => addNote({ actor: client(), input: { caseId: ownCase(), body: 'From the client', visibility: 'CLIENT' }, context: newContext() })],
    ['listCases', () => listCases({ actor: client(), query: {} })],
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

// ---------- clients, cases and notes ----------

/** Everything firm A's case work consists of beyond firmSnapshot: deadlines, timeline, notes, tasks. */
async function caseWorkSnapshot(firmId: string) {
  const where = { firmId };
  const byId = { id: 'asc' } as const;
  const [deadlines, events, notes, tasks] = await Promise.all([
    db.deadline.findMany({ where, orderBy: byId }),
    db.caseEvent.findMany({ where, orderBy: byId }),
    db.note.findMany({ where, orderBy: byId }),
    db.task.findMany({ where, orderBy: byId }),
  ]);
  return { deadlines, events, notes, tasks };
}

/** Row counts across every firm of what client, case and note operations write. */
async function caseWriteCounts() {
  const [clients, cases, deadlines, events, notes] = await Promise.all([db.client.count(), db.case.count(), db.deadline.count(), db.caseEvent.count(), db.note.count()]);
  return { clients, cases, deadlines, events, notes };
}

/** Two firms whose clients share a name, a birth date and a national register number, built through lib/server. */
async function caseFirms() {
  const a = await createFirmWithStaff('Alpha');
  const b = await createFirmWithStaff('Bravo');
  const person = { firstName: 'Inês', lastName: 'Gonçalves', birthDate: '1990-04-02', nationality: 'MA', language: 'fr', nationalRegisterNumber: '90040212386', passportNumber: 'PT1234567' };
  const aClient = await createClientOp({ actor: a.advisor.actor, input: person, context: newContext() });
  const aCase = await createCaseOp({ actor: a.advisor.actor, input: { clientId: aClient.id, procedure: 'REGISTRATION_NON_EU', stay: 'LONG', arrivedOn: '2026-01-05' }, context: newContext() });
  await addNote({ actor: a.advisor.actor, input: { caseId: aCase.id, body: 'Internal note of firm A' }, context: newContext() });
  await addNote({ actor: a.advisor.actor, input: { caseId: aCase.id, body: 'Client note of firm A', visibility: 'CLIENT' }, context: newContext() });
  const bClient = await createClientOp({ actor: b.advisor.actor, input: { ...person, nationalRegisterNumber: undefined, birthDate: '1985-01-01' }, context: newContext() });
  const bCase = await createCaseOp({ actor: b.advisor.actor, input: { clientId: bClient.id, procedure: 'STUDY' }, context: newContext() });
  return { a, b, person, aClient, aCase, bClient, bCase };
}

describe("client, case and note operations reaching for another firm's records", () => {
  let world: Awaited<ReturnType<typeof caseFirms>>;
  beforeAll(async () => {
    world = await caseFirms();
  });
  const bAdmin = () => world.b.admin.actor;
  const aCaseVersion = async () => (await db.case.findUniqueOrThrow({ where: { id: world.aCase.id } })).version;

  /** The call must fail with `code`, and neither firm A nor any table may have changed. */
  async function refusedLeavingAUntouched(code: 'NOT_FOUND' | 'VALIDATION', run: () => Promise<unknown>) {
    const firmA = await firmSnapshot(world.a.firm.id);
    const workA = await caseWorkSnapshot(world.a.firm.id);
    const counts = await writeCounts();
    const caseCounts = await caseWriteCounts();
    await expectAppError(run(), code);
    expect(await firmSnapshot(world.a.firm.id)).toEqual(firmA);
    expect(await caseWorkSnapshot(world.a.firm.id)).toEqual(workA);
    expect(await writeCounts()).toEqual(counts);
    expect(await caseWriteCounts()).toEqual(caseCounts);
  }

  it("cannot open a case for firm A's client: NOT_FOUND", async () => {
    await refusedLeavingAUntouched('NOT_FOUND', () =>
      createCaseOp({ actor: bAdmin(), input: { clientId: world.aClient.id, procedure: 'REGISTRATION_NON_EU', stay: 'LONG', arrivedOn: '2026-01-05' }, context: newContext() }),
    );
  });

  it("cannot save firm A's case, even with its current version: NOT_FOUND", async () => {
    const version = await aCaseVersion();
    await refusedLeavingAUntouched('NOT_FOUND', () =>
      updateCase({ actor: bAdmin(), input: { caseId: world.aCase.id, version, arrivedOn: '2026-03-01', communeReference: 'B', assignedToId: world.b.advisor.user.id }, context: newContext() }),
    );
  });

  it("cannot move firm A's case: NOT_FOUND", async () => {
    const version = await aCaseVersion();
    await refusedLeavingAUntouched('NOT_FOUND', () =>
      transitionCase({ actor: bAdmin(), input: { caseId: world.aCase.id, version, transition: 'FILE_APPLICATION', facts: { filedOn: '2026-01-12' } }, context: newContext(), asOf: '2026-11-23' }),
    );
    await refusedLeavingAUntouched('NOT_FOUND', () =>
      transitionCase({ actor: bAdmin(), input: { caseId: world.aCase.id, version, transition: 'CLOSE', facts: { closedOn: '2026-11-23' } }, context: newContext(), asOf: '2026-11-23' }),
    );
  });

  it("cannot add a note, internal or client-visible, to firm A's case: NOT_FOUND", async () => {
    for (const visibility of ['INTERNAL', 'CLIENT']) {
      await refusedLeavingAUntouched('NOT_FOUND', () => addNote({ actor: bAdmin(), input: { caseId: world.aCase.id, body: 'From firm B', visibility }, context: newContext() }));
    }
  });

  it("cannot read firm A's client or case: NOT_FOUND", async () => {
    await refusedLeavingAUntouched('NOT_FOUND', () => getClient({ actor: bAdmin(), clientId: world.aClient.id }));
    await refusedLeavingAUntouched('NOT_FOUND', () => getCase({ actor: bAdmin(), caseId: world.aCase.id }));
    // Nor through an id of firm B's that firm A also uses: a client id is never a case id.
    await refusedLeavingAUntouched('NOT_FOUND', () => getCase({ actor: bAdmin(), caseId: world.aClient.id }));
  });

  it("cannot assign its own case to one of firm A's members: VALIDATION on the assignee", async () => {
    const version = (await db.case.findUniqueOrThrow({ where: { id: world.bCase.id } })).version;
    await refusedLeavingAUntouched('VALIDATION', () =>
      updateCase({ actor: bAdmin(), input: { caseId: world.bCase.id, version, assignedToId: world.a.advisor.user.id }, context: newContext() }),
    );
    await refusedLeavingAUntouched('VALIDATION', () =>
      createCaseOp({ actor: bAdmin(), input: { clientId: world.bClient.id, procedure: 'STUDY', assignedToId: world.a.admin.user.id }, context: newContext() }),
    );
  });

  it("creates its own client without being told that firm A has the same person, and numbers it in its own series", async () => {
    const firmA = await firmSnapshot(world.a.firm.id);
    // Same names, birth date and national register number as firm A's client: a duplicate warning would leak A's file.
    const created = await createClientOp({ actor: bAdmin(), input: { ...world.person, birthDate: '1990-04-02' }, context: newContext() });
    expect(await db.client.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ firmId: world.b.firm.id, nationalRegisterNumber: '90040212386' });
    expect(created.fileNumber).toBe(`${new Date().getUTCFullYear()}-0002`);
    expect(world.aClient.fileNumber).toBe(`${new Date().getUTCFullYear()}-0001`);
    expect(await firmSnapshot(world.a.firm.id)).toEqual(firmA);
  });
});

describe('client and case lists stay inside the firm', () => {
  let world: Awaited<ReturnType<typeof caseFirms>>;
  beforeAll(async () => {
    world = await caseFirms();
  });

  it("listClients in firm B never shows firm A's clients, whatever the search", async () => {
    for (const q of [undefined, 'goncalves', 'Inês Gonçalves', world.aClient.fileNumber, '90040212386']) {
      const page = await listClients({ actor: world.b.admin.actor, query: q === undefined ? {} : { q } });
      const firms = await db.client.findMany({ where: { id: { in: page.rows.map((row) => row.id) } }, select: { firmId: true } });
      expect(firms.every((row) => row.firmId === world.b.firm.id), String(q)).toBe(true);
      expect(page.rows.map((row) => row.id)).not.toContain(world.aClient.id);
    }
    // The same name does find firm B's own client, and firm A finds only its own.
    expect((await listClients({ actor: world.b.admin.actor, query: { q: 'goncalves' } })).rows.map((row) => row.id)).toEqual([world.bClient.id]);
    expect((await listClients({ actor: world.a.assistant.actor, query: { q: 'goncalves' } })).rows.map((row) => row.id)).toEqual([world.aClient.id]);
  });

  it("listCases in firm B never shows firm A's cases", async () => {
    for (const query of [{}, { q: 'goncalves' }, { q: world.aCase.reference }, { advisor: world.a.advisor.user.id }, { stage: 'INTAKE' }]) {
      const page = await listCases({ actor: world.b.admin.actor, query });
      expect(page.rows.map((row) => row.id), JSON.stringify(query)).not.toContain(world.aCase.id);
      expect(page.rows.every((row) => row.id === world.bCase.id)).toBe(true);
    }
    expect((await listCases({ actor: world.a.admin.actor, query: {} })).rows.map((row) => row.id)).toEqual([world.aCase.id]);
  });

  it("listCaseAdvisors and listRecentActivity in firm B show firm B's people and events only", async () => {
    const advisors = await listCaseAdvisors({ actor: world.b.admin.actor });
    expect(advisors.map((a) => a.userId).sort()).toEqual([world.b.admin.user.id, world.b.advisor.user.id, world.b.assistant.user.id].sort());
    const activity = await listRecentActivity({ actor: world.b.admin.actor, limit: 100 });
    expect(activity.map((entry) => entry.caseId)).toEqual([world.bCase.id]);
    expect(JSON.stringify(activity)).not.toContain('firm A');
  });

  it("getClient of firm B's own client lists firm B's cases and notes only", async () => {
    const page = await getClient({ actor: world.b.admin.actor, clientId: world.bClient.id });
    expect(page.cases.map((c) => c.id)).toEqual([world.bCase.id]);
    expect(page.notes).toEqual([]);
    const aPage = await getCase({ actor: world.a.admin.actor, caseId: world.aCase.id });
    expect(aPage.notes.map((n) => n.body).sort()).toEqual(['Client note of firm A', 'Internal note of firm A']);
    expect(aPage.members.map((m) => m.id)).not.toContain(world.b.admin.user.id);
  });
});
