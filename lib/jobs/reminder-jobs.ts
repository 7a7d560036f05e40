import type { PgBoss } from 'pg-boss';
import type { Db } from '@/lib/db';
import { sweepBookingReminders } from '@/lib/server/consultation/sweep-booking-reminders';
import { sendDigests } from '@/lib/server/reminder/send-digests';
import { sweepReminders } from '@/lib/server/reminder/sweep-reminders';
import { sweepTaskReminders } from '@/lib/server/reminder/sweep-task-reminders';
import { recordHeartbeat } from './heartbeat';

export const REMINDER_SWEEP_QUEUE = 'reminder-sweep';

/**
 * The reminder sweep (deadlines, then tasks due tomorrow or today, then consultations tomorrow), every minute across all workers (pg-boss cron fires once, and the 'singleton' queue
 * runs one sweep at a time): due reminders and digests are written to the outbox, then the outbox is drained
 * at once rather than at the next poll. Each sweep resumes from what the database says is already written, so
 * a worker that dies mid-sweep only delays the rest to the next minute. Each finished sweep's time and duration
 * (the writing, not the delivery after it) go on this worker's heartbeat row for /api/metrics; a failed one
 * records nothing, so its age shows.
 */
export async function registerReminderJobs(
  boss: PgBoss,
  deps: {
    db: Db;
    log: (message: string, extra?: Record<string, unknown>) => void;
    deliverNow: () => Promise<void>;
    worker: { name: string; startedAt: Date };
  },
): Promise<{ sweepNow: () => Promise<void> }> {
  let running: Promise<void> | null = null;
  const sweepOnce = async () => {
    const started = performance.now();
    const report = await sweepReminders({ db: deps.db, log: deps.log });
    const tasks = await sweepTaskReminders({ db: deps.db });
    const digests = await sendDigests({ db: deps.db });
    const consultations = await sweepBookingReminders({ db: deps.db });
    await recordHeartbeat(deps.db, deps.worker.name, deps.worker.startedAt, { at: new Date(), ms: performance.now() - started });
    if (report.found > 0 || tasks.queued > 0 || digests.sent > 0 || consultations.queued > 0) deps.log('reminders written', { ...report, tasks: tasks.queued, digests: digests.sent, consultations: consultations.queued });
    await deps.deliverNow();
  };
  const sweepNow = () => {
    running ??= sweepOnce().finally(() => {
      running = null;
    });
    return running;
  };

  await boss.createQueue(REMINDER_SWEEP_QUEUE, { policy: 'singleton', retryLimit: 0 });
  await boss.schedule(REMINDER_SWEEP_QUEUE, '* * * * *', null, { tz: 'Europe/Brussels' });
  await boss.work(REMINDER_SWEEP_QUEUE, async () => {
    await sweepNow();
  });
  // What came due while no worker ran is written now, not at the next minute.
  sweepNow().catch((error: unknown) => deps.log('reminder sweep failed', { error: error instanceof Error ? error.message : String(error) }));
  return { sweepNow };
}
