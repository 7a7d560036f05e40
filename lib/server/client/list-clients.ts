import { z } from 'zod';
import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { searchable } from '@/lib/server/search-text';
import { parseInput } from '@/lib/server/validate';

const ZQuery = z.object({
  q: z.preprocess((v) => (typeof v === 'string' && v.trim() ? v : undefined), z.string().max(100).optional()),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

export const CLIENTS_PAGE_SIZE = 50;

// Prisma passes `contains` to LIKE as is: a typed % or _ would match everything.
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Clients of the firm, by name, with a search over names and file numbers (trigram index on searchText). */
export async function listClients({ actor, query }: { actor: StaffActor; query: unknown }) {
  assertCan(actor, 'client.read');
  const { q, page } = parseInput(ZQuery, query);
  const where = { firmId: actor.firmId, deletedAt: null, ...(q ? { searchText: { contains: escapeLike(searchable(q)) } } : {}) };
  const db = getDb();
  const [rows, total] = await Promise.all([
    db.client.findMany({
      where,
      orderBy: [{ lastName: 'asc' }, { firstName: 'asc' }, { id: 'asc' }],
      skip: (page - 1) * CLIENTS_PAGE_SIZE,
      take: CLIENTS_PAGE_SIZE,
      select: { id: true, fileNumber: true, firstName: true, lastName: true, nationality: true, language: true, commune: true, portalUserId: true, _count: { select: { cases: { where: { deletedAt: null } } } } },
    }),
    db.client.count({ where }),
  ]);
  return { rows, total, page, pageSize: CLIENTS_PAGE_SIZE, q: q ?? '' };
}
