import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ACTIONS, can, type Action } from '@/lib/auth/permissions';
import type { Case } from '@/lib/generated/prisma/client';
import type { Role } from '@/lib/generated/prisma/enums';
import { setupTestDatabase } from './support/test-database';
import {
  createCase,
  createClient,
  createFirmWithStaff,
  emailsTo,
  expectAppError,
  firmSnapshot,
  newContext,
  writeCounts,
  type FirmWithStaff,
  type PlainClient,
} from './support/fixtures';

await setupTestDatabase();
const { getDb } = await import('@/lib/db');
const { closeRateLimits } = await import('@/lib/auth/rate-limit');
const { recordAudit } = await import('@/lib/server/audit/record-audit');
const { listMembers } = await import('@/lib/server/member/list-members');
const { inviteMember } = await import('@/lib/server/member/invite-member');
const { changeMemberRole } = await import('@/lib/server/member/change-member-role');
const { deactivateMember } = await import('@/lib/server/member/deactivate-member');
const { setSecondFactorPolicy } = await import('@/lib/server/firm/set-second-factor-policy');
const { inviteClientToPortal } = await import('@/lib/server/client/invite-client-to-portal');
const { countCasesByStage } = await import('@/lib/server/case/count-cases-by-stage');
const { listAuditLog } = await import('@/lib/server/audit/list-audit-log');
const { createClient: createClientOp } = await import('@/lib/server/client/create-client');
const { listClients } = await import('@/lib/server/client/list-clients');
const { getClient } = await import('@/lib/server/client/get-client');
const { createCase: createCaseOp } = await import('@/lib/server/case/create-case');
const { updateCase } = await import('@/lib/server/case/update-case');
const { transitionCase } = await import('@/lib/server/case/transition-case');
const { getCase } = await import('@/lib/server/case/get-case');
const { listCaseAdvisors } = await import('@/lib/server/case/list-case-advisors');
const { listCases } = await import('@/lib/server/case/list-cases');
const { exportCases } = await import('@/lib/server/case/export-cases');
const { addNote } = await import('@/lib/server/note/add-note');
const { createTask } = await import('@/lib/server/task/create-task');
const { completeTask } = await import('@/lib/server/task/complete-task');
const { listCaseTasks } = await import('@/lib/server/task/list-case-tasks');
const { listTaskAssignees } = await import('@/lib/server/task/list-task-assignees');
const { listDueItems } = await import('@/lib/server/dashboard/list-due-items');
const { listCasesWaitingOnClient } = await import('@/lib/server/dashboard/list-cases-waiting-on-client');
const { listOverdueDecisions } = await import('@/lib/server/dashboard/list-overdue-decisions');
const { listRecentActivity } = await import('@/lib/server/dashboard/list-recent-activity');
const { DOCUMENT_OPERATIONS } = await import('./support/document-operations');
const { DELETION_OPERATIONS } = await import('./support/deletion-operations');
const { SESSION_OPERATIONS } = await import('./support/session-operations');
const { CONSULTATION_OPERATIONS } = await import('./support/consultation-operations');
const { PUBLIC_PAGE_OPERATIONS } = await import('./support/public-page-operations');
const { INQUIRY_DASHBOARD_OPERATIONS } = await import('./support/inquiry-dashboard-operations');
const { OUTBOX_OPERATIONS } = await import('./support/outbox-operations');
const { REMINDER_OPERATIONS } = await import('./support/reminder-operations');
const { FAMILY_OPERATIONS } = await import('./support/family-operations');
const { FIRM_LOGO_OPERATIONS } = await import('./support/firm-logo-operations');
const { APPEAL_OPERATIONS } = await import('./support/appeal-operations');
const { CALENDAR_OPERATIONS } = await import('./support/calendar-operations');
const { IMPORT_OPERATIONS } = await import('./support/import-operations');
const { CLIENT_DATA_OPERATIONS } = await import('./support/client-data-operations');
const { INQUIRY_OPERATIONS } = await import('./support/inquiry-operations');
const { OTHER_PARTY_OPERATIONS } = await import('./support/other-party-operations');
const { LEGAL_AID_OPERATIONS } = await import('./support/legal-aid-operations');
const { SERVICE_OPERATIONS } = await import('./support/service-operations');
const { FEE_NOTE_OPERATIONS } = await import('./support/fee-note-operations');
const { SEARCH_OPERATIONS } = await import('./support/search-operations');

