import { z } from 'zod';
import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { pageCountOf, sortFields, ZPageNumber, type SortDirection } from '@/lib/server/list-query';
import { searchable } from '@/lib/server/search-text';
import { identitySearchHashes } from './identity-numbers';
import { parseInput } from '@/lib/server/validate';

export const CLIENT_SORT_KEYS = ['name', 'fileNumber', 'nationality', 'commune'] as const;
export type ClientSortKey = (typeof CLIENT_SORT_KEYS)[number];

const ZQuery = z.object({
  q: z.preprocess((v) => (typeof v === 'string' && v.trim() ? v : undefined), z.string().max(100).optional()),
  page: ZPageNumber,
  ...sortFields(CLIENT_SORT_KEYS, 'name'),
});

export const CLIENTS_PAGE_SIZE = 50;

type Order = Prisma.ClientOrderByWithRelationInput[];

// Every order ends on the id, so rows with the same name never swap between two page loads, and the later
// keys run in the same direction as the first: each order is one walk of an index (see schema.prisma), forward
// or backward. So a client without a commune sorts as Postgres puts NULL, after Z: last from A to Z, first from
// Z to A. Keeping blanks last both ways made Z to A a sort of the whole firm (160 ms at 80,000 clients).
const ORDERS: Record<ClientSortKey, (dir: SortDirection) => Order> = {
  name: (dir) => [{ lastName: dir }, { firstName: dir }, { id: dir }],
  fileNumber: (dir) => [{ fileNumber: dir }, { id: dir }],
  nationality: (dir) => [{ nationality: dir }, { lastName: dir }, { firstName: dir }, { id: dir }],
  commune: (dir) => [{ commune: dir }, { lastName: dir }, { firstName: dir }, { id: dir }],
};

// Prisma passes `contains` to LIKE as is: a typed % or _ would match everything.
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * A name or file number anywhere in searchText; a whole national register or passport number exactly, by its
 * keyed hash (the numbers are stored sealed, so part of one finds nothing).
 */
function searchMatches(firmId: string, q: string): Prisma.ClientWhereInput[] {
  const hashes = identitySearchHashes(firmId, q);
  return [
    { searchText: { contains: escapeLike(searchable(q)) } },
    ...(hashes.nationalRegisterNumberHash ? [{ nationalRegisterNumberHash: hashes.nationalRegisterNumberHash }] : []),
    ...(hashes.passportNumberHash ? [{ passportNumberHash: hashes.passportNumberHash }] : []),
  ];
}

/**
 * Clients of the firm, sorted and paged, with a search over names and file numbers (trigram index on
 * searchText) and exact identity numbers. `sort` is one of CLIENT_SORT_KEYS and `dir` asc or desc (default: by name, A to Z); anything
 * else is refused with VALIDATION.
 */
export async function listClients({ actor, query }: { actor: StaffActor; query: unknown }) {
  assertCan(actor, 'client.read');
  const { q, page, sort, dir = 'asc' } = parseInput(ZQuery, query);
  const where: Prisma.ClientWhereInput = { firmId: actor.firmId, deletedAt: null, ...(q ? { OR: searchMatches(actor.firmId, q) } : {}) };
  const db = getDb();
  const [clients, total] = await Promise.all([
    db.client.findMany({
      where,
      orderBy: ORDERS[sort](dir),
      skip: (page - 1) * CLIENTS_PAGE_SIZE,
      take: CLIENTS_PAGE_SIZE,
      select: { id: true, fileNumber: true, firstName: true, lastName: true, nationality: true, language: true, commune: true, portalUserId: true },
    }),
    db.client.count({ where }),
  ]);
  // Cases counted for the page's clients only. A `_count` in the select above is a subquery per client the
  // sort looks at: every client of the firm when the order is not an index walk, or a deep page (0.6 s at
  // 80,000 clients).
  const counts =
    clients.length === 0
      ? []
      : await db.case.groupBy({ by: ['clientId'], where: { firmId: actor.firmId, clientId: { in: clients.map((client) => client.id) }, deletedAt: null }, _count: { _all: true } });
  const caseCount = new Map(counts.map((row) => [row.clientId, row._count._all]));
  const rows = clients.map((client) => ({ ...client, caseCount: caseCount.get(client.id) ?? 0 }));
  return { rows, total, page, pageSize: CLIENTS_PAGE_SIZE, pageCount: pageCountOf(total, CLIENTS_PAGE_SIZE), q: q ?? '', sort, dir };
}

export type ClientListRow = Awaited<ReturnType<typeof listClients>>['rows'][number];
