import type { Db } from '@/lib/db';

/** Messages not yet sent: `waiting` in all, `due` of them that a worker could claim now, and the oldest due. */
export type OutboxBacklog = { waiting: number; due: number; oldestDueAt: Date | null };

/**
 * The outbox's backlog across every firm, for /api/health and /api/metrics: counts only, nothing about a message.
 * "Due" is what the delivery's claim would take (see deliver-outbox.ts): its time has come and no live lease
 * holds it. Read through the partial index of unsent rows, so it costs the backlog, not the outbox's history.
 */
export async function readOutboxBacklog(db: Db, now: Date): Promise<OutboxBacklog> {
  const [row] = await db.$queryRaw<{ waiting: number; due: number; oldestDueAt: Date | null }[]>`
    SELECT count(*)::int AS "waiting",
           count(*) FILTER (WHERE "nextAttemptAt" <= ${now} AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${now}))::int AS "due",
           min("nextAttemptAt") FILTER (WHERE "nextAttemptAt" <= ${now} AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${now})) AS "oldestDueAt"
    FROM "EmailOutbox"
    WHERE "status" IN ('PENDING', 'RETRYING', 'SENDING')`;
  return { waiting: row?.waiting ?? 0, due: row?.due ?? 0, oldestDueAt: row?.oldestDueAt ?? null };
}