const db = getDb();
afterAll(() => closeRateLimits());

const ROLES: Role[] = ['ADMIN', 'ADVISOR', 'ASSISTANT'];
/** "Today" for the operations that take one, so dates in the walk never depend on the day it runs. */
const AS_OF = '2026-11-23';

type World = FirmWithStaff & {
  client: PlainClient['client'];
  kase: Case;
  /** Rows an operation's setup made for it (a task, an import job), by name. */
  refs: Record<string, string>;
};

/** A fresh firm per call: three members, a client with an email but no portal yet, one open case, one audit row. */
async function world(): Promise<World> {
  const staff = await createFirmWithStaff('Perm');
  const { client } = await createClient(staff.firm, { language: 'nl' });
  const kase = await createCase(staff.firm, client);
  await recordAudit(db, { firmId: staff.firm.id, actor: { kind: 'staff', userId: staff.admin.user.id }, action: 'client.created', entity: 'client', entityId: client.id, after: { firstName: client.firstName }, context: newContext() });
  return { ...staff, client, kase, refs: {} };
}

function ref(w: World, name: string): string {
  const id = w.refs[name];
  if (!id) throw new Error(`the setup made no ${name}`);
  return id;
}

const actorOf = (w: World, role: Role) => ({ ADMIN: w.admin, ADVISOR: w.advisor, ASSISTANT: w.assistant })[role].actor;
/** Someone other than the caller, so that a member acting on themselves never decides the outcome. */
const otherThan = (w: World, role: Role) => (role === 'ASSISTANT' ? w.advisor : w.assistant);

type Operation = {
  name: string;
  /** lib/server file, relative to the repository, whose assertCan() names `action` */
  file: string;
  action: Action;
  /** Rows the operation needs beyond the world, made before anything is compared. */
  setup?: (w: World, role: Role) => Promise<void>;
  run: (w: World, role: Role) => Promise<unknown>;
  /** What the user sees when the call is allowed. */
  allowed: (w: World, role: Role, result: unknown) => Promise<void>;
};

const auditActions = async (w: World) => (await db.auditLog.findMany({ where: { firmId: w.firm.id }, orderBy: { id: 'asc' } })).map((row) => row.action);

/** The case-work rows firmSnapshot does not cover: a refused call must not have written any of them either. */
async function caseWorkSnapshot(firmId: string) {
  const where = { firmId };
  const byId = { id: 'asc' } as const;
  const [deadlines, events, notes, tasks, checklist, importJobs, documents, versions, caseDocuments, consultationSlots, inquiries, otherParties] = await Promise.all([
    db.deadline.findMany({ where, orderBy: byId }),
    db.caseEvent.findMany({ where, orderBy: byId }),
    db.note.findMany({ where, orderBy: byId }),
    db.task.findMany({ where, orderBy: byId }),
    db.checklistItem.findMany({ where, orderBy: byId }),
    db.importJob.findMany({ where, orderBy: byId }),
    db.document.findMany({ where, orderBy: byId }),
    db.documentVersion.findMany({ where, orderBy: byId }),
    db.caseDocument.findMany({ where, orderBy: [{ caseId: 'asc' }, { documentId: 'asc' }] }),
    db.consultationSlot.findMany({ where, orderBy: byId }),
    db.inquiry.findMany({ where, orderBy: byId }),
    db.otherParty.findMany({ where, orderBy: byId }),
  ]);
  return { deadlines, events, notes, tasks, checklist, importJobs, documents, versions, caseDocuments, consultationSlots, inquiries, otherParties };
}

async function openTask(w: World, assigneeId: string | null, dueOn = '2026-12-01') {
  const task = await db.task.create({ data: { firmId: w.firm.id, caseId: w.kase.id, title: 'Ask for the lease', dueOn: new Date(`${dueOn}T00:00:00Z`), assigneeId, createdById: w.admin.user.id } });
  w.refs.task = task.id;
}

