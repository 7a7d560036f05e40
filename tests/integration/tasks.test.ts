import { beforeAll, describe, expect, it } from 'vitest';
import type { StaffActor } from '@/lib/auth/actor';
import { setupTestDatabase } from './support/test-database';
import { addMember, createCase, createClient, createFirmWithStaff, expectAppError, newContext, type FirmWithStaff } from './support/fixtures';

await setupTestDatabase();
const { getDb } = await import('@/lib/db');
const { createTask } = await import('@/lib/server/task/create-task');
const { completeTask } = await import('@/lib/server/task/complete-task');
const { listCaseTasks } = await import('@/lib/server/task/list-case-tasks');
const { listTaskAssignees } = await import('@/lib/server/task/list-task-assignees');

const db = getDb();
let a: FirmWithStaff;
let b: FirmWithStaff;
let caseA: { id: string };
let caseB: { id: string };

beforeAll(async () => {
  [a, b] = await Promise.all([createFirmWithStaff('Tasks A'), createFirmWithStaff('Tasks B')]);
  const [{ client: clientA }, { client: clientB }] = await Promise.all([createClient(a.firm), createClient(b.firm)]);
  caseA = await createCase(a.firm, clientA, { assignedToId: a.advisor.user.id });
  caseB = await createCase(b.firm, clientB, { assignedToId: b.advisor.user.id });
});

const counts = async (firmId: string) => {
  const [tasks, events, audit] = await Promise.all([
    db.task.count({ where: { firmId } }),
    db.caseEvent.count({ where: { firmId, type: 'TASK' } }),
    db.auditLog.count({ where: { firmId, entity: 'task' } }),
  ]);
  return { tasks, events, audit };
};

describe('creating a task', () => {
  it('stores the task with its plain due date, an internal timeline entry and an audit row, all in the firm', async () => {
    const task = await createTask({
      actor: a.advisor.actor,
      input: { caseId: caseA.id, title: '  Call the commune about the residence check  ', dueOn: '2026-03-31', assigneeId: a.assistant.user.id },
      context: newContext(),
    });
    expect(task).toMatchObject({ firmId: a.firm.id, caseId: caseA.id, title: 'Call the commune about the residence check', assigneeId: a.assistant.user.id, createdById: a.advisor.user.id, doneAt: null });
    expect(task.dueOn.toISOString()).toBe('2026-03-31T00:00:00.000Z');

    const event = await db.caseEvent.findFirstOrThrow({ where: { caseId: caseA.id, type: 'TASK' }, orderBy: { occurredAt: 'desc' } });
    expect(event).toMatchObject({ firmId: a.firm.id, visibility: 'INTERNAL', actorId: a.advisor.user.id, note: 'Call the commune about the residence check' });
    expect(event.payload).toMatchObject({ taskId: task.id, action: 'created', dueOn: '2026-03-31' });

    const audit = await db.auditLog.findFirstOrThrow({ where: { entity: 'task', entityId: task.id } });
    expect(audit).toMatchObject({ firmId: a.firm.id, action: 'task.created', actorUserId: a.advisor.user.id, actorKind: 'STAFF' });
    expect(audit.diff).toMatchObject({ after: { caseId: caseA.id, dueOn: '2026-03-31', assigneeId: a.assistant.user.id } });
  });

  it('without an assignee leaves it to the case advisor (assigneeId null); an assistant may add tasks too', async () => {
    const task = await createTask({ actor: a.assistant.actor, input: { caseId: caseA.id, title: 'Ask for the payslips', dueOn: '2026-04-02', assigneeId: '' }, context: newContext() });
    expect(task.assigneeId).toBeNull();
  });

  it.each([
    ['a blank title', { title: '   ', dueOn: '2026-03-31' }, 'title', 'titleRequired'],
    ['a title over 200 characters', { title: 'x'.repeat(201), dueOn: '2026-03-31' }, 'title', 'titleTooLong'],
    ['no due date', { title: 'Call', dueOn: '' }, 'dueOn', null],
    ['a date that does not exist', { title: 'Call', dueOn: '2026-02-30' }, 'dueOn', null],
    ['a date far outside any case', { title: 'Call', dueOn: '1999-12-31' }, 'dueOn', 'dueOnInvalid'],
  ])('refuses %s and writes nothing', async (_label, fields, field, message) => {
    const before = await counts(a.firm.id);
    const error = await expectAppError(createTask({ actor: a.advisor.actor, input: { caseId: caseA.id, ...fields }, context: newContext() }), 'VALIDATION');
    const fieldErrors = (error as unknown as { details: { fieldErrors: Record<string, string[]> } }).details.fieldErrors;
    expect(Object.keys(fieldErrors)).toEqual([field]);
    if (message) expect(fieldErrors[field]).toContain(message);
    expect(await counts(a.firm.id)).toEqual(before);
  });

  it('refuses an assignee from another firm or a deactivated member, naming the field', async () => {
    const leaver = await addMember(a.firm, 'ADVISOR');
    await db.membership.update({ where: { id: leaver.membership.id }, data: { deactivatedAt: new Date() } });
    const before = await counts(a.firm.id);
    for (const assigneeId of [b.advisor.user.id, leaver.user.id, 'no-such-user']) {
      const error = await expectAppError(
        createTask({ actor: a.advisor.actor, input: { caseId: caseA.id, title: 'Call', dueOn: '2026-03-31', assigneeId }, context: newContext() }),
        'VALIDATION',
      );
      expect(error).toMatchObject({ details: { fieldErrors: { assigneeId: ['assigneeNotMember'] } } });
    }
    expect(await counts(a.firm.id)).toEqual(before);
  });

  it("answers NOT_FOUND for another firm's case or a deleted case, and writes nothing anywhere", async () => {
    const { client } = await createClient(a.firm);
    const deleted = await createCase(a.firm, client, { deletedAt: new Date() });
    const [beforeA, beforeB] = await Promise.all([counts(a.firm.id), counts(b.firm.id)]);
    for (const caseId of [caseB.id, deleted.id]) {
      await expectAppError(createTask({ actor: a.advisor.actor, input: { caseId, title: 'Call', dueOn: '2026-03-31' }, context: newContext() }), 'NOT_FOUND');
    }
    expect([await counts(a.firm.id), await counts(b.firm.id)]).toEqual([beforeA, beforeB]);
  });

  it('is refused to a portal client', async () => {
    const { actor } = await createClient(a.firm, { withPortal: true });
    await expectAppError(createTask({ actor: actor as unknown as StaffActor, input: { caseId: caseA.id, title: 'Call', dueOn: '2026-03-31' }, context: newContext() }), 'FORBIDDEN');
  });
});

