import { beforeAll, describe, expect, it } from 'vitest';
import type { StaffActor } from '@/lib/auth/actor';
import type { Case, Client, Firm } from '@/lib/generated/prisma/client';
import type { CaseStage, ChecklistStatus, DeadlineKind, DeadlineStatus, Procedure } from '@/lib/generated/prisma/enums';
import { setupTestDatabase } from './support/test-database';
import { createClient, createFirmWithStaff, unique, type FirmWithStaff } from './support/fixtures';

await setupTestDatabase();
const { getDb } = await import('@/lib/db');
const { addDaysPlain, toDbDate } = await import('@/lib/dates');
const { listDueItems } = await import('@/lib/server/dashboard/list-due-items');
const { listOverdueDecisions } = await import('@/lib/server/dashboard/list-overdue-decisions');
const { listCasesWaitingOnClient } = await import('@/lib/server/dashboard/list-cases-waiting-on-client');
const { listRecentActivity } = await import('@/lib/server/dashboard/list-recent-activity');
const { getDashboard } = await import('@/lib/server/dashboard/get-dashboard');
const { decisionDueOn, latestOverdueFiling, PERIOD_VARIANTS } = await import('@/lib/server/dashboard/decision-periods');

const db = getDb();
// A Tuesday; the 7-day bucket ends on 17 March, the 30-day one on 9 April.
const AS_OF = '2026-03-10';

type CaseOptions = { assignedToId?: string | null; stage?: CaseStage; procedure?: Procedure; filedOn?: string; facts?: object; deleted?: boolean; closed?: boolean };
let counter = 0;
async function makeCase(firm: Firm, client: Client, options: CaseOptions = {}): Promise<Case> {
  counter += 1;
  return db.case.create({
    data: {
      firmId: firm.id,
      clientId: client.id,
      reference: `T-${String(counter).padStart(3, '0')}-${unique()}`,
      procedure: options.procedure ?? 'SINGLE_PERMIT',
      stage: options.closed ? 'CLOSED' : (options.stage ?? 'INTAKE'),
      facts: { citizenship: 'NON_EU', ...options.facts },
      applicationFiledOn: options.filedOn ? toDbDate(options.filedOn) : null,
      assignedToId: options.assignedToId ?? null,
      deletedAt: options.deleted ? new Date() : null,
      closedAt: options.closed ? new Date() : null,
    },
  });
}

/** A deadline row, and the case's nextDeadlineOn kept the way recompute-case-deadlines keeps it. */
async function deadline(kase: Case, kind: DeadlineKind, dueOn: string, status: DeadlineStatus = 'OPEN', actor: 'CLIENT' | 'ADVISOR' = 'ADVISOR') {
  const row = await db.deadline.create({
    data: { firmId: kase.firmId, caseId: kase.id, key: `${kind}:${unique()}`, kind, dueOn: toDbDate(dueOn), basis: 'Test basis', confidence: 'H', actor, status },
  });
  const soonest = await db.deadline.findFirst({ where: { caseId: kase.id, status: 'OPEN' }, orderBy: { dueOn: 'asc' } });
  await db.case.update({ where: { id: kase.id }, data: { nextDeadlineOn: soonest?.dueOn ?? null } });
  return row;
}

async function task(kase: Case, dueOn: string, assigneeId: string | null, createdById: string, done = false) {
  return db.task.create({ data: { firmId: kase.firmId, caseId: kase.id, title: `Task ${unique()}`, dueOn: toDbDate(dueOn), assigneeId, createdById, doneAt: done ? new Date() : null } });
}

let a: FirmWithStaff;
let b: FirmWithStaff;
let me: StaffActor;
let meInB: StaffActor;
let clientA: Client;
let clientB: Client;

beforeAll(async () => {
  [a, b] = await Promise.all([createFirmWithStaff('Dashboard A'), createFirmWithStaff('Dashboard B')]);
  me = a.advisor.actor;
  // The same person also works for firm B: what they do there must never show in firm A, and the reverse.
  await db.membership.create({ data: { firmId: b.firm.id, userId: me.userId, role: 'ADVISOR' } });
  meInB = { kind: 'staff', userId: me.userId, firmId: b.firm.id, role: 'ADVISOR' };
  [{ client: clientA }, { client: clientB }] = await Promise.all([createClient(a.firm, { firstName: 'Amina' }), createClient(b.firm, { firstName: 'Bilal' })]);
});

