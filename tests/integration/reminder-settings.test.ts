import { beforeAll, describe, expect, it } from 'vitest';
import { brusselsMidnight } from '@/lib/dates';
import type { Case } from '@/lib/generated/prisma/client';
import { DEADLINE_KINDS } from '@/lib/rules/vocabulary';
import { createCase, createClient, createFirmWithStaff, expectAppError, newContext, type FirmWithStaff } from './support/fixtures';
import { setupTestDatabase } from './support/test-database';

// A member's reminder preferences and the firm's lead times: validated, audited, and obeyed by the sweep.

await setupTestDatabase();
const { getDb } = await import('@/lib/db');
const { updateReminderPreferences } = await import('@/lib/server/reminder/update-reminder-preferences');
const { updateFirmLeadTimes } = await import('@/lib/server/reminder/update-firm-lead-times');
const { getReminderSettings } = await import('@/lib/server/reminder/get-reminder-settings');
const { sweepReminders } = await import('@/lib/server/reminder/sweep-reminders');

const db = getDb();
let a: FirmWithStaff;
let b: FirmWithStaff;
let kase: Case;
const at = (day: string, hour = 9) => new Date(brusselsMidnight(day).getTime() + hour * 3_600_000);
const allKinds = (overrides: Record<string, string> = {}) => Object.fromEntries(DEADLINE_KINDS.map((kind) => [kind, overrides[kind] ?? '7']));
const appeal = (dueOn: string) =>
  db.deadline.create({ data: { firmId: a.firm.id, caseId: kase.id, key: `APPEAL:${dueOn}:${Math.random()}`, kind: 'APPEAL', dueOn: new Date(`${dueOn}T00:00:00Z`), basis: 'Law 15/12/1980 art. 39/57', confidence: 'H', actor: 'ADVISOR' } });
const leadsOf = async (deadlineId: string) => (await db.reminder.findMany({ where: { deadlineId }, orderBy: { leadDays: 'desc' } })).map((r) => r.leadDays);

beforeAll(async () => {
  [a, b] = await Promise.all([createFirmWithStaff('Prefs A'), createFirmWithStaff('Prefs B')]);
  const { client } = await createClient(a.firm);
  kase = await createCase(a.firm, client, { assignedToId: a.advisor.user.id });
});

describe('my reminder preferences', () => {
  it('saves the digest choice, hour and a pause for the signed-in member only, with an audit row', async () => {
    await updateReminderPreferences({ actor: a.assistant.actor, input: { reminderMode: 'DIGEST', digestHour: '6', pausedFrom: '2027-07-01', pausedUntil: '2027-07-21' }, context: newContext() });
    expect(await getReminderSettings({ actor: a.assistant.actor })).toMatchObject({ reminderMode: 'DIGEST', digestHour: 6, pausedFrom: '2027-07-01', pausedUntil: '2027-07-21' });
    expect(await getReminderSettings({ actor: a.advisor.actor })).toMatchObject({ reminderMode: 'INDIVIDUAL', digestHour: 7, pausedFrom: null });
    const audit = await db.auditLog.findFirstOrThrow({ where: { firmId: a.firm.id, action: 'member.reminder_preferences_updated' } });
    expect(audit).toMatchObject({ entityId: a.assistant.membership.id, actorUserId: a.assistant.user.id });
  });

  it.each([
    [{ reminderMode: 'SOMETIMES', digestHour: '7' }, 'reminderMode'],
    [{ reminderMode: 'DIGEST', digestHour: '24' }, 'digestHour'],
    [{ reminderMode: 'DIGEST', digestHour: '7', pausedFrom: '2027-07-21', pausedUntil: '2027-07-01' }, 'pausedUntil'],
    [{ reminderMode: 'DIGEST', digestHour: '7', pausedUntil: '2027-07-01' }, 'pausedFrom'],
  ])('refuses %o, naming %s, and changes nothing', async (input, field) => {
    const before = await db.membership.findUniqueOrThrow({ where: { id: a.advisor.membership.id } });
    const error = await expectAppError(updateReminderPreferences({ actor: a.advisor.actor, input, context: newContext() }), 'VALIDATION');
    expect(Object.keys((error as unknown as { details: { fieldErrors: object } }).details.fieldErrors)).toContain(field);
    expect(await db.membership.findUniqueOrThrow({ where: { id: a.advisor.membership.id } })).toEqual(before);
  });

  it('pauses reminders during leave, and the next lead after it comes as usual', async () => {
    const deadline = await appeal('2027-08-20');
    await updateReminderPreferences({ actor: a.advisor.actor, input: { reminderMode: 'INDIVIDUAL', digestHour: '7', pausedFrom: '2027-07-25', pausedUntil: '2027-08-10' }, context: newContext() });
    await sweepReminders({ db, now: at('2027-07-30') });
    await sweepReminders({ db, now: at('2027-08-06') });
    expect(await leadsOf(deadline.id)).toEqual([]);
    await sweepReminders({ db, now: at('2027-08-13') });
    expect(await leadsOf(deadline.id)).toEqual([7]);
    await updateReminderPreferences({ actor: a.advisor.actor, input: { reminderMode: 'INDIVIDUAL', digestHour: '7' }, context: newContext() });
  });
});

