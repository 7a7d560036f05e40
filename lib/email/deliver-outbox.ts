import { randomUUID } from 'node:crypto';
import { utcTimestamp } from '@/lib/dates';
import type { Db } from '@/lib/db';
import { env } from '@/lib/env';
import type { Prisma } from '@/lib/generated/prisma/client';
import { classifySendError } from './classify-send-error';
import { ZEmailAttachments } from './email-attachments';
import { afterTransientFailure } from './retry-policy';
import type { MailTransport } from './transport';

/** providerMessageId of rows "delivered" without SMTP: the outbox was the delivery (dev mailbox). */
export const OUTBOX_ONLY = 'outbox-only';

// The transport pools 5 connections. Two messages per connection keep each one busy: nodemailer composes
// the next message while the server answers the last (measured: about a third more messages per second).
// A batch still goes over the same 5 connections, so the lease below holds as before.
const DEFAULT_CONCURRENCY = 10;

// Longer than the worst batch can take against a hung server (see the timeouts in transport.ts).
const DEFAULT_LOCK_MS = 15 * 60_000;

export type DeliveryReport = { claimed: number; sent: number; retrying: number; failed: number; lostClaims: number };

export type DeliverOptions = {
  db: Db;
  /** null when SMTP_URL is unset: rows are marked SENT as outbox-only and never sent later */
  transport: Pick<MailTransport, 'sendMail'> | null;
  batchSize?: number;
  /** the clock for this run (due-ness, locks, backoff, timestamps); tests pass it instead of sleeping */
  now?: Date;
  from?: string;
  /** how long a claim holds; must exceed the worst time a batch can take (see transport timeouts) */
  lockMs?: number;
  /** messages of the batch handed to the transport at once (DEFAULT_CONCURRENCY) */
  concurrency?: number;
};

type ClaimedEmail = { id: string; toEmail: string; subject: string; html: string; text: string; attempts: number; attachments: unknown };
type Outcome = { ok: true; providerMessageId: string } | { ok: false; permanent: boolean; message: string };

/**
 * Sends one batch of due outbox rows. Any number of workers may call this at once: rows are claimed
 * with FOR UPDATE SKIP LOCKED and a lease (lockedUntil), so each claim goes to one worker, and a worker
 * that dies mid-batch only delays its rows until the lease runs out. Every attempt is recorded, and a
 * row is SENT only when the SMTP server accepted it.
 *
 * The messages the server accepted are recorded together when the batch's sends are done (one transaction
 * for the batch instead of one per message, which is what lets a worker keep up with a large sweep). A
 * worker killed in between resends those messages when the lease runs out, with the same Message-ID; the
 * window is one batch. A refused message is recorded at once, on its own.
 */
export async function deliverDueEmails(options: DeliverOptions): Promise<DeliveryReport> {
  const clock = options.now ? () => options.now as Date : () => new Date();
  const from = options.from ?? env().MAIL_FROM;
  const claimed = await claimDueEmails(options.db, clock(), options.lockMs ?? DEFAULT_LOCK_MS, options.batchSize ?? 50);
  const report: DeliveryReport = { claimed: claimed.length, sent: 0, retrying: 0, failed: 0, lostClaims: 0 };

  const accepted: { email: ClaimedEmail; providerMessageId: string }[] = [];
  try {
    await forEachConcurrently(claimed, options.concurrency ?? DEFAULT_CONCURRENCY, async (email) => {
      const outcome: Outcome = options.transport ? await send(options.transport, from, email) : { ok: true, providerMessageId: OUTBOX_ONLY };
      if (outcome.ok) {
        accepted.push({ email, providerMessageId: outcome.providerMessageId });
        return;
      }
      const result = await recordFailure(options.db, email, outcome, clock());
      if (result === 'lost') report.lostClaims += 1;
      else report[result] += 1;
    });
  } finally {
    // Even when recording a failure threw, what the server accepted is recorded.
    if (accepted.length > 0) {
      const recorded = await recordAccepted(options.db, accepted, clock());
      report.sent += recorded;
      report.lostClaims += accepted.length - recorded;
    }
  }
  return report;
}

async function claimDueEmails(db: Db, now: Date, lockMs: number, limit: number): Promise<ClaimedEmail[]> {
  const lockedUntil = new Date(now.getTime() + lockMs);
  // SENDING rows whose lease ran out were claimed by a worker that died (or lost its database) before
  // it could record the result; they are due again. `attempts` counts claims, so a message that
  // crashes the worker every time still ends up FAILED instead of looping forever.
  return db.$queryRaw<ClaimedEmail[]>`
    UPDATE "EmailOutbox" AS o
    SET "status" = 'SENDING', "lockedUntil" = ${lockedUntil}, "attempts" = o."attempts" + 1
    WHERE o."id" IN (
      SELECT "id" FROM "EmailOutbox"
      WHERE "status" IN ('PENDING', 'RETRYING', 'SENDING')
        AND "nextAttemptAt" <= ${now}
        AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${now})
      ORDER BY "nextAttemptAt"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING o."id", o."toEmail", o."subject", o."html", o."text", o."attempts", o."attachments"`;
}

