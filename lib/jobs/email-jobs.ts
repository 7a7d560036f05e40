import type { PgBoss } from 'pg-boss';
import type { Db } from '@/lib/db';
import { deliverDueEmails } from '@/lib/email/deliver-outbox';
import { createMailTransport, type MailTransport } from '@/lib/email/transport';

export const DELIVER_EMAIL_QUEUE = 'deliver-email';

const DEFAULT_POLL_MS = 5_000;
const DEFAULT_BATCH_SIZE = 50;

export type EmailJobs = {
  /** drains the outbox now (or joins the drain already running in this process) */
  deliverNow: () => Promise<void>;
  stop: () => Promise<void>;
};

/**
 * Sends the outbox from the worker. Two triggers, one drain:
 * - a poll every few seconds in each worker process: the app only writes the outbox row (in its own
 *   transaction, with no queue client of its own), and a magic link must not wait for the next minute.
 *   The claim query is one index lookup, so polling costs nothing worth saving, and no trigger can be
 *   lost because there is no trigger to lose: whatever is due gets picked up.
 * - a pg-boss cron every minute (its minimum), plus `requestEmailDelivery(boss)` for code that already
 *   holds a pg-boss instance (the reminder sweep, scripts): a worker picks such a job up at once.
 * Within a process the drains never overlap; across processes they share the work through SKIP LOCKED.
 */
export async function registerEmailJobs(
  boss: PgBoss,
  deps: {
    db: Db;
    log: (message: string, extra?: Record<string, unknown>) => void;
    /** defaults to the SMTP_URL transport (null without SMTP_URL: outbox-only delivery) */
    transport?: MailTransport | null;
    pollMs?: number;
    batchSize?: number;
  },
): Promise<EmailJobs> {
  const ownsTransport = deps.transport === undefined;
  const transport = ownsTransport ? createMailTransport() : (deps.transport ?? null);
  const batchSize = deps.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!transport) deps.log('SMTP_URL is not set: emails are kept in the outbox (dev mailbox) and not sent');
  let stopped = false;
  let running: Promise<void> | null = null;

  const drainOnce = async () => {
    while (!stopped) {
      const report = await deliverDueEmails({ db: deps.db, transport, batchSize });
      if (report.claimed > 0) deps.log('emails delivered', { ...report, smtp: transport !== null });
      if (report.claimed < batchSize) return;
    }
  };
  const deliverNow = () => {
    running ??= drainOnce().finally(() => {
      running = null;
    });
    return running;
  };

  await boss.createQueue(DELIVER_EMAIL_QUEUE, { policy: 'stately', retryLimit: 0 });
  await boss.schedule(DELIVER_EMAIL_QUEUE, '* * * * *', null, { tz: 'Europe/Brussels' });
  await boss.work(DELIVER_EMAIL_QUEUE, async () => {
    await deliverNow();
  });

  // A failed drain (database restarting, say) is logged and tried again at the next tick.
  const tick = () => {
    deliverNow().catch((error: unknown) => deps.log('email delivery failed', { error: error instanceof Error ? error.message : String(error) }));
  };
  const poll = setInterval(tick, deps.pollMs ?? DEFAULT_POLL_MS);
  // What was queued while no worker ran goes out now, not at the first tick.
  tick();

  return {
    deliverNow,
    stop: async () => {
      stopped = true;
      clearInterval(poll);
      await running?.catch(() => undefined);
      if (ownsTransport) transport?.close();
    },
  };
}

/** Asks a worker to drain the outbox right away instead of at its next poll. */
export async function requestEmailDelivery(boss: PgBoss): Promise<void> {
  await boss.send(DELIVER_EMAIL_QUEUE, null);
}