describe("the firm's lead times", () => {
  it('lets an admin set them per kind; the sweep follows them', async () => {
    await updateFirmLeadTimes({ actor: a.admin.actor, input: allKinds({ APPEAL: '10, 2' }), context: newContext() });
    expect((await getReminderSettings({ actor: a.advisor.actor })).leadTimes.APPEAL).toEqual([10, 2]);
    const deadline = await appeal('2027-10-20');
    await sweepReminders({ db, now: at('2027-10-06') }); // the default 14-day day: nothing now
    expect(await leadsOf(deadline.id)).toEqual([]);
    await sweepReminders({ db, now: at('2027-10-10') });
    expect(await leadsOf(deadline.id)).toEqual([10]);
    expect(await db.auditLog.count({ where: { firmId: a.firm.id, action: 'settings.updated' } })).toBe(1);
    // Another firm keeps the defaults.
    expect((await getReminderSettings({ actor: b.advisor.actor })).leadTimes.APPEAL).toEqual([21, 14, 7, 3, 1]);
  });

  it('applies a lead added while a deadline waits for its next one, on its day, not at the old next lead', async () => {
    await updateFirmLeadTimes({ actor: a.admin.actor, input: allKinds({ APPEAL: '21, 14' }), context: newContext() });
    const deadline = await appeal('2027-12-31');
    await sweepReminders({ db, now: at('2027-12-10') });
    expect(await leadsOf(deadline.id)).toEqual([21]);
    // Its next look was planned for the 14-day day (17 December); the firm now wants one 18 days ahead too.
    await updateFirmLeadTimes({ actor: a.admin.actor, input: allKinds({ APPEAL: '21, 18, 14' }), context: newContext() });
    await sweepReminders({ db, now: at('2027-12-13') });
    expect(await leadsOf(deadline.id)).toEqual([21, 18]);
  });

  it('takes "open" for windows and an empty field as none', async () => {
    await updateFirmLeadTimes({ actor: a.admin.actor, input: allKinds({ RENEWAL_WINDOW: 'open, 10', CARD_EXPIRY: '' }), context: newContext() });
    const { leadTimes } = await getReminderSettings({ actor: a.admin.actor });
    expect(leadTimes.RENEWAL_WINDOW).toEqual([-1, 10]);
    expect(leadTimes.CARD_EXPIRY).toEqual([]);
  });

  it('refuses nonsense and non-admins, changing nothing', async () => {
    const before = await db.firm.findUniqueOrThrow({ where: { id: a.firm.id } });
    await expectAppError(updateFirmLeadTimes({ actor: a.admin.actor, input: allKinds({ APPEAL: 'soon' }), context: newContext() }), 'VALIDATION');
    await expectAppError(updateFirmLeadTimes({ actor: a.admin.actor, input: allKinds({ APPEAL: '400' }), context: newContext() }), 'VALIDATION');
    await expectAppError(updateFirmLeadTimes({ actor: a.advisor.actor, input: allKinds(), context: newContext() }), 'FORBIDDEN');
    await expectAppError(updateFirmLeadTimes({ actor: a.assistant.actor, input: allKinds(), context: newContext() }), 'FORBIDDEN');
    expect((await db.firm.findUniqueOrThrow({ where: { id: a.firm.id } })).settings).toEqual(before.settings);
  });
});
