import { beforeAll, describe, expect, it } from 'vitest';
import { brusselsMidnight } from '@/lib/dates';
import type { Case } from '@/lib/generated/prisma/client';
import { createCase, createClient, createFirmWithStaff, type FirmWithStaff, type PortalClient } from './support/fixtures';
import { setupTestDatabase } from './support/test-database';

// Which reminders the sweep writes, on which day, to whom, in which language: the clock is a parameter.

await setupTestDatabase();
const { getDb } = await import('@/lib/db');
const { sweepReminders } = await import('@/lib/server/reminder/sweep-reminders');
const { sendDigests } = await import('@/lib/server/reminder/send-digests');

const db = getDb();
let a: FirmWithStaff;
let amina: PortalClient;
let kase: Case;

// That hour in Brussels on the given day, summer or winter.
const at = (day: string, hour = 9) => new Date(brusselsMidnight(day).getTime() + hour * 3_600_000);
const leadsOf = async (deadlineId: string) => (await outboxFor(deadlineId)).map((r) => r.leadDays);
const deadline = (kind: 'APPEAL' | 'REGISTRATION' | 'RENEWAL_WINDOW', dueOn: string, extra: { opensOn?: string; actor?: 'CLIENT' | 'ADVISOR' } = {}) =>
  db.deadline.create({
    data: { firmId: a.firm.id, caseId: kase.id, key: `${kind}:${dueOn}:${Math.random()}`, kind, dueOn: new Date(`${dueOn}T00:00:00Z`), opensOn: extra.opensOn ? new Date(`${extra.opensOn}T00:00:00Z`) : null, basis: 'test basis', confidence: 'H', actor: extra.actor ?? 'ADVISOR' },
  });
const outboxFor = (deadlineId: string) => db.reminder.findMany({ where: { deadlineId }, include: { outbox: true }, orderBy: { leadDays: 'desc' } });

beforeAll(async () => {
  a = await createFirmWithStaff('Sweep');
  amina = await createClient(a.firm, { withPortal: true, language: 'nl' });
  kase = await createCase(a.firm, amina.client, { assignedToId: a.advisor.user.id });
});