const OPERATIONS: Operation[] = [
  {
    name: 'listMembers',
    file: 'lib/server/member/list-members.ts',
    action: 'member.read',
    run: (w, role) => listMembers({ actor: actorOf(w, role) }),
    allowed: async (w, _role, result) => {
      const { members } = result as Awaited<ReturnType<typeof listMembers>>;
      expect(members.map((m) => m.user.email).sort()).toEqual([w.admin.email, w.advisor.email, w.assistant.email].sort());
    },
  },
  {
    name: 'inviteMember',
    file: 'lib/server/member/invite-member.ts',
    action: 'member.invite',
    run: (w, role) => inviteMember({ actor: actorOf(w, role), input: { email: `new-${w.firm.slug}@example.test`, role: 'ADVISOR' }, context: newContext() }),
    allowed: async (w) => {
      expect(await db.invitation.count({ where: { firmId: w.firm.id, email: `new-${w.firm.slug}@example.test`, role: 'ADVISOR' } })).toBe(1);
      expect(await emailsTo(`new-${w.firm.slug}@example.test`)).toHaveLength(1);
      expect(await auditActions(w)).toContain('member.invited');
    },
  },
  {
    name: 'changeMemberRole',
    file: 'lib/server/member/change-member-role.ts',
    action: 'member.update',
    run: (w, role) => {
      const target = otherThan(w, role);
      return changeMemberRole({ actor: actorOf(w, role), input: { membershipId: target.membership.id, role: target.membership.role === 'ASSISTANT' ? 'ADVISOR' : 'ASSISTANT' }, context: newContext() });
    },
    allowed: async (w, role) => {
      const target = otherThan(w, role);
      const after = await db.membership.findUniqueOrThrow({ where: { id: target.membership.id } });
      expect(after.role).not.toBe(target.membership.role);
      expect(await auditActions(w)).toContain('member.role_changed');
    },
  },
  {
    name: 'deactivateMember',
    file: 'lib/server/member/deactivate-member.ts',
    action: 'member.deactivate',
    run: (w, role) => deactivateMember({ actor: actorOf(w, role), input: { membershipId: otherThan(w, role).membership.id }, context: newContext() }),
    allowed: async (w, role) => {
      expect((await db.membership.findUniqueOrThrow({ where: { id: otherThan(w, role).membership.id } })).deactivatedAt).not.toBeNull();
      expect(await auditActions(w)).toContain('member.deactivated');
    },
  },
  {
    name: 'setSecondFactorPolicy',
    file: 'lib/server/firm/set-second-factor-policy.ts',
    action: 'firm.settings.update',
    run: (w, role) => setSecondFactorPolicy({ actor: actorOf(w, role), input: { policy: 'PASSKEY' }, context: newContext() }),
    allowed: async (w) => {
      expect((await db.firm.findUniqueOrThrow({ where: { id: w.firm.id } })).secondFactorPolicy).toBe('PASSKEY');
      expect(await auditActions(w)).toContain('settings.updated');
    },
  },
  {
    name: 'inviteClientToPortal',
    file: 'lib/server/client/invite-client-to-portal.ts',
    action: 'client.portal.invite',
    run: (w, role) => inviteClientToPortal({ actor: actorOf(w, role), input: { clientId: w.client.id }, context: newContext() }),
    allowed: async (w) => {
      expect((await db.client.findUniqueOrThrow({ where: { id: w.client.id } })).portalUserId).not.toBeNull();
      expect(await emailsTo(w.client.email ?? '')).toHaveLength(1);
      expect(await auditActions(w)).toContain('client.portal_invited');
    },
  },
  {
    name: 'countCasesByStage',
    file: 'lib/server/case/count-cases-by-stage.ts',
    action: 'case.read',
    run: (w, role) => countCasesByStage({ actor: actorOf(w, role) }),
    allowed: async (_w, _role, result) => {
      expect(result).toEqual({ firm: { INTAKE: 1 }, mine: {} });
    },
  },
  {
    name: 'listAuditLog',
    file: 'lib/server/audit/list-audit-log.ts',
    action: 'audit.read',
    run: (w, role) => listAuditLog({ actor: actorOf(w, role) }),
    allowed: async (w, _role, result) => {
      const page = result as Awaited<ReturnType<typeof listAuditLog>>;
      expect(page.items.map((item) => [item.action, item.entityId])).toEqual([['client.created', w.client.id]]);
    },
  },
  // ---------- clients ----------
  {
    name: 'createClient',
    file: 'lib/server/client/create-client.ts',
    action: 'client.create',
    run: (w, role) => createClientOp({ actor: actorOf(w, role), input: { firstName: 'Nadia', lastName: `New ${w.firm.slug}`, nationality: 'MA', language: 'fr' }, context: newContext() }),
    allowed: async (w, _role, result) => {
      const { id } = result as Awaited<ReturnType<typeof createClientOp>>;
      expect(await db.client.findUniqueOrThrow({ where: { id } })).toMatchObject({ firmId: w.firm.id, lastName: `New ${w.firm.slug}`, citizenship: 'NON_EU' });
      expect(await auditActions(w)).toEqual(['client.created', 'client.created']);
    },
  },
  {
    name: 'listClients',
    file: 'lib/server/client/list-clients.ts',
    action: 'client.read',
    run: (w, role) => listClients({ actor: actorOf(w, role), query: {} }),
    allowed: async (w, _role, result) => {
      const page = result as Awaited<ReturnType<typeof listClients>>;
      expect([page.total, page.rows.map((row) => row.id)]).toEqual([1, [w.client.id]]);
    },
  },
  {
    name: 'getClient',
    file: 'lib/server/client/get-client.ts',
    action: 'client.read',
    run: (w, role) => getClient({ actor: actorOf(w, role), clientId: w.client.id }),
    allowed: async (w, _role, result) => {
      const client = result as Awaited<ReturnType<typeof getClient>>;
      expect([client.id, client.cases.map((c) => c.id)]).toEqual([w.client.id, [w.kase.id]]);
    },
  },
  // ---------- cases ----------
  {
    name: 'createCase',
    file: 'lib/server/case/create-case.ts',
    action: 'case.create',
    run: (w, role) => createCaseOp({ actor: actorOf(w, role), input: { clientId: w.client.id, procedure: 'REGISTRATION_NON_EU', stay: 'LONG', arrivedOn: '2026-01-05' }, context: newContext() }),
    allowed: async (w, _role, result) => {
      const { id, reference } = result as Awaited<ReturnType<typeof createCaseOp>>;
      expect(reference).toBe(`${w.client.fileNumber}-2`);
      expect(await db.deadline.findMany({ where: { caseId: id }, select: { kind: true, dueOn: true } })).toEqual([{ kind: 'REGISTRATION', dueOn: new Date('2026-01-15T00:00:00Z') }]);
      expect(await auditActions(w)).toEqual(['client.created', 'case.created']);
    },
  },
  {
    name: 'updateCase',
    file: 'lib/server/case/update-case.ts',
    action: 'case.update',
    run: (w, role) => updateCase({ actor: actorOf(w, role), input: { caseId: w.kase.id, version: w.kase.version, communeReference: 'SCH-1' }, context: newContext() }),
    allowed: async (w) => {
      expect(await db.case.findUniqueOrThrow({ where: { id: w.kase.id } })).toMatchObject({ version: w.kase.version + 1, communeReference: 'SCH-1' });
      expect(await auditActions(w)).toEqual(['client.created', 'case.updated']);
    },
  },
  {
    name: 'transitionCase',
    file: 'lib/server/case/transition-case.ts',
    action: 'case.transition',
    run: (w, role) =>
      transitionCase({ actor: actorOf(w, role), input: { caseId: w.kase.id, version: w.kase.version, transition: 'FILE_APPLICATION', facts: { filedOn: '2026-01-12' } }, context: newContext(), asOf: AS_OF }),
    allowed: async (w) => {
      expect(await db.case.findUniqueOrThrow({ where: { id: w.kase.id } })).toMatchObject({ stage: 'APPLICATION_FILED', version: w.kase.version + 1 });
      expect(await db.caseEvent.count({ where: { caseId: w.kase.id, type: 'TRANSITION' } })).toBe(1);
      expect(await auditActions(w)).toEqual(['client.created', 'case.transitioned']);
    },
  },
  {
    name: 'getCase',
    file: 'lib/server/case/get-case.ts',
    action: 'case.read',
    run: (w, role) => getCase({ actor: actorOf(w, role), caseId: w.kase.id }),
    allowed: async (w, _role, result) => {
      const kase = result as Awaited<ReturnType<typeof getCase>>;
      expect([kase.id, kase.client.id]).toEqual([w.kase.id, w.client.id]);
      expect(kase.transitions).toContain('FILE_APPLICATION');
    },
  },
  {
    name: 'listCaseAdvisors',
    file: 'lib/server/case/list-case-advisors.ts',
    action: 'case.read',
    run: (w, role) => listCaseAdvisors({ actor: actorOf(w, role) }),
    allowed: async (w, _role, result) => {
      const advisors = result as Awaited<ReturnType<typeof listCaseAdvisors>>;
      expect(advisors.map((a) => a.userId).sort()).toEqual([w.admin.user.id, w.advisor.user.id, w.assistant.user.id].sort());
    },
  },
  {
    name: 'listCases',
    file: 'lib/server/case/list-cases.ts',
    action: 'case.read',
    run: (w, role) => listCases({ actor: actorOf(w, role), query: {} }),
    allowed: async (w, _role, result) => {
      const page = result as Awaited<ReturnType<typeof listCases>>;
      expect([page.total, page.rows.map((row) => row.id)]).toEqual([1, [w.kase.id]]);
    },
  },
  {
    name: 'exportCases',
    file: 'lib/server/case/export-cases.ts',
    action: 'case.export',
    run: async (w, role) => {
      const started = await exportCases({ actor: actorOf(w, role), query: {}, locale: 'en', context: newContext() });
      let text = '';
      for await (const chunk of started.chunks) text += chunk;
      return { rowCount: started.rowCount, text };
    },
    allowed: async (w, _role, result) => {
      const { rowCount, text } = result as { rowCount: number; text: string };
      expect(rowCount).toBe(1);
      expect(text).toContain(w.kase.reference);
      expect(await auditActions(w)).toEqual(['client.created', 'export.created']);
    },
  },
  // ---------- notes and tasks ----------
  {
    name: 'addNote',
    file: 'lib/server/note/add-note.ts',
    action: 'note.manage',
    run: (w, role) => addNote({ actor: actorOf(w, role), input: { caseId: w.kase.id, body: 'Called the commune', visibility: 'CLIENT' }, context: newContext() }),
    allowed: async (w, role) => {
      expect(await db.note.findMany({ where: { caseId: w.kase.id }, select: { body: true, visibility: true, authorId: true } })).toEqual([
        { body: 'Called the commune', visibility: 'CLIENT', authorId: actorOf(w, role).userId },
      ]);
      expect(await auditActions(w)).toEqual(['client.created', 'note.created']);
    },
  },
  {
    name: 'createTask',
    file: 'lib/server/task/create-task.ts',
    action: 'task.manage',
    run: (w, role) => createTask({ actor: actorOf(w, role), input: { caseId: w.kase.id, title: 'Book the commune', dueOn: '2026-12-01', assigneeId: w.advisor.user.id }, context: newContext() }),
    allowed: async (w) => {
      expect(await db.task.findMany({ where: { caseId: w.kase.id }, select: { title: true, assigneeId: true } })).toEqual([{ title: 'Book the commune', assigneeId: w.advisor.user.id }]);
      expect(await auditActions(w)).toEqual(['client.created', 'task.created']);
    },
  },
  {
    name: 'completeTask',
    file: 'lib/server/task/complete-task.ts',
    action: 'task.manage',
    setup: (w) => openTask(w, w.advisor.user.id),
    run: (w, role) => completeTask({ actor: actorOf(w, role), input: { taskId: ref(w, 'task') }, context: newContext() }),
    allowed: async (w) => {
      expect((await db.task.findUniqueOrThrow({ where: { id: ref(w, 'task') } })).doneAt).not.toBeNull();
      expect(await auditActions(w)).toEqual(['client.created', 'task.updated']);
    },
  },
  {
    name: 'listCaseTasks',
    file: 'lib/server/task/list-case-tasks.ts',
    action: 'case.read',
    setup: (w) => openTask(w, null),
    run: (w, role) => listCaseTasks({ actor: actorOf(w, role), input: { caseId: w.kase.id } }),
    allowed: async (w, _role, result) => {
      expect((result as Awaited<ReturnType<typeof listCaseTasks>>).map((task) => task.id)).toEqual([ref(w, 'task')]);
    },
  },
  {
    name: 'listTaskAssignees',
    file: 'lib/server/task/list-task-assignees.ts',
    action: 'task.manage',
    run: (w, role) => listTaskAssignees({ actor: actorOf(w, role) }),
    allowed: async (w, _role, result) => {
      const people = result as Awaited<ReturnType<typeof listTaskAssignees>>;
      expect(people.map((p) => p.userId).sort()).toEqual([w.admin.user.id, w.advisor.user.id, w.assistant.user.id].sort());
    },
  },
  // ---------- dashboard ----------
  {
    name: 'listDueItems',
    file: 'lib/server/dashboard/list-due-items.ts',
    action: 'deadline.read',
    setup: (w, role) => openTask(w, actorOf(w, role).userId, '2026-11-26'),
    run: (w, role) => listDueItems({ actor: actorOf(w, role), asOf: AS_OF }),
    allowed: async (w, _role, result) => {
      const due = result as Awaited<ReturnType<typeof listDueItems>>;
      expect(due.week.items.map((item) => [item.source, item.id, item.daysLeft])).toEqual([['task', ref(w, 'task'), 3]]);
      expect([due.overdue.total, due.month.total]).toEqual([0, 0]);
    },
  },
  {
    name: 'listCasesWaitingOnClient',
    file: 'lib/server/dashboard/list-cases-waiting-on-client.ts',
    action: 'case.read',
    setup: async (w) => {
      await db.checklistItem.create({ data: { firmId: w.firm.id, caseId: w.kase.id, documentKind: 'PASSPORT', status: 'REQUESTED', requestedAt: new Date('2026-11-02T09:00:00Z') } });
    },
    run: (w, role) => listCasesWaitingOnClient({ actor: actorOf(w, role), scope: 'firm' }),
    allowed: async (w, _role, result) => {
      const waiting = result as Awaited<ReturnType<typeof listCasesWaitingOnClient>>;
      expect(waiting.items.map((item) => [item.caseId, item.requested, item.rejected])).toEqual([[w.kase.id, 1, 0]]);
    },
  },
  {
    name: 'listOverdueDecisions',
    file: 'lib/server/dashboard/list-overdue-decisions.ts',
    action: 'case.read',
    setup: async (w) => {
      // A single permit filed in January: the authority's 4 months ran out in May.
      await db.case.update({ where: { id: w.kase.id }, data: { stage: 'APPLICATION_FILED', applicationFiledOn: new Date('2026-01-12T00:00:00Z') } });
    },
    run: (w, role) => listOverdueDecisions({ actor: actorOf(w, role), scope: 'firm', asOf: AS_OF }),
    allowed: async (w, _role, result) => {
      const overdue = result as Awaited<ReturnType<typeof listOverdueDecisions>>;
      expect(overdue.items.map((item) => [item.caseId, item.filedOn, item.dueOn])).toEqual([[w.kase.id, '2026-01-12', '2026-05-12']]);
    },
  },
  {
    name: 'listRecentActivity',
    file: 'lib/server/dashboard/list-recent-activity.ts',
    action: 'case.read',
    setup: async (w) => {
      const event = await db.caseEvent.create({ data: { firmId: w.firm.id, caseId: w.kase.id, type: 'CREATED', toStage: 'INTAKE', actorId: w.admin.user.id } });
      w.refs.event = event.id;
    },
    run: (w, role) => listRecentActivity({ actor: actorOf(w, role) }),
    allowed: async (w, _role, result) => {
      expect((result as Awaited<ReturnType<typeof listRecentActivity>>).map((entry) => [entry.id, entry.caseId])).toEqual([[ref(w, 'event'), w.kase.id]]);
    },
  },
  // ---------- calendar feed: support/calendar-operations.ts ----------
  ...CALENDAR_OPERATIONS,
  // ---------- spreadsheet import: support/import-operations.ts ----------
  ...IMPORT_OPERATIONS,
  // ---------- checklist and documents: support/document-operations.ts ----------
  ...DOCUMENT_OPERATIONS,
  ...DELETION_OPERATIONS,
  ...SESSION_OPERATIONS,
  ...CONSULTATION_OPERATIONS,
  ...PUBLIC_PAGE_OPERATIONS,
  ...INQUIRY_DASHBOARD_OPERATIONS,
  // ---------- outbox and undelivered emails: support/outbox-operations.ts ----------
  ...OUTBOX_OPERATIONS,
  ...REMINDER_OPERATIONS,
  // ---------- family links: support/family-operations.ts ----------
  ...FAMILY_OPERATIONS,
  // ---------- the firm's logo: support/firm-logo-operations.ts ----------
  ...FIRM_LOGO_OPERATIONS,
  // ---------- decision intake, four eyes and the J-Box filing: support/appeal-operations.ts ----------
  ...APPEAL_OPERATIONS,
  // ---------- GDPR: a client's export and erasure, the retention setting: support/client-data-operations.ts ----------
  ...CLIENT_DATA_OPERATIONS,
  // ---------- inquiries and the conflict check, other parties of a case: support/{inquiry,other-party}-operations.ts ----------
  ...INQUIRY_OPERATIONS,
  ...OTHER_PARTY_OPERATIONS,
  // ---------- legal aid (pro deo): support/legal-aid-operations.ts ----------
  ...LEGAL_AID_OPERATIONS,
  // ---------- the firm's service catalogue: support/service-operations.ts ----------
  ...SERVICE_OPERATIONS,
  ...FEE_NOTE_OPERATIONS,
  ...SEARCH_OPERATIONS,
];

