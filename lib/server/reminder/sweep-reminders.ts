import { randomUUID } from 'node:crypto';
import { addDaysPlain, fromDbDate } from '@/lib/dates';
import type { Db } from '@/lib/db';
import { env } from '@/lib/env';
import { renderEmail, type RenderedEmail } from '@/lib/email/render-email';
import { ruleLabel } from '@/lib/rules/labels';
import { findDueReminders, type DueReminder } from './find-due-reminders';
import { OPENS } from './lead-times';
import { daysBetween, reminderDay, reminderInstant } from './reminder-day';

export type SweepReport = { day: string; found: number; queued: number; skipped: number; batches: number };

const outboxKey = (r: Pick<DueReminder, 'deadlineId' | 'recipientKey' | 'lead'>) => `reminder:${r.deadlineId}:${r.recipientKey}:${r.lead}`;

async function render(r: DueReminder, day: string): Promise<RenderedEmail> {
  const base = env().APP_URL;
  const common = {
    firmName: r.firmName,
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
 * Writes every reminder now due to the outbox, once: in batches of `batchSize`, each batch in one transaction
 * that inserts the outbox rows and their Reminder rows together. A worker killed between batches (or inside
 * one) leaves each reminder either fully written or not at all, and the next sweep picks up exactly the rest;
 * two sweeps at once are kept apart by the unique keys (ON CONFLICT DO NOTHING), never by luck.
 * A reminder that cannot be rendered (a bad address in the data) is recorded as SKIPPED so it cannot block the rest.
 */
export async function sweepReminders({ db, now = new Date(), batchSize = 500, log = () => {} }: {
  db: Db;
  now?: Date;
  batchSize?: number;
  log?: (message: string, extra?: Record<string, unknown>) => void;
}): Promise<SweepReport> {
  const day = reminderDay(now);
  const report: SweepReport = { day, found: 0, queued: 0, skipped: 0, batches: 0 };
  for (;;) {
    const due = await findDueReminders(db, { day, limit: batchSize });
    if (due.length === 0) break;
    report.found += due.length;
    report.batches += 1;
    const rendered = await Promise.all(due.map((r) => render(r, day).then((email) => ({ r, email }), (error: unknown) => ({ r, error }))));
    const written = await db.$transaction(async (tx) => {
      const emails = rendered.flatMap((item) => ('email' in item ? [{ ...item, key: outboxKey(item.r) }] : []));
      await tx.emailOutbox.createMany({
        data: emails.map(({ r, email, key }) => ({ id: randomUUID(), key, firmId: r.firmId, template: r.audience === 'CLIENT' ? 'client-reminder' : 'deadline-reminder', locale: r.locale, toEmail: r.email, responsibleUserId: r.advisorId, ...email })),
        skipDuplicates: true,
      });
      // Another sweep may have written some of these keys first: link each reminder to the row that exists.
      const ids = new Map((await tx.emailOutbox.findMany({ where: { key: { in: emails.map((e) => e.key) } }, select: { id: true, key: true } })).map((row) => [row.key, row.id]));
      const rows = rendered.map((item) => {
        const onDay = item.r.lead === OPENS ? fromDbDate(item.r.opensOn!) : addDaysPlain(fromDbDate(item.r.dueOn), -item.r.lead);
        const outboxId = 'email' in item ? (ids.get(outboxKey(item.r)) ?? null) : null;
        return {
          firmId: item.r.firmId, deadlineId: item.r.deadlineId, recipientKey: item.r.recipientKey, recipientUserId: item.r.recipientUserId, recipientEmail: item.r.email,
          leadDays: item.r.lead, dueAt: reminderInstant(onDay), status: outboxId ? ('QUEUED' as const) : ('SKIPPED' as const), outboxId,
        };
      });
      const inserted = await tx.reminder.createMany({ data: rows, skipDuplicates: true });
      return { inserted: inserted.count, skipped: rows.filter((row) => row.status === 'SKIPPED').length };
    });
    report.queued += written.inserted - written.skipped;
    report.skipped += written.skipped;
    for (const item of rendered) if ('error' in item) log('reminder not rendered', { deadlineId: item.r.deadlineId, recipientKey: item.r.recipientKey, error: String(item.error) });
    if (due.length < batchSize) break;
  }
  return report;
}
