import { randomUUID } from 'node:crypto';
import { PgBoss } from 'pg-boss';
import { afterAll, describe, expect, it } from 'vitest';
import { seriesOf, seriesValue } from '../support/prometheus-text';
import { setupTestDatabase } from './support/test-database';

// /api/metrics' operation on a real database: the token gate, the outbox by state, the emails and reminders
// counted as they are marked SENT, the last sweep as the worker's reminder job records it, and the sign-in
// failures counted in this process.

const url = await setupTestDatabase();
const TOKEN = `metrics-${randomUUID()}`;
// Before anything reads lib/env.
process.env.METRICS_TOKEN = TOKEN;
const { getDb } = await import('@/lib/db');
const { readMetrics } = await import('@/lib/server/metrics/read-metrics');
const { deliverDueEmails } = await import('@/lib/email/deliver-outbox');
const { registerReminderJobs } = await import('@/lib/jobs/reminder-jobs');
const { staffSignIn, SignInRefused } = await import('@/lib/auth/staff-sign-in');
const { closeRateLimits } = await import('@/lib/auth/rate-limit');
const { createFirmWithStaff, newContext } = await import('./support/fixtures');

const db = getDb();
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await closeRateLimits();
});

async function scrape(): Promise<string> {
  const result = await readMetrics({ authorization: `Bearer ${TOKEN}` });
  if (result.status !== 200) throw new Error(`scrape answered ${result.status}`);
  expect(result.contentType).toContain('text/plain; version=0.0.4');
  return result.body;
}

const email = (template: string, data: { status: 'PENDING' | 'FAILED'; nextAttemptAt?: Date; firmId?: string }) =>
  db.emailOutbox.create({
    data: { key: `metrics:${randomUUID()}`, template, locale: 'en', toEmail: `person-${randomUUID().slice(0, 6)}@example.com`, subject: 'Subject', html: '<p>x</p>', text: 'x', ...data },
  });

describe('metrics', () => {
  it('answers only with the token: none or a wrong one is 401', async () => {
    expect(await readMetrics({ authorization: null })).toEqual({ status: 401 });
    expect(await readMetrics({ authorization: TOKEN })).toEqual({ status: 401 });
    expect(await readMetrics({ authorization: `Bearer ${TOKEN.slice(0, -1)}` })).toEqual({ status: 401 });
    expect(await readMetrics({ authorization: `Bearer ${TOKEN}x` })).toEqual({ status: 401 });
    expect((await readMetrics({ authorization: `Bearer ${TOKEN}` })).status).toBe(200);
  });

  it('reports the outbox by state, and the emails and reminders sent by template, with nothing about a firm', async () => {
    const { firm, admin } = await createFirmWithStaff('Metrics');
    const later = new Date(Date.now() + 3_600_000);
    const waiting = [await email('invitation', { status: 'PENDING', nextAttemptAt: later, firmId: firm.id }), await email('invitation', { status: 'PENDING', nextAttemptAt: later })];
    await email('deadline-reminder', { status: 'FAILED', firmId: firm.id });
    const before = await scrape();
    expect(seriesValue(before, 'sejour_outbox_messages', { status: 'PENDING' })).toBe(2);
    expect(seriesValue(before, 'sejour_outbox_messages', { status: 'FAILED' })).toBe(1);
    expect(seriesValue(before, 'sejour_outbox_messages', { status: 'RETRYING' })).toBe(0);
    expect(seriesValue(before, 'sejour_outbox_due_messages')).toBe(0);
    expect(seriesValue(before, 'sejour_reminders_sent_total')).toBe(0);

    // Outbox-only delivery (no SMTP) marks rows SENT the same way an accepting server does.
    await email('deadline-reminder', { status: 'PENDING', firmId: firm.id });
    await email('task-reminder', { status: 'PENDING', firmId: firm.id });
    await email('magic-link', { status: 'PENDING' });
    expect(await deliverDueEmails({ db, transport: null })).toMatchObject({ sent: 3 });
    const after = await scrape();
    expect(seriesValue(after, 'sejour_emails_sent_total', { template: 'deadline-reminder' })).toBe(1);
    expect(seriesValue(after, 'sejour_emails_sent_total', { template: 'task-reminder' })).toBe(1);
    expect(seriesValue(after, 'sejour_emails_sent_total', { template: 'magic-link' })).toBe(1);
    expect(seriesValue(after, 'sejour_reminders_sent_total')).toBe(2);
    expect(seriesValue(after, 'sejour_outbox_messages', { status: 'PENDING' })).toBe(2);
    expect(seriesValue(after, 'sejour_database_up')).toBe(1);
    for (const secret of [firm.id, firm.name, admin.email, ...waiting.map((row) => row.toEmail)]) expect(after).not.toContain(secret);
  });

  it("reports the last reminder sweep, as the worker's reminder job records it", async () => {
    expect(seriesOf(await scrape(), 'sejour_reminder_sweep_duration_seconds')).toEqual([]);
    const boss = new PgBoss({ connectionString: url, schema: 'pgboss' });
    await boss.start();
    cleanups.push(() => boss.stop({ graceful: true, timeout: 5_000 }));
    const startedAt = new Date();
    const worker = { name: `metrics-test:${randomUUID().slice(0, 8)}`, startedAt };
    const jobs = await registerReminderJobs(boss, { db, log: () => {}, deliverNow: async () => {}, worker });
    // Joins the sweep that registering starts.
    await jobs.sweepNow();

    const row = await db.workerHeartbeat.findUniqueOrThrow({ where: { worker: worker.name } });
    expect(row.lastSweepAt!.getTime()).toBeGreaterThanOrEqual(startedAt.getTime());
    const text = await scrape();
    expect(seriesValue(text, 'sejour_reminder_sweep_duration_seconds')).toBe(row.lastSweepMs! / 1000);
    expect(seriesValue(text, 'sejour_reminder_sweep_last_finished_timestamp_seconds')).toBe(row.lastSweepAt!.getTime() / 1000);
    expect(seriesValue(text, 'sejour_worker_last_heartbeat_timestamp_seconds')).toBe(row.beatAt.getTime() / 1000);
  });

  it('counts refused sign-ins by reason, in the process that refused them', async () => {
    const { advisor } = await createFirmWithStaff('Sign-in metrics');
    const failures = async () => seriesValue(await scrape(), 'sejour_sign_in_failures_total', { reason: 'password' }) ?? 0;
    const before = await failures();
    await expect(staffSignIn({ email: advisor.email, password: 'not the password' }, newContext())).rejects.toBeInstanceOf(SignInRefused);
    await expect(staffSignIn({ email: `nobody-${randomUUID().slice(0, 6)}@example.com`, password: 'whatever' }, newContext())).rejects.toBeInstanceOf(SignInRefused);
    expect(await failures()).toBe(before + 2);
  });
});