describe('my deadlines and tasks, by bucket', () => {
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const mine = await makeCase(a.firm, clientA, { assignedToId: me.userId });
    const others = await makeCase(a.firm, clientA, { assignedToId: a.admin.user.id });
    const deleted = await makeCase(a.firm, clientA, { assignedToId: me.userId, deleted: true });
    const closed = await makeCase(a.firm, clientA, { assignedToId: me.userId, closed: true });
    const unassigned = await makeCase(a.firm, clientA, { assignedToId: null });
    const inB = await makeCase(b.firm, clientB, { assignedToId: me.userId });
    ids.mine = mine.id;

    ids.overOld = (await deadline(mine, 'REGISTRATION', '2026-01-10', 'OPEN', 'CLIENT')).id;
    ids.over = (await deadline(mine, 'APPEAL', '2026-03-09')).id;
    await deadline(mine, 'NATIONALITY_ELIGIBLE', '2026-03-01');
    await deadline(mine, 'DECISION_DUE', '2026-03-05');
    ids.today = (await deadline(mine, 'CARD_EXPIRY', AS_OF)).id;
    ids.decisionSoon = (await deadline(mine, 'DECISION_DUE', '2026-03-12')).id;
    ids.weekEnd = (await deadline(mine, 'RENEWAL_WINDOW', '2026-03-17')).id;
    ids.monthStart = (await deadline(mine, 'ADDRESS_CHANGE', '2026-03-18')).id;
    ids.monthEnd = (await deadline(mine, 'PERMANENT_RESIDENCE', '2026-04-09')).id;
    await deadline(mine, 'CARD_EXPIRY', '2026-04-10');
    await deadline(mine, 'APPEAL', '2026-03-12', 'DONE');
    await deadline(mine, 'APPEAL', '2026-03-12', 'SUPERSEDED');
    for (const kase of [others, deleted, closed, unassigned, inB]) await deadline(kase, 'APPEAL', '2026-03-11');

    ids.taskOnOthers = (await task(others, '2026-03-09', me.userId, a.admin.user.id)).id;
    ids.taskUnassignedMine = (await task(mine, '2026-03-12', null, a.admin.user.id)).id;
    ids.taskMonth = (await task(mine, '2026-03-25', me.userId, me.userId)).id;
    await task(others, '2026-03-12', null, me.userId);
    await task(mine, '2026-03-12', a.admin.user.id, me.userId);
    await task(mine, '2026-03-12', me.userId, me.userId, true);
    await task(deleted, '2026-03-12', me.userId, me.userId);
    await task(closed, '2026-03-12', me.userId, me.userId);
    await task(inB, '2026-03-12', me.userId, me.userId);
  });

  it('puts each open item of mine in overdue, next 7 days or 8 to 30 days, soonest first, with days left', async () => {
    const due = await listDueItems({ actor: me, asOf: AS_OF });
    const summary = (bucket: typeof due.overdue) => bucket.items.map((item) => [item.source, item.id, item.daysLeft]);
    expect(due.asOf).toBe(AS_OF);
    expect(summary(due.overdue)).toEqual([
      ['deadline', ids.overOld, -59],
      ['deadline', ids.over, -1],
      ['task', ids.taskOnOthers, -1],
    ]);
    expect(summary(due.week)).toEqual([
      ['deadline', ids.today, 0],
      ['deadline', ids.decisionSoon, 2],
      ['task', ids.taskUnassignedMine, 2],
      ['deadline', ids.weekEnd, 7],
    ]);
    expect(summary(due.month)).toEqual([
      ['deadline', ids.monthStart, 8],
      ['task', ids.taskMonth, 15],
      ['deadline', ids.monthEnd, 30],
    ]);
    expect([due.overdue.total, due.week.total, due.month.total]).toEqual([3, 4, 3]);
  });

  it('says what each row is and links it to its case and client', async () => {
    const due = await listDueItems({ actor: me, asOf: AS_OF });
    expect(due.overdue.items[0]).toMatchObject({ caseId: ids.mine, clientName: `Amina ${clientA.lastName}`, deadlineKind: 'REGISTRATION', actor: 'CLIENT', title: null, dueOn: '2026-01-10' });
    expect(due.week.items[2]).toMatchObject({ source: 'task', deadlineKind: null, title: expect.stringMatching(/^Task /), dueOn: '2026-03-12' });
  });

  it('shows the first rows of a bucket and counts them all', async () => {
    const due = await listDueItems({ actor: me, asOf: AS_OF, limit: 2 });
    expect(due.overdue.items.map((item) => item.id)).toEqual([ids.overOld, ids.over]);
    expect(due.overdue.total).toBe(3);
    expect(due.week.items).toHaveLength(2);
    expect(due.week.total).toBe(4);
  });

  it("keeps firms apart: the same person sees only firm B's case when working in firm B", async () => {
    const inB = await listDueItems({ actor: meInB, asOf: AS_OF });
    expect(inB.overdue.total).toBe(0);
    expect(inB.week.items.map((item) => item.clientName)).toEqual([`Bilal ${clientB.lastName}`, `Bilal ${clientB.lastName}`]);
    expect(inB.month.total).toBe(0);
  });

  it("shows a colleague only their own items, never mine", async () => {
    const theirs = await listDueItems({ actor: a.admin.actor, asOf: AS_OF });
    const all = [...theirs.overdue.items, ...theirs.week.items, ...theirs.month.items];
    expect(all.some((item) => Object.values(ids).includes(item.id))).toBe(false);
    expect(all.filter((item) => item.source === 'deadline').map((item) => item.dueOn)).toEqual(['2026-03-11']);
  });
});

