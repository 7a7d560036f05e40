import { Counter, Gauge, Registry } from 'prom-client';
import type { Db } from '@/lib/db';
import { readOutboxBacklog } from '@/lib/server/outbox/read-outbox-backlog';

// The metrics that live in the database rather than in this process: what the worker did (a separate process)
// and what the outbox holds. Read at each scrape into a registry of its own, so a value can never be a scrape
// old. Every query reads an index or a handful of rows; none of them counts a firm's history.

/** The templates of reminder emails: deadlines (to advisors and to clients) and tasks. */
export const REMINDER_TEMPLATES = ['deadline-reminder', 'client-reminder', 'task-reminder'] as const;

// SENT is not among them: it is the outbox's whole history, which would have to be read at every scrape. What
// was sent is sejour_emails_sent_total, counted as rows are marked SENT.
const UNSENT = ['PENDING', 'SENDING', 'RETRYING', 'FAILED'] as const;

const seconds = (at: Date) => at.getTime() / 1000;

export async function databaseMetrics(db: Db, now: Date): Promise<Registry> {
  const [byStatus, backlog, sent, sweep, beat, backup] = await Promise.all([
    db.emailOutbox.groupBy({ by: ['status'], where: { status: { in: [...UNSENT] } }, _count: { _all: true } }),
    readOutboxBacklog(db, now),
    db.emailSentCount.findMany(),
    db.workerHeartbeat.findFirst({ where: { lastSweepAt: { not: null } }, orderBy: { lastSweepAt: 'desc' }, select: { lastSweepAt: true, lastSweepMs: true } }),
    db.workerHeartbeat.findFirst({ orderBy: { beatAt: 'desc' }, select: { beatAt: true } }),
    db.backupRun.findFirst({ where: { ok: true }, orderBy: { finishedAt: 'desc' }, select: { finishedAt: true } }),
  ]);
  const registry = new Registry();
  const registers = [registry];

  const outbox = new Gauge({ name: 'sejour_outbox_messages', help: 'Outbox messages not sent, by state (sent ones: sejour_emails_sent_total)', labelNames: ['status'], registers });
  for (const status of UNSENT) outbox.set({ status }, byStatus.find((row) => row.status === status)?._count._all ?? 0);
  new Gauge({ name: 'sejour_outbox_due_messages', help: 'Outbox messages a worker could send now', registers }).set(backlog.due);
  new Gauge({ name: 'sejour_outbox_oldest_due_age_seconds', help: 'How long the oldest due message has waited (0 when none)', registers }).set(
    backlog.oldestDueAt ? Math.max(0, (now.getTime() - backlog.oldestDueAt.getTime()) / 1000) : 0,
  );

  const emails = new Counter({ name: 'sejour_emails_sent_total', help: 'Emails accepted by the SMTP server (or kept in the outbox without SMTP_URL), by template', labelNames: ['template'], registers });
  for (const row of sent) emails.inc({ template: row.template }, Number(row.sent));
  const reminders = sent.filter((row) => (REMINDER_TEMPLATES as readonly string[]).includes(row.template)).reduce((sum, row) => sum + Number(row.sent), 0);
  new Counter({ name: 'sejour_reminders_sent_total', help: 'Reminder emails (deadlines and tasks, to advisors and clients) accepted for delivery', registers }).inc(reminders);

  // Absent until a worker has finished a sweep (or beaten, or a backup succeeded): no value is better than a made-up one.
  if (sweep?.lastSweepAt && sweep.lastSweepMs !== null) {
    new Gauge({ name: 'sejour_reminder_sweep_duration_seconds', help: 'How long the last finished reminder sweep took to write its reminders', registers }).set(sweep.lastSweepMs / 1000);
    new Gauge({ name: 'sejour_reminder_sweep_last_finished_timestamp_seconds', help: 'When the last reminder sweep finished', registers }).set(seconds(sweep.lastSweepAt));
  }
  if (beat) new Gauge({ name: 'sejour_worker_last_heartbeat_timestamp_seconds', help: "The newest worker heartbeat", registers }).set(seconds(beat.beatAt));
  if (backup?.finishedAt) new Gauge({ name: 'sejour_backup_last_success_timestamp_seconds', help: 'When the last successful backup finished', registers }).set(seconds(backup.finishedAt));
  return registry;
}