describe('the permission table, walked through every operation and role', () => {
  const cases = OPERATIONS.flatMap((operation) => ROLES.map((role) => [operation.name, operation.action, role, can(role, operation.action) ? 'allowed' : 'FORBIDDEN', operation] as const));

  it.each(cases)('%s (%s) as %s: %s', async (_name, action, role, _expected, operation) => {
    const w = await world();
    await operation.setup?.(w, role);
    if (can(role, action)) {
      const result = await operation.run(w, role);
      await operation.allowed(w, role, result);
      return;
    }
    const before = await firmSnapshot(w.firm.id);
    const work = await caseWorkSnapshot(w.firm.id);
    const counts = await writeCounts();
    const error = await expectAppError(operation.run(w, role), 'FORBIDDEN');
    expect(error.userMessage).toBe('forbidden');
    expect(await firmSnapshot(w.firm.id)).toEqual(before);
    expect(await caseWorkSnapshot(w.firm.id)).toEqual(work);
    expect(await writeCounts()).toEqual(counts);
  });

  it('refuses, for each role, exactly the operations the table leaves out', () => {
    // A guard against a table that allows everything (or nothing): the walk above must see both outcomes.
    const outcomes = new Set(cases.map(([, , , expected]) => expected));
    expect(outcomes).toEqual(new Set(['allowed', 'FORBIDDEN']));
    for (const role of ROLES) expect(cases.filter(([, , r, expected]) => r === role && expected === 'allowed').length).toBeGreaterThan(0);
  });
});