describe('the reminder sweep', () => {
  it('writes each lead on its day, once, to the case advisor', async () => {
    const appeal = await deadline('APPEAL', '2026-12-17');
    await sweepReminders({ db, now: at('2026-11-25') });
    expect(await leadsOf(appeal.id)).toEqual([]);
    await sweepReminders({ db, now: at('2026-11-26') });
    expect(await leadsOf(appeal.id)).toEqual([21]);
    await sweepReminders({ db, now: at('2026-11-26', 15) });
    await sweepReminders({ db, now: at('2026-12-02') });
    expect(await leadsOf(appeal.id)).toEqual([21]);
    await sweepReminders({ db, now: at('2026-12-10') });
    await sweepReminders({ db, now: at('2026-12-10', 16) });
    expect(await leadsOf(appeal.id)).toEqual([21, 7]);
    const reminder = (await outboxFor(appeal.id)).find((r) => r.leadDays === 7)!;
    expect(reminder).toMatchObject({ recipientKey: `user:${a.advisor.user.id}`, status: 'QUEUED' });
    expect(reminder.outbox).toMatchObject({ toEmail: a.advisor.email, template: 'deadline-reminder', responsibleUserId: a.advisor.user.id, key: `reminder:${appeal.id}:user:${a.advisor.user.id}:7` });
    expect(reminder.outbox!.text).toContain(kase.reference);
  });

  it('sends nothing before 07:00 in Brussels on the day', async () => {
    const appeal = await deadline('APPEAL', '2027-02-10');
    await sweepReminders({ db, now: at('2027-01-20', 6) });
    expect(await leadsOf(appeal.id)).toEqual([]);
    await sweepReminders({ db, now: at('2027-01-20', 7) });
    expect(await leadsOf(appeal.id)).toEqual([21]);
  });

  it('after weeks without a sweep sends only the latest lead, not the three it missed', async () => {
    const appeal = await deadline('APPEAL', '2027-02-20');
    await sweepReminders({ db, now: at('2027-02-17') });
    expect(await leadsOf(appeal.id)).toEqual([3]);
  });

  it('reminds the client, in Dutch, of what they must do; a renewal window at its opening', async () => {
    const renewal = await deadline('RENEWAL_WINDOW', '2027-02-10', { opensOn: '2027-01-27', actor: 'CLIENT' });
    await sweepReminders({ db, now: at('2027-01-27') });
    const reminders = await outboxFor(renewal.id);
    const client = reminders.find((r) => r.recipientKey === `client:${amina.client.id}`)!;
    expect(client).toMatchObject({ leadDays: -1, recipientEmail: amina.client.email });
    expect(client.outbox).toMatchObject({ template: 'client-reminder', locale: 'nl' });
  });

  it('re-plans a moved deadline and stops for a completed one', async () => {
    const appeal = await deadline('APPEAL', '2027-03-10');
    await db.deadline.update({ where: { id: appeal.id }, data: { dueOn: new Date('2027-03-20T00:00:00Z') } });
    // The old 7-day day passes without a reminder; the new one comes on its own day.
    expect((await outboxFor(appeal.id)).length).toBe(0);
    await sweepReminders({ db, now: at('2027-03-03') });
    expect(await leadsOf(appeal.id)).toEqual([21]);
    await sweepReminders({ db, now: at('2027-03-13') });
    expect(await leadsOf(appeal.id)).toEqual([21, 7]);
    await db.deadline.update({ where: { id: appeal.id }, data: { status: 'DONE' } });
    await sweepReminders({ db, now: at('2027-03-17') });
    expect(await leadsOf(appeal.id)).toEqual([21, 7]);
  });

  it('looks at a deadline on its lead days only: a sweep with nothing due reads no deadline', async () => {
    const deadlines = await Promise.all(['2028-06-01', '2028-06-02', '2028-06-03'].map((dueOn) => deadline('APPEAL', dueOn)));
    // First look (a new deadline is looked at once, whenever it is made); each is then planned for its 21-day day.
    await sweepReminders({ db, now: at('2028-04-01') });
    expect((await sweepReminders({ db, now: at('2028-04-01', 10) })).looked).toBe(0);
    expect((await sweepReminders({ db, now: at('2028-05-10') })).looked).toBe(0);
    const onTheDay = await sweepReminders({ db, now: at('2028-05-11') });
    expect(onTheDay).toMatchObject({ looked: 1, found: 1, queued: 1 });
    expect(await leadsOf(deadlines[0]!.id)).toEqual([21]);
    expect(await leadsOf(deadlines[1]!.id)).toEqual([]);
  });

  it('looks again at a deadline moved or reopened by any writer, even plain SQL', async () => {
    const appeal = await deadline('APPEAL', '2028-09-30');
    await sweepReminders({ db, now: at('2028-09-01') });
    await db.deadline.update({ where: { id: appeal.id }, data: { status: 'DONE' } });
    expect((await sweepReminders({ db, now: at('2028-09-09') })).looked).toBe(0);
    await db.$executeRaw`UPDATE "Deadline" SET "status" = 'OPEN', "dueOn" = '2028-09-20' WHERE "id" = ${appeal.id}`;
    // The 14-day day of the new date (6 September) has passed: that is the lead sent now, once.
    await sweepReminders({ db, now: at('2028-09-09') });
    expect(await leadsOf(appeal.id)).toEqual([14]);
    expect((await sweepReminders({ db, now: at('2028-09-12') })).looked).toBe(0);
  });

  it('sends one digest instead of individual reminders to an advisor who chose it', async () => {
    await db.membership.update({ where: { id: a.advisor.membership.id }, data: { reminderMode: 'DIGEST', digestHour: 8 } });
    const appeal = await deadline('APPEAL', '2027-05-10');
    await sweepReminders({ db, now: at('2027-05-03') });
    expect(await outboxFor(appeal.id)).toEqual([]);
    expect((await sendDigests({ db, now: at('2027-05-03', 7) })).sent).toBe(0); // before the chosen hour
    expect((await sendDigests({ db, now: at('2027-05-03', 9) })).sent).toBe(1);
    expect((await sendDigests({ db, now: at('2027-05-03', 10) })).sent).toBe(0);
    const digest = await db.emailOutbox.findFirstOrThrow({ where: { key: `digest:${a.advisor.membership.id}:2027-05-03` } });
    expect(digest.text).toContain(kase.reference);
    await db.membership.update({ where: { id: a.advisor.membership.id }, data: { reminderMode: 'INDIVIDUAL' } });
  });
});