describe('overdue authority decisions', () => {
  let expected: Record<string, string> = {};
  beforeAll(async () => {
    const pending = (procedure: Procedure, filedOn: string, extra: CaseOptions = {}) =>
      makeCase(a.firm, clientA, { assignedToId: me.userId, stage: 'DECISION_PENDING', procedure, filedOn, ...extra });
    expected = {
      singlePermit: (await pending('SINGLE_PERMIT', '2025-10-01')).id, // 1 Feb 2026 is a Sunday: due Monday 2 Feb
      familyNonEu: (await pending('FAMILY_REUNIFICATION', '2025-05-01', { stage: 'RESIDENCE_CHECK', facts: { sponsor: 'NON_EU' } })).id,
      longTermWeekend: (await pending('LONG_TERM_RESIDENCE', '2025-10-07', { stage: 'APPLICATION_FILED' })).id, // 7 Mar is a Saturday
      longTerm: (await pending('LONG_TERM_RESIDENCE', '2025-10-09')).id,
      colleague: (await makeCase(a.firm, clientA, { assignedToId: a.admin.user.id, stage: 'DECISION_PENDING', procedure: 'LONG_TERM_RESIDENCE', filedOn: '2024-01-01' })).id,
    };
    await pending('LONG_TERM_RESIDENCE', '2025-10-10'); // due today: not late yet
    await pending('FAMILY_REUNIFICATION', '2025-05-01', { facts: { sponsor: 'NON_EU', decisionPeriodExtensions: 1 } }); // 12 months
    await pending('FAMILY_REUNIFICATION', '2024-01-01'); // sponsor unknown: no period, no guess
    await pending('STUDY', '2024-01-01'); // no decision period tracked
    await pending('LONG_TERM_RESIDENCE', '2024-01-01', { stage: 'APPROVED' }); // decided
    await pending('LONG_TERM_RESIDENCE', '2024-01-01', { deleted: true });
    await pending('LONG_TERM_RESIDENCE', '2024-01-01', { closed: true });
    await makeCase(b.firm, clientB, { assignedToId: me.userId, stage: 'DECISION_PENDING', procedure: 'LONG_TERM_RESIDENCE', filedOn: '2024-01-01' });
  });

  it('flags my pending cases whose legal period ended before asOf, the longest overdue first', async () => {
    const { items, total } = await listOverdueDecisions({ actor: me, asOf: AS_OF });
    // Same period end for the first two: the case reference breaks the tie (the single permit was opened first).
    expect(items.map((item) => [item.caseId, item.dueOn, item.daysOverdue])).toEqual([
      [expected.singlePermit, '2026-02-02', 36],
      [expected.familyNonEu, '2026-02-02', 36],
      [expected.longTermWeekend, '2026-03-09', 1],
      [expected.longTerm, '2026-03-09', 1],
    ]);
    expect(total).toBe(4);
    expect(items[2]).toMatchObject({ procedure: 'LONG_TERM_RESIDENCE', stage: 'APPLICATION_FILED', filedOn: '2025-10-07', clientName: `Amina ${clientA.lastName}` });
  });

  it('counts a period ending on a weekend to the next working day', async () => {
    const { items } = await listOverdueDecisions({ actor: me, asOf: '2026-03-09' });
    expect(items.map((item) => item.caseId)).not.toContain(expected.longTermWeekend);
    expect(items.map((item) => item.caseId)).not.toContain(expected.longTerm);
  });

  it("widens to the firm's cases on request, still never another firm's", async () => {
    const firm = await listOverdueDecisions({ actor: me, scope: 'firm', asOf: AS_OF });
    expect(firm.total).toBe(5);
    expect(firm.items[0]).toMatchObject({ caseId: expected.colleague, dueOn: '2024-06-03' });
    const inB = await listOverdueDecisions({ actor: meInB, scope: 'firm', asOf: AS_OF });
    expect(inB.total).toBe(1);
    expect(inB.items[0]?.clientName).toBe(`Bilal ${clientB.lastName}`);
  });

  it('turns every decision period into the exact last filing date that is overdue', () => {
    for (const asOf of ['2026-03-09', '2026-03-10', '2026-01-02', '2026-06-01', '2025-12-31']) {
      for (const months of new Set(PERIOD_VARIANTS.map((v) => v.months))) {
        const cutoff = latestOverdueFiling(asOf, months);
        for (let offset = -40; offset <= 40; offset++) {
          const filed = addDaysPlain(cutoff, offset);
          expect(decisionDueOn(filed, months) < asOf, `${filed} + ${months} months on ${asOf}`).toBe(offset <= 0);
        }
      }
    }
  });
});