describe('the actions operations check', () => {
  async function sourceFiles(dir: string): Promise<string[]> {
    const entries = await readdir(dir, { withFileTypes: true });
    const nested = await Promise.all(entries.map((entry) => (entry.isDirectory() ? sourceFiles(path.join(dir, entry.name)) : [path.join(dir, entry.name)])));
    return nested.flat().filter((file) => file.endsWith('.ts'));
  }

  /** Every assertCan(actor, '<action>') in lib/server, by file. */
  async function checkedActions(): Promise<Map<string, string[]>> {
    const root = process.cwd();
    const found = new Map<string, string[]>();
    for (const file of await sourceFiles(path.join(root, 'lib/server'))) {
      const source = await readFile(file, 'utf8');
      const actions = [...source.matchAll(/assertCan\(\s*[\w.]+\s*,\s*['"]([^'"]+)['"]\s*\)/g)].map((match) => match[1] ?? '');
      if (actions.length > 0) found.set(path.relative(root, file).split(path.sep).join('/'), actions);
    }
    return found;
  }

  it('names only actions that exist in ACTIONS', async () => {
    const known: readonly string[] = ACTIONS;
    for (const [file, actions] of await checkedActions()) {
      for (const action of actions) expect(known, `${file} checks "${action}"`).toContain(action);
    }
    for (const operation of OPERATIONS) expect(known).toContain(operation.action);
  });

  it('walks every permission-checked operation in lib/server, with the action its code checks', async () => {
    const found = await checkedActions();
    const walked = new Map(OPERATIONS.map((operation) => [operation.file, [operation.action as string]]));
    expect(Object.fromEntries(found)).toEqual(Object.fromEntries(walked));
  });
});
