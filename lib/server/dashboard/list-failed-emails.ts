import type { StaffActor } from '@/lib/auth/actor';
import { assertCan, can } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { DASHBOARD_LIST_LIMIT } from './dashboard-scope';

export type FailedEmail = {
  id: string;
  createdAt: string;
  template: string;
  toEmail: string;
  subject: string;
  lastError: string | null;
};

export type FailedEmails = {
  items: FailedEmail[];
  total: number;
  /** True for those who read the outbox (admins): they see every such email of the firm, not only their own. */
  firmWide: boolean;
};

/**
 * Emails the recipient's server refused for good (a wrong or dead address), for the person who can fix the
 * address: the member responsible for each, and admins for the whole firm. Transient failures are left out:
 * the worker retries them, and when it gives up the cause is the mail server, not an address to correct.
 */
export async function listFailedEmails({ actor, limit = DASHBOARD_LIST_LIMIT }: { actor: StaffActor; limit?: number }): Promise<FailedEmails> {
  assertCan(actor, 'case.read');
  const firmWide = can(actor.role, 'outbox.read');
  const where: Prisma.EmailOutboxWhereInput = {
    firmId: actor.firmId,
    status: 'FAILED',
    permanentFailure: true,
    responsibleUserId: firmWide ? undefined : actor.userId,
  };
  const db = getDb();
  const [rows, total] = await Promise.all([
    db.emailOutbox.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit,
      select: { id: true, createdAt: true, template: true, toEmail: true, subject: true, lastError: true },
    }),
    db.emailOutbox.count({ where }),
  ]);
  return { items: rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })), total, firmWide };
}
