import { z } from 'zod';
import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { OUTBOX_ONLY } from '@/lib/email/deliver-outbox';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { EmailLocale, OutboxStatus } from '@/lib/generated/prisma/enums';
import { parseInput } from '@/lib/server/validate';

// The outbox screen: admins only, one firm only (firmId is in every statement), newest first, paged on
// (createdAt, id) so a page never shifts while the worker writes new rows.

/** The tabs. PENDING also covers SENDING: a claimed row is still waiting for its outcome. */
export const OUTBOX_STATUS_FILTERS = ['all', 'PENDING', 'RETRYING', 'SENT', 'FAILED'] as const;
export type OutboxStatusFilter = (typeof OUTBOX_STATUS_FILTERS)[number];

export const OUTBOX_PAGE_SIZE = 50;

// "<createdAt in ms>.<id>": ids are cuids or UUIDs, neither contains a dot.
const CURSOR = /^(\d{1,15})\.([A-Za-z0-9_-]{1,64})$/;

// Search params arrive as strings, and an empty field means "no filter".
export const ZOutboxQuery = z.object({
  status: z.enum(OUTBOX_STATUS_FILTERS).default('all'),
  template: z.string().trim().regex(/^[a-z0-9-]{1,64}$/, 'template').optional(),
  // Part of the recipient's address, any case.
  q: z.string().trim().min(1).max(200).optional(),
  cursor: z.string().regex(CURSOR, 'cursor').optional(),
  limit: z.coerce.number().int().min(1).max(200).default(OUTBOX_PAGE_SIZE),
});

export type OutboxListItem = {
  id: string;
  createdAt: Date;
  template: string;
  locale: EmailLocale;
  toEmail: string;
  subject: string;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: Date;
  sentAt: Date | null;
  lastError: string | null;
  permanentFailure: boolean;
  providerMessageId: string | null;
  /** SENT without a mail server (SMTP_URL unset): it exists only here. */
  outboxOnly: boolean;
};

export type OutboxCounts = Record<OutboxStatusFilter, number>;

export type OutboxPage = {
  items: OutboxListItem[];
  nextCursor: string | null;
  /** Per tab, for the whole firm (not narrowed by template or recipient). */
  counts: OutboxCounts;
  /** Every template the firm's outbox holds, for the filter. */
  templates: string[];
};

const STATUSES: Record<Exclude<OutboxStatusFilter, 'all'>, OutboxStatus[]> = {
  PENDING: ['PENDING', 'SENDING'],
  RETRYING: ['RETRYING'],
  SENT: ['SENT'],
  FAILED: ['FAILED'],
};

const tabOf = (status: OutboxStatus): Exclude<OutboxStatusFilter, 'all'> => (status === 'SENDING' ? 'PENDING' : status);

const encodeCursor = (row: { createdAt: Date; id: string }) => `${row.createdAt.getTime()}.${row.id}`;

function withoutBlanks(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== '' && value !== null && value !== undefined));
}

export async function listOutbox({ actor, input = {} }: { actor: StaffActor; input?: Record<string, unknown> }): Promise<OutboxPage> {
  assertCan(actor, 'outbox.read');
  const query = parseInput(ZOutboxQuery, withoutBlanks(input));
  const db = getDb();
  const firmId = actor.firmId;

  const after = query.cursor ? CURSOR.exec(query.cursor) : null;
  const at = after ? new Date(Number(after[1])) : null;
  const where: Prisma.EmailOutboxWhereInput = {
    firmId,
    status: query.status === 'all' ? undefined : { in: STATUSES[query.status] },
    template: query.template,
    toEmail: query.q ? { contains: query.q, mode: 'insensitive' } : undefined,
    OR: at && after ? [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: after[2] } }] : undefined,
  };

  const [rows, groups] = await Promise.all([
    db.emailOutbox.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: query.limit + 1,
      select: {
        id: true, createdAt: true, template: true, locale: true, toEmail: true, subject: true, status: true, attempts: true,
        nextAttemptAt: true, sentAt: true, lastError: true, permanentFailure: true, providerMessageId: true,
      },
    }),
    // One pass over the firm's rows gives both the tab counts and the templates the filter offers.
    db.emailOutbox.groupBy({ by: ['status', 'template'], where: { firmId }, _count: { _all: true } }),
  ]);

  const counts: OutboxCounts = { all: 0, PENDING: 0, RETRYING: 0, SENT: 0, FAILED: 0 };
  for (const group of groups) {
    counts.all += group._count._all;
    counts[tabOf(group.status)] += group._count._all;
  }
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({ ...row, outboxOnly: row.status === 'SENT' && row.providerMessageId === OUTBOX_ONLY })),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
    counts,
    templates: [...new Set(groups.map((group) => group.template))].sort(),
  };
}