describe('cases waiting on the client', () => {
  let mineWaiting: Case;
  let colleagueWaiting: Case;
  beforeAll(async () => {
    const items = async (kase: Case, entries: [ChecklistStatus, string | null][]) =>
      db.checklistItem.createMany({
        data: entries.map(([status, requestedOn], position) => ({
          firmId: kase.firmId, caseId: kase.id, documentKind: 'PASSPORT' as const, status, position, requestedAt: requestedOn ? new Date(`${requestedOn}T09:00:00Z`) : null,
        })),
      });
    mineWaiting = await makeCase(a.firm, clientA, { assignedToId: me.userId });
    await items(mineWaiting, [['REQUESTED', '2026-02-10'], ['REQUESTED', '2026-02-01'], ['REJECTED', '2026-02-05'], ['RECEIVED', '2026-01-01']]);
    colleagueWaiting = await makeCase(a.firm, clientA, { assignedToId: a.admin.user.id });
    await items(colleagueWaiting, [['REQUESTED', '2026-01-15']]);
    await items(await makeCase(a.firm, clientA, { assignedToId: me.userId }), [['RECEIVED', '2026-01-01'], ['APPROVED', '2026-01-01'], ['NOT_REQUESTED', null]]);
    await items(await makeCase(a.firm, clientA, { assignedToId: me.userId, deleted: true }), [['REQUESTED', '2026-01-01']]);
    await items(await makeCase(a.firm, clientA, { assignedToId: me.userId, closed: true }), [['REQUESTED', '2026-01-01']]);
    await items(await makeCase(b.firm, clientB, { assignedToId: me.userId }), [['REQUESTED', '2026-01-01']]);
  });

  it('lists my open cases with requested or rejected documents, with counts and the oldest request', async () => {
    const { items, total } = await listCasesWaitingOnClient({ actor: me });
    expect(total).toBe(1);
    expect(items).toEqual([
      { caseId: mineWaiting.id, reference: mineWaiting.reference, clientName: `Amina ${clientA.lastName}`, requested: 2, rejected: 1, waitingSince: '2026-02-01T09:00:00.000Z' },
    ]);
  });

  it("covers the whole firm on request, the longest wait first, and never another firm's cases", async () => {
    const firm = await listCasesWaitingOnClient({ actor: me, scope: 'firm' });
    expect(firm.items.map((item) => item.caseId)).toEqual([colleagueWaiting.id, mineWaiting.id]);
    expect(firm.total).toBe(2);
    const inB = await listCasesWaitingOnClient({ actor: meInB, scope: 'firm' });
    expect(inB.items.map((item) => item.clientName)).toEqual([`Bilal ${clientB.lastName}`]);
  });
});

