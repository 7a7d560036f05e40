import { randomUUID } from 'node:crypto';
import { PgBoss } from 'pg-boss';
import { afterAll, describe, expect, it } from 'vitest';
import { startSmtpSink } from '../support/smtp-sink';
import { setupTestDatabase } from './support/test-database';

// The worker side of email: a started worker sends the outbox to SMTP_URL by itself, and a job on the
// deliver-email queue makes a worker send at once. The sink resolves waitFor on arrival; no sleeps.

const url = await setupTestDatabase();
const sink = await startSmtpSink();
// Before anything reads lib/env, so the worker's own transport points at the sink.
process.env.SMTP_URL = sink.url;
const { getDb } = await import('@/lib/db');
const { enqueueEmail } = await import('@/lib/email/enqueue-email');
const { createMailTransport } = await import('@/lib/email/transport');
const { startWorker } = await import('@/lib/jobs/worker');
const { registerEmailJobs, requestEmailDelivery, DELIVER_EMAIL_QUEUE } = await import('@/lib/jobs/email-jobs');

const db = getDb();
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await sink.stop();
});

async function queue(to: string) {
  return db.$transaction((tx) =>
    enqueueEmail(tx, {
      key: `jobs:${randomUUID()}`,
      firmId: null,
      template: 'magic-link',
      locale: 'nl',
      to,
      props: { firmName: 'Kantoor Janssens', url: `https://sejour.example/portal/sign-in/verify?token=${randomUUID()}`, minutes: 20 },
    }),
  );
}

describe('email jobs', () => {
  it('send at once when asked through the deliver-email queue, without waiting for the poll', async () => {
    const boss = new PgBoss({ connectionString: url, schema: 'pgboss' });
    await boss.start();
    const transport = createMailTransport(sink.url);
    const log: string[] = [];
    // A poll that never comes within the test: only the queued job can deliver.
    const jobs = await registerEmailJobs(boss, { db, log: (message) => log.push(message), transport, pollMs: 3_600_000 });
    cleanups.push(async () => {
      await jobs.stop();
      await boss.stop({ graceful: true, timeout: 5_000 });
      transport?.close();
    });
    // The drain every registration starts with has nothing to send; let it finish before queueing.
    await jobs.deliverNow();

    const to = `queued-${randomUUID().slice(0, 8)}@example.com`;
    const { id } = await queue(to);
    await requestEmailDelivery(boss);
    const message = await sink.waitFor((m) => m.to.includes(to), 20_000);
    expect(message.subject).toBe('Uw aanmeldlink voor Kantoor Janssens');
    // Joins the drain the job started (the row is recorded right after the server's 250), or runs an empty one.
    await jobs.deliverNow();
    expect(await db.emailOutbox.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'SENT', providerMessageId: message.messageId });
    expect(log).toContain('emails delivered');

    const schedules = await db.$queryRaw<{ name: string; cron: string }[]>`SELECT name, cron FROM pgboss.schedule`;
    expect(schedules).toContainEqual(expect.objectContaining({ name: DELIVER_EMAIL_QUEUE, cron: '* * * * *' }));

    await jobs.stop();
  });

  it('are part of the worker: what was queued while no worker ran is sent to SMTP_URL when one starts', async () => {
    const to = `waiting-${randomUUID().slice(0, 8)}@example.com`;
    const { id } = await queue(to);
    const worker = await startWorker({ databaseUrl: url, db, log: () => {} });
    let message;
    try {
      message = await sink.waitFor((m) => m.to.includes(to), 20_000);
    } finally {
      // Stopping waits for the drain in flight, so the row's outcome is recorded once this returns.
      await worker.stop();
    }
    expect(message.text).toContain('De link werkt één keer en vervalt over 20 minuten.');
    expect(await db.emailOutbox.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'SENT', providerMessageId: message.messageId });
    expect(sink.messages.filter((m) => m.to.includes(to))).toHaveLength(1);
  });
});
