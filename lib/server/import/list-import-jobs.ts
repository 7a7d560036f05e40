import { z } from 'zod';
import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { pageCountOf, sortFields, ZPageNumber, type SortDirection } from '@/lib/server/list-query';
import { parseInput } from '@/lib/server/validate';

export const IMPORT_SORT_KEYS = ['date', 'fileName'] as const;
export type ImportSortKey = (typeof IMPORT_SORT_KEYS)[number];

/** The newest upload first; file names read from A. */
export const importSortDefault = (sort: ImportSortKey): SortDirection => (sort === 'date' ? 'desc' : 'asc');

const ZQuery = z.object({ page: ZPageNumber, ...sortFields(IMPORT_SORT_KEYS, 'date') });

export const IMPORT_JOBS_PAGE_SIZE = 10;

// The id last, so two uploads of the same second (or the same file name) keep their places from page to page.
const ORDERS: Record<ImportSortKey, (dir: SortDirection) => Prisma.ImportJobOrderByWithRelationInput[]> = {
  date: (dir) => [{ createdAt: dir }, { id: dir }],
  fileName: (dir) => [{ fileName: dir }, { createdAt: 'desc' }, { id: dir }],
};

/**
 * The firm's imports, for picking one up again, sorted (`sort`: date or fileName, `dir`) and paged; anything
 * else is refused with VALIDATION. The uploads themselves are not read.
 */
export async function listImportJobs({ actor, query = {} }: { actor: StaffActor; query?: unknown }) {
  assertCan(actor, 'import.run');
  const { page, sort, dir = importSortDefault(sort) } = parseInput(ZQuery, query);
  const where = { firmId: actor.firmId };
  const db = getDb();
  const [rows, total] = await Promise.all([
    db.importJob.findMany({
      where,
      orderBy: ORDERS[sort](dir),
      skip: (page - 1) * IMPORT_JOBS_PAGE_SIZE,
      take: IMPORT_JOBS_PAGE_SIZE,
      select: { id: true, fileName: true, status: true, totalRows: true, createdAt: true },
    }),
    db.importJob.count({ where }),
  ]);
  return { rows, total, page, pageSize: IMPORT_JOBS_PAGE_SIZE, pageCount: pageCountOf(total, IMPORT_JOBS_PAGE_SIZE), sort, dir };
}