describe('recent activity', () => {
  it("shows the firm's latest case events, newest first, with actor and case, and nothing from other firms, deleted cases or the future", async () => {
    const firm = (await createFirmWithStaff('Activity')).firm;
    const [{ client }, { client: other }] = await Promise.all([createClient(firm, { firstName: 'Chen' }), createClient(b.firm)]);
    const actor = (await db.membership.findFirstOrThrow({ where: { firmId: firm.id, role: 'ADVISOR' }, include: { user: true } }));
    const live = await makeCase(firm, client, { assignedToId: actor.userId });
    const deleted = await makeCase(firm, client, { deleted: true });
    const elsewhere = await makeCase(b.firm, other);
    const at = (minutes: number) => new Date(Date.UTC(2026, 2, 10, 9, minutes));
    await db.caseEvent.createMany({
      data: [
        { firmId: firm.id, caseId: live.id, type: 'CREATED', toStage: 'INTAKE', actorId: actor.userId, occurredAt: at(0) },
        { firmId: firm.id, caseId: live.id, type: 'TRANSITION', toStage: 'APPLICATION_FILED', actorId: actor.userId, occurredAt: at(5) },
        { firmId: firm.id, caseId: live.id, type: 'TASK', note: 'Call the commune', payload: { action: 'completed' }, actorId: null, occurredAt: at(6) },
        { firmId: firm.id, caseId: deleted.id, type: 'NOTE', actorId: actor.userId, occurredAt: at(7) },
        { firmId: b.firm.id, caseId: elsewhere.id, type: 'NOTE', actorId: actor.userId, occurredAt: at(8) },
        { firmId: firm.id, caseId: live.id, type: 'TRANSITION', toStage: 'CARD_ISSUED', actorId: actor.userId, occurredAt: at(60 * 24) },
      ],
    });
    const staff: StaffActor = { kind: 'staff', userId: actor.userId, firmId: firm.id, role: 'ADVISOR' };
    const activity = await listRecentActivity({ actor: staff, now: at(30) });
    expect(activity.map((entry) => [entry.type, entry.toStage, entry.taskAction, entry.taskTitle, entry.actorName])).toEqual([
      ['TASK', null, 'completed', 'Call the commune', null],
      ['TRANSITION', 'APPLICATION_FILED', null, null, actor.user.name],
      ['CREATED', 'INTAKE', null, null, actor.user.name],
    ]);
    expect(activity[1]).toMatchObject({ caseId: live.id, reference: live.reference, clientName: `Chen ${client.lastName}`, occurredAt: at(5).toISOString() });
  });
});

describe('the whole dashboard', () => {
  it('composes every section for one Brussels day, with stage counts for me and the firm', async () => {
    const dashboard = await getDashboard({ actor: me, asOf: AS_OF });
    expect(dashboard.asOf).toBe(AS_OF);
    expect(dashboard.due.week.total).toBe(4);
    expect(dashboard.decisions.total).toBe(4);
    expect(dashboard.waiting.total).toBe(1);
    expect(dashboard.stages.mine.DECISION_PENDING).toBeGreaterThan(0);
    expect(dashboard.stages.firm.DECISION_PENDING ?? 0).toBeGreaterThan(dashboard.stages.mine.DECISION_PENDING ?? 0);
  });
});
