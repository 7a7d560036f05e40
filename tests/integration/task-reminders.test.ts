import { beforeAll, describe, expect, it } from 'vitest';
import { brusselsMidnight } from '@/lib/dates';
import type { Case } from '@/lib/generated/prisma/client';
import { addMember, createCase, createClient, createFirmWithStaff, newContext, type FirmWithStaff } from './support/fixtures';
import { setupTestDatabase } from './support/test-database';

// Task reminders: the assignee gets one email the day before a task is due and one on the day, in their language,
// from 07:00 in Brussels; a moved task is reminded for its new day, a done one is not, and members who chose the
// digest or are on leave get none. The tasks are made through the real operations.

await setupTestDatabase();
const { getDb } = await import('@/lib/db');
const { createTask } = await import('@/lib/server/task/create-task');
const { completeTask } = await import('@/lib/server/task/complete-task');
const { sweepTaskReminders } = await import('@/lib/server/reminder/sweep-task-reminders');

const db = getDb();
const at = (day: string, hour = 9) => new Date(brusselsMidnight(day).getTime() + hour * 3_600_000);
const sweep = (day: string, hour?: number) => sweepTaskReminders({ db, now: at(day, hour) });
const emailsFor = (taskId: string) =>
  db.reminder.findMany({ where: { taskId }, include: { outbox: true }, orderBy: { leadDays: 'desc' } });

let a: FirmWithStaff;
let kase: Case;
beforeAll(async () => {
  a = await createFirmWithStaff('Tasks');
  const { client } = await createClient(a.firm, { language: 'fr' });
  kase = await createCase(a.firm, client, { assignedToId: a.advisor.user.id });
});

const task = async (title: string, dueOn: string, assigneeId = a.advisor.user.id) =>
  createTask({ actor: a.advisor.actor, input: { caseId: kase.id, title, dueOn, assigneeId }, context: newContext() });

describe('task reminders', () => {
  it('reach the assignee the day before and on the day, once each, from 07:00 in Brussels, in their language', async () => {
    const call = await task('Bel de gemeente over de woonstcontrole', '2027-01-13');
    await sweep('2027-01-11');
    await sweep('2027-01-12', 6);
    expect(await emailsFor(call.id)).toEqual([]);
    await sweep('2027-01-12', 7);
    await sweep('2027-01-12', 15);
    await sweep('2027-01-13');
    await sweep('2027-01-13', 18);
    const sent = await emailsFor(call.id);
    expect(sent.map((r) => r.leadDays)).toEqual([1, 0]);
    expect(sent.every((r) => r.outbox?.toEmail === a.advisor.email && r.recipientKey === `user:${a.advisor.user.id}`)).toBe(true);
    const assignee = await db.user.findUniqueOrThrow({ where: { id: a.advisor.user.id } });
    expect(sent[0]!.outbox!.locale).toBe(assignee.locale);
    expect(sent[0]!.outbox!.text).toContain('Bel de gemeente over de woonstcontrole');
    expect(sent[0]!.outbox!.text).toContain(kase.reference);
    expect(sent[0]!.outbox!.html).toContain(`/cases/${kase.id}`);
    // The next day nothing more.
    expect((await sweep('2027-01-14')).queued).toBe(0);
  });

  it('a worker that was down sends only the reminder of the day', async () => {
    const file = await task('File the appeal brief', '2027-02-03');
    await sweep('2027-02-03');
    expect((await emailsFor(file.id)).map((r) => r.leadDays)).toEqual([0]);
  });

  it('follow a task that moved, and stop once it is done', async () => {
    const moved = await task('Ask the client for payslips', '2027-03-10');
    await db.task.update({ where: { id: moved.id }, data: { dueOn: new Date('2027-03-17T00:00:00Z') } });
    await sweep('2027-03-09');
    expect(await emailsFor(moved.id)).toEqual([]);
    await sweep('2027-03-16');
    expect((await emailsFor(moved.id)).map((r) => r.outbox?.key)).toEqual([`task-reminder:${moved.id}:user:${a.advisor.user.id}:1`]);
    await completeTask({ actor: a.advisor.actor, input: { taskId: moved.id }, context: newContext() });
    await sweep('2027-03-17');
    expect((await emailsFor(moved.id)).map((r) => r.leadDays)).toEqual([1]);
  });

  it('skip members who chose the digest or are on leave, and tasks nobody is assigned', async () => {
    const digest = await addMember(a.firm, 'ADVISOR');
    await db.membership.update({ where: { id: digest.membership.id }, data: { reminderMode: 'DIGEST' } });
    const away = await addMember(a.firm, 'ADVISOR');
    await db.membership.update({ where: { id: away.membership.id }, data: { pausedFrom: new Date('2027-04-01T00:00:00Z'), pausedUntil: new Date('2027-04-30T00:00:00Z') } });
    const tasks = [await task('Digest reader', '2027-04-07', digest.user.id), await task('On leave', '2027-04-07', away.user.id), await task('Nobody', '2027-04-07', '')];
    await sweep('2027-04-06');
    await sweep('2027-04-07');
    for (const t of tasks) expect(await emailsFor(t.id)).toEqual([]);
  });
});