describe('completing a task', () => {
  it('sets doneAt once: a second call and a concurrent double click leave one completion, one event and one audit row', async () => {
    const task = await createTask({ actor: a.advisor.actor, input: { caseId: caseA.id, title: 'Send the file', dueOn: '2026-03-20' }, context: newContext() });
    const auditRows = () => db.auditLog.count({ where: { entityId: task.id, action: 'task.updated' } });
    const doneEvents = () => db.caseEvent.count({ where: { caseId: caseA.id, type: 'TASK', payload: { path: ['action'], equals: 'completed' }, note: 'Send the file' } });

    const [first, second] = await Promise.all([
      completeTask({ actor: a.advisor.actor, input: { taskId: task.id }, context: newContext() }),
      completeTask({ actor: a.admin.actor, input: { taskId: task.id }, context: newContext() }),
    ]);
    expect([first.changed, second.changed].sort()).toEqual([false, true]);
    expect(first.doneAt?.getTime()).toBe(second.doneAt?.getTime());
    const again = await completeTask({ actor: a.advisor.actor, input: { taskId: task.id }, context: newContext() });
    expect(again).toMatchObject({ changed: false, doneAt: first.doneAt });
    expect(await auditRows()).toBe(1);
    expect(await doneEvents()).toBe(1);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: task.id, action: 'task.updated' } });
    expect(audit.diff).toMatchObject({ before: { doneAt: null } });
  });

  it("answers NOT_FOUND for another firm's task and leaves it open", async () => {
    const task = await createTask({ actor: b.advisor.actor, input: { caseId: caseB.id, title: 'B only', dueOn: '2026-03-20' }, context: newContext() });
    await expectAppError(completeTask({ actor: a.admin.actor, input: { taskId: task.id }, context: newContext() }), 'NOT_FOUND');
    expect((await db.task.findUniqueOrThrow({ where: { id: task.id } })).doneAt).toBeNull();
  });
});

describe('listing', () => {
  it("lists a case's tasks open first by due date, then done; another firm's case id gives nothing", async () => {
    const { client } = await createClient(a.firm);
    const kase = await createCase(a.firm, client);
    const make = (title: string, dueOn: string) => createTask({ actor: a.advisor.actor, input: { caseId: kase.id, title, dueOn, assigneeId: a.advisor.user.id }, context: newContext() });
    const later = await make('Later', '2026-05-01');
    const done = await make('Done', '2026-01-01');
    const sooner = await make('Sooner', '2026-04-01');
    await completeTask({ actor: a.advisor.actor, input: { taskId: done.id }, context: newContext() });

    const tasks = await listCaseTasks({ actor: a.advisor.actor, input: { caseId: kase.id } });
    expect(tasks.map((t) => t.id)).toEqual([sooner.id, later.id, done.id]);
    expect(tasks[0]).toMatchObject({ title: 'Sooner', dueOn: '2026-04-01', doneAt: null, assignee: { id: a.advisor.user.id, name: a.advisor.user.name } });
    expect(tasks[2]?.doneAt).toEqual(expect.any(String));

    expect(await listCaseTasks({ actor: b.admin.actor, input: { caseId: kase.id } })).toEqual([]);
  });

  it('offers only the active members of the firm as assignees', async () => {
    const leaver = await addMember(a.firm, 'ASSISTANT');
    await db.membership.update({ where: { id: leaver.membership.id }, data: { deactivatedAt: new Date() } });
    const ids = (await listTaskAssignees({ actor: a.assistant.actor })).map((m) => m.userId);
    expect(ids).toEqual(expect.arrayContaining([a.admin.user.id, a.advisor.user.id, a.assistant.user.id]));
    expect(ids).not.toContain(leaver.user.id);
    expect(ids).not.toContain(b.advisor.user.id);
  });
});
