import { randomUUID } from 'node:crypto';
import { addDaysPlain, fromDbDate, utcTimestamp } from '@/lib/dates';
import type { Db } from '@/lib/db';
import { env } from '@/lib/env';
import { renderEmail, type RenderedEmail } from '@/lib/email/render-email';
import { firmLogoUrl as firmLogoUrlFor } from '@/lib/server/firm/firm-logo';
import { ruleLabel } from '@/lib/rules/labels';
import { findDeadlinesToLook, findDueReminders, moveOnDeadlines, type DueReminder, type LookedDeadline } from './find-due-reminders';
import { OPENS } from './lead-times';
import { daysBetween, reminderDay, reminderInstant } from './reminder-day';

/** `looked`: deadlines whose look day had come; `found`: reminders due among them; `queued` + `skipped` = written. */
export type SweepReport = { day: string; looked: number; found: number; queued: number; skipped: number; batches: number };

/** Reminders rendered and written per transaction when the caller does not say. */
export const SWEEP_BATCH_SIZE = 100;

// Batches being written while the next is read and rendered. Two: a batch's write (outbox, reminders, the
// deadlines' next look) takes longer than reading and rendering the next, and a second transaction lets
// Postgres write on the other core. The batches touch different deadlines, and the unique keys keep any
// overlap with another sweep harmless.
const WRITES_IN_FLIGHT = 2;

const outboxKey = (r: Pick<DueReminder, 'deadlineId' | 'recipientKey' | 'lead'>) => `reminder:${r.deadlineId}:${r.recipientKey}:${r.lead}`;

async function render(r: DueReminder, day: string): Promise<RenderedEmail> {
  const base = env().APP_URL;
  const firmLogoUrl = firmLogoUrlFor(r.firmLogoKey);
  const common = {
    firmName: r.firmName,
    ...(firmLogoUrl ? { firmLogoUrl } : {}),
    deadlineKind: r.kind,
    deadlineLabel: ruleLabel(r.locale, `deadline.${r.kind}`),
    dueOn: fromDbDate(r.dueOn),
    ...(r.opensOn ? { opensOn: fromDbDate(r.opensOn) } : {}),
    daysLeft: daysBetween(day, r.dueOn),
  };
  const clientName = `${r.clientFirstName} ${r.clientLastName}`;
  if (r.audience === 'CLIENT') {
    return renderEmail({
      template: 'client-reminder',
      locale: r.locale,
      props: { ...common, clientName: r.clientFirstName, advisorName: r.advisorName ?? r.firmName, portalUrl: new URL('/portal', base).toString() },
    });
  }
  return renderEmail({
    template: 'deadline-reminder',
    locale: r.locale,
    props: { ...common, recipientName: r.recipientName ?? r.email, clientName, caseReference: r.caseReference, basis: r.basis, caseUrl: new URL(`/cases/${r.caseId}`, base).toString() },
  });
}


/**
 * Writes every reminder now due to the outbox, once. It looks only at the open deadlines whose look day
 * (Deadline.remindOn) has come, `batchSize` at a time; each batch is written in one transaction that inserts
 * the outbox rows and their Reminder rows and moves each deadline's next look on to its next lead's day. A
 * worker killed between batches (or inside one) leaves each batch either fully written or not at all, and the
 * next sweep picks up exactly the rest; two sweeps at once are kept apart by the unique keys (ON CONFLICT DO
 * NOTHING), never by luck. A reminder that cannot be rendered (a bad address in the data) is recorded as
 * SKIPPED so it cannot block the rest. With nothing due, the sweep is one empty index range.
 *
 * The next batch is read past the last deadline of the previous one, and rendered, while up to two are written.
 * The sweep ends when a read from the start of the list, once every write is done, finds fewer than
 * `batchSize` deadlines: whatever came due behind it is looked at too.
 */
export async function sweepReminders({ db, now = new Date(), batchSize = SWEEP_BATCH_SIZE, log = () => {} }: {
  db: Db;
  now?: Date;
  batchSize?: number;
  log?: (message: string, extra?: Record<string, unknown>) => void;
}): Promise<SweepReport> {
  const day = reminderDay(now);
  const report: SweepReport = { day, looked: 0, found: 0, queued: 0, skipped: 0, batches: 0 };
  let after: LookedDeadline | null = null;
  const writes: Promise<void>[] = [];
  const finishWrites = async () => {
    const settled = await Promise.allSettled(writes.splice(0));
    const failed = settled.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
  };
  try {
    for (;;) {
      const looked = await findDeadlinesToLook(db, { day, limit: batchSize, after });
      const due = await findDueReminders(db, { day, deadlineIds: looked.map((l) => l.deadlineId) });
      const rendered = await Promise.all(due.map((r) => render(r, day).then((email) => ({ r, email }), (error: unknown) => ({ r, error }))));
      if (writes.length >= WRITES_IN_FLIGHT) await writes.shift();
      if (looked.length > 0) {
        report.looked += looked.length;
        report.found += due.length;
        report.batches += 1;
        const writing = writeBatch(db, day, looked, rendered, report, log);
        // Awaited in turn or below; until then a failure must not count as unhandled.
        writing.catch(() => {});
        writes.push(writing);
      }
      if (looked.length === batchSize) {
        after = looked.at(-1)!;
        continue;
      }
      await finishWrites();
      if (!after) break;
      after = null; // the last look starts from the top, in case something came due behind us
    }
  } finally {
    // A failed query or render must not leave a batch being written behind the caller's back.
    await Promise.allSettled(writes);
  }
  return report;
}

