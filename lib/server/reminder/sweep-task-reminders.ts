import { env } from '@/lib/env';
import { addDaysPlain, fromDbDate } from '@/lib/dates';
import type { Db } from '@/lib/db';
import { enqueueEmail } from '@/lib/email/enqueue-email';
import { logger } from '@/lib/logger';
import { daysBetween, reminderDay, reminderInstant } from './reminder-day';

/** A task is reminded the day before it is due and on the day, from 07:00 in Brussels. */
export const TASK_LEAD_DAYS = [1, 0] as const;

const BATCH = 200;

type DueTask = {
  taskId: string; firmId: string; caseId: string; title: string; dueOn: Date; lead: number;
  userId: string; email: string; locale: 'en' | 'nl' | 'fr'; name: string | null;
  caseReference: string; clientFirstName: string; clientLastName: string; firmName: string;
};

/**
 * Emails each open task's assignee the day before the task is due and on the day: once per task, assignee and
 * lead (the Reminder row's unique key), each reminder with its outbox row in one transaction. A task moved to
 * another day is reminded for its new day; a done task, a closed case, an assignee who left, chose the digest or
 * is on leave get none. Like the deadline sweep, a worker that was down sends the latest lead only.
 */
export async function sweepTaskReminders({ db, now = new Date() }: { db: Db; now?: Date }): Promise<{ queued: number }> {
  const day = reminderDay(now);
  let queued = 0;
  for (;;) {
    const due = await db.$queryRaw<DueTask[]>`
      SELECT t."id" AS "taskId", t."firmId", t."caseId", t."title", t."dueOn", (t."dueOn" - ${day}::date) AS "lead",
        u."id" AS "userId", u."email", u."locale"::text AS "locale", u."name",
        c."reference" AS "caseReference", cl."firstName" AS "clientFirstName", cl."lastName" AS "clientLastName", f."name" AS "firmName"
      FROM "Task" t
      JOIN "Case" c ON c."id" = t."caseId" AND c."firmId" = t."firmId" AND c."deletedAt" IS NULL AND c."closedAt" IS NULL
      JOIN "Client" cl ON cl."id" = c."clientId" AND cl."firmId" = t."firmId"
      JOIN "Firm" f ON f."id" = t."firmId"
      JOIN "Membership" m ON m."firmId" = t."firmId" AND m."userId" = t."assigneeId" AND m."deactivatedAt" IS NULL AND m."reminderMode" = 'INDIVIDUAL'
        AND NOT (m."pausedFrom" IS NOT NULL AND m."pausedFrom" <= ${day}::date AND (m."pausedUntil" IS NULL OR m."pausedUntil" >= ${day}::date))
      JOIN "User" u ON u."id" = m."userId"
      WHERE t."doneAt" IS NULL AND t."dueOn" >= ${day}::date AND t."dueOn" <= ${day}::date + ${TASK_LEAD_DAYS[0]}::int
        AND NOT EXISTS (SELECT 1 FROM "Reminder" r WHERE r."taskId" = t."id" AND r."recipientKey" = 'user:' || u."id" AND r."leadDays" = (t."dueOn" - ${day}::date))
      ORDER BY t."dueOn", t."id"
      LIMIT ${BATCH}`;
    for (const task of due) {
      // One transaction per task: a failure leaves this one for the next sweep, not the others.
      const written = await writeTaskReminder(db, task, day).catch((error: unknown) => {
        logger().error({ err: error, taskId: task.taskId }, 'task reminder not written');
        return false;
      });
      if (written) queued += 1;
    }
    if (due.length < BATCH) return { queued };
  }
}

async function writeTaskReminder(db: Db, task: DueTask, day: string): Promise<boolean> {
  const recipientKey = `user:${task.userId}`;
  return db.$transaction(async (tx) => {
    const email = await enqueueEmail(tx, {
      key: `task-reminder:${task.taskId}:${recipientKey}:${task.lead}`,
      firmId: task.firmId,
      template: 'task-reminder',
      locale: task.locale,
      to: task.email,
      responsibleUserId: task.userId,
      props: {
        firmName: task.firmName,
        recipientName: task.name ?? task.email,
        taskTitle: task.title,
        clientName: `${task.clientFirstName} ${task.clientLastName}`,
        caseReference: task.caseReference,
        dueOn: fromDbDate(task.dueOn),
        daysLeft: daysBetween(day, task.dueOn),
        caseUrl: new URL(`/cases/${task.caseId}`, env().APP_URL).toString(),
      },
    });
    // Another sweep may have written this one first: the unique key keeps it to one.
    const rows = await tx.reminder.createMany({
      data: [{ firmId: task.firmId, taskId: task.taskId, recipientKey, recipientUserId: task.userId, recipientEmail: task.email, leadDays: task.lead, dueAt: reminderInstant(addDaysPlain(fromDbDate(task.dueOn), -task.lead)), status: 'QUEUED', outboxId: email.created ? email.id : null }],
      skipDuplicates: true,
    });
    return rows.count === 1;
  });
}