async function send(transport: Pick<MailTransport, 'sendMail'>, from: string, email: ClaimedEmail): Promise<Outcome> {
  try {
    // Checked when queued; parsed again because the column is JSON.
    const attachments = email.attachments === null ? [] : ZEmailAttachments.parse(email.attachments);
    const info = await transport.sendMail({
      from,
      to: email.toEmail,
      subject: email.subject,
      html: email.html,
      text: email.text,
      ...(attachments.length > 0 ? { attachments: attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })) } : {}),
      // The same Message-ID on every attempt: if a worker dies after the server accepted a message but
      // before the row says SENT, the resend is recognisably the same message (and deduplicated by many MTAs).
      messageId: `<outbox-${email.id}@${domainOf(from)}>`,
    });
    if (info.rejected.length > 0 || info.accepted.length === 0) {
      return { ok: false, ...classifySendError(info.rejectedErrors?.[0] ?? { message: `recipient not accepted: ${info.response}` }) };
    }
    return { ok: true, providerMessageId: info.messageId };
  } catch (error) {
    return { ok: false, ...classifySendError(error) };
  }
}

/**
 * Records the accepted messages of a batch in one statement: one attempt each, SENT for the rows whose claim is
 * still ours, and those rows added to the per-template sent counts (/api/metrics), so the counts can never
 * disagree with what was marked. Arrays rather than a row of parameters per message, so the statement is the
 * same for every batch (Prisma keeps a plan per distinct query shape; a createMany per batch size grew that
 * cache until the worker ran out of memory).
 */
async function recordAccepted(db: Db, accepted: { email: ClaimedEmail; providerMessageId: string }[], now: Date): Promise<number> {
  const at = utcTimestamp(now);
  const [row] = await db.$queryRaw<{ sent: number }[]>`
    WITH v AS (
      SELECT * FROM unnest(
        ${accepted.map(() => randomUUID())}::text[], ${accepted.map((a) => a.email.id)}::text[],
        ${accepted.map((a) => a.email.attempts)}::int[], ${accepted.map((a) => a.providerMessageId)}::text[]
      ) AS v("attemptId", "id", "attempts", "providerMessageId")
    ), logged AS (
      -- The attempt happened whatever becomes of the row, so it is logged unconditionally.
      INSERT INTO "EmailAttempt" ("id", "outboxId", "at", "ok", "providerMessageId")
      SELECT v."attemptId", v."id", ${at}::timestamp(3), true, v."providerMessageId" FROM v
    ), sent AS (
      -- Only while the claim is still ours (same attempt number, still SENDING): if the lease ran out and
      -- another worker took the row, its result is the one that counts.
      UPDATE "EmailOutbox" AS o
      SET "status" = 'SENT', "sentAt" = ${at}::timestamp(3), "providerMessageId" = v."providerMessageId", "lockedUntil" = NULL, "lastError" = NULL
      FROM v
      WHERE o."id" = v."id" AND o."status" = 'SENDING' AND o."attempts" = v."attempts"
      RETURNING o."template"
    ), counted AS (
      -- In template order: two workers' batches lock the counter rows they share in the same order, so they
      -- wait for each other instead of deadlocking (which would fail a batch the server already accepted).
      INSERT INTO "EmailSentCount" ("template", "sent")
      SELECT "template", count(*) FROM sent GROUP BY "template" ORDER BY "template"
      ON CONFLICT ("template") DO UPDATE SET "sent" = "EmailSentCount"."sent" + EXCLUDED."sent"
    )
    SELECT count(*)::int AS "sent" FROM sent`;
  return row?.sent ?? 0;
}

async function recordFailure(db: Db, email: ClaimedEmail, outcome: Extract<Outcome, { ok: false }>, now: Date): Promise<'retrying' | 'failed' | 'lost'> {
  let result: 'retrying' | 'failed';
  let data: Prisma.EmailOutboxUpdateManyMutationInput;
  if (outcome.permanent) {
    result = 'failed';
    data = { status: 'FAILED', permanentFailure: true, lockedUntil: null, lastError: outcome.message };
  } else {
    const next = afterTransientFailure(email.attempts, now);
    result = 'retryAt' in next ? 'retrying' : 'failed';
    data = 'retryAt' in next
      ? { status: 'RETRYING', nextAttemptAt: next.retryAt, lockedUntil: null, lastError: outcome.message }
      : { status: 'FAILED', lockedUntil: null, lastError: outcome.message };
  }
  const [, update] = await db.$transaction([
    // The attempt happened whatever becomes of the row, so it is logged unconditionally.
    db.emailAttempt.create({ data: { outboxId: email.id, at: now, ok: false, providerMessageId: null, error: outcome.message } }),
    db.emailOutbox.updateMany({ where: { id: email.id, status: 'SENDING', attempts: email.attempts }, data }),
  ]);
  return update.count === 1 ? result : 'lost';
}

function domainOf(from: string): string {
  return /@([^\s<>@]+)>?\s*$/.exec(from)?.[1] ?? 'sejour.local';
}

/** Runs fn over items, at most `limit` at a time; waits for all, then rethrows the first failure. */
async function forEachConcurrently<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await fn(item);
    }
  });
  const results = await Promise.allSettled(lanes);
  const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure) throw failure.reason;
}