type Rendered = { r: DueReminder; email: RenderedEmail } | { r: DueReminder; error: unknown };

async function writeBatch(db: Db, day: string, looked: LookedDeadline[], rendered: Rendered[], report: SweepReport, log: (message: string, extra?: Record<string, unknown>) => void) {
  const at = utcTimestamp(new Date());
  const written = await db.$transaction(async (tx) => {
    const emails = rendered.flatMap((item) => ('email' in item ? [{ ...item, key: outboxKey(item.r) }] : []));
    const keys = emails.map((e) => e.key);
    // One statement of arrays rather than a row of parameters per email: the HTML is most of what is sent.
    const ids = new Map<string, string>();
    if (emails.length > 0) {
      const inserted = await tx.$queryRaw<{ id: string; key: string }[]>`
        INSERT INTO "EmailOutbox" ("id", "key", "firmId", "template", "locale", "toEmail", "responsibleUserId", "subject", "html", "text", "nextAttemptAt", "createdAt")
        SELECT o.*, ${at}::timestamp(3), ${at}::timestamp(3)
        FROM unnest(
          ${emails.map(() => randomUUID())}::text[], ${keys}::text[], ${emails.map((e) => e.r.firmId)}::text[],
          ${emails.map((e) => (e.r.audience === 'CLIENT' ? 'client-reminder' : 'deadline-reminder'))}::text[], ${emails.map((e) => e.r.locale)}::"EmailLocale"[],
          ${emails.map((e) => e.r.email)}::text[], ${emails.map((e) => e.r.advisorId)}::text[], ${emails.map((e) => e.email.subject)}::text[],
          ${emails.map((e) => e.email.html)}::text[], ${emails.map((e) => e.email.text)}::text[]
        ) AS o
        ON CONFLICT DO NOTHING
        RETURNING "id", "key"`;
      for (const row of inserted) ids.set(row.key, row.id);
    }
    // Another sweep may have written some of these keys first: link each reminder to the row that exists.
    const missing = keys.filter((key) => !ids.has(key));
    if (missing.length > 0) {
      for (const row of await tx.emailOutbox.findMany({ where: { key: { in: missing } }, select: { id: true, key: true } })) ids.set(row.key, row.id);
    }
    const rows = rendered.map((item) => {
      const onDay = item.r.lead === OPENS ? fromDbDate(item.r.opensOn!) : addDaysPlain(fromDbDate(item.r.dueOn), -item.r.lead);
      const outboxId = 'email' in item ? (ids.get(outboxKey(item.r)) ?? null) : null;
      return { r: item.r, dueAt: utcTimestamp(reminderInstant(onDay)), status: outboxId ? ('QUEUED' as const) : ('SKIPPED' as const), outboxId };
    });
    const inserted = rows.length === 0 ? 0 : await tx.$executeRaw`
      INSERT INTO "Reminder" ("id", "firmId", "deadlineId", "recipientKey", "recipientUserId", "recipientEmail", "leadDays", "dueAt", "status", "outboxId", "createdAt", "updatedAt")
      SELECT x.*, ${at}::timestamp(3), ${at}::timestamp(3)
      FROM unnest(
        ${rows.map(() => randomUUID())}::text[], ${rows.map((row) => row.r.firmId)}::text[], ${rows.map((row) => row.r.deadlineId)}::text[],
        ${rows.map((row) => row.r.recipientKey)}::text[], ${rows.map((row) => row.r.recipientUserId)}::text[], ${rows.map((row) => row.r.email)}::text[],
        ${rows.map((row) => row.r.lead)}::int[], ${rows.map((row) => row.dueAt)}::timestamp(3)[], ${rows.map((row) => row.status)}::"ReminderStatus"[],
        ${rows.map((row) => row.outboxId)}::text[]
      ) AS x
      ON CONFLICT DO NOTHING`;
    await moveOnDeadlines(tx, { day, looked });
    return { inserted, skipped: rows.filter((row) => row.status === 'SKIPPED').length };
  });
  report.queued += written.inserted - written.skipped;
  report.skipped += written.skipped;
  for (const item of rendered) if ('error' in item) log('reminder not rendered', { deadlineId: item.r.deadlineId, recipientKey: item.r.recipientKey, error: String(item.error) });
}
