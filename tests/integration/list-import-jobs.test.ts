import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportJob } from '@/lib/generated/prisma/client';
import { setupTestDatabase } from './support/test-database';
import { createFirmWithStaff, expectAppError, type FirmWithStaff } from './support/fixtures';

await setupTestDatabase();
const { getDb } = await import('@/lib/db');
const { listImportJobs, IMPORT_JOBS_PAGE_SIZE } = await import('@/lib/server/import/list-import-jobs');

const db = getDb();

/**
 * Firm A: twelve uploads (more than a page) on different days, written in an order that is neither their dates'
 * nor their names', two of them in the same millisecond and two with the same file name; firm B: the same files.
 */
const FILES = ['klanten.csv', 'alpha.csv', 'zomer.csv', 'beta.csv', 'klanten.csv', 'maart.csv', 'gamma.csv', 'april.csv', 'delta.csv', 'juni.csv', 'epsilon.csv', 'mei.csv'];
const DAYS = [5, 11, 2, 9, 7, 1, 12, 3, 9, 4, 10, 6];
const at = (day: number) => new Date(Date.UTC(2026, 10, day, 9, 30));

let a: FirmWithStaff;
let b: FirmWithStaff;
let jobs: ImportJob[];
let bIds: Set<string>;

async function addJobs(firm: FirmWithStaff): Promise<ImportJob[]> {
  const out: ImportJob[] = [];
  for (const [i, fileName] of FILES.entries()) {
    out.push(await db.importJob.create({ data: { id: randomUUID(), firmId: firm.firm.id, createdById: firm.admin.user.id, fileName, totalRows: i + 1, createdAt: at(DAYS[i]!) } }));
  }
  return out;
}

beforeAll(async () => {
  [a, b] = [await createFirmWithStaff('Imports A'), await createFirmWithStaff('Imports B')];
  jobs = await addJobs(a);
  bIds = new Set((await addJobs(b)).map((job) => job.id));
});

const all = async (query: Record<string, string>) => {
  const first = await listImportJobs({ actor: a.advisor.actor, query });
  const second = await listImportJobs({ actor: a.advisor.actor, query: { ...query, page: '2' } });
  return { first, rows: [...first.rows, ...second.rows] };
};
const cmp = <T,>(x: T, y: T) => (x < y ? -1 : x > y ? 1 : 0);

describe('listImportJobs', () => {
  it('shows the newest upload first by default, a page of ten at a time, two of the same moment by id', async () => {
    const { first, rows } = await all({});
    expect(first).toMatchObject({ sort: 'date', dir: 'desc', total: FILES.length, pageCount: 2, pageSize: IMPORT_JOBS_PAGE_SIZE });
    expect(first.rows).toHaveLength(IMPORT_JOBS_PAGE_SIZE);
    const expected = [...jobs].sort((x, y) => cmp(y.createdAt.getTime(), x.createdAt.getTime()) || cmp(y.id, x.id)).map((job) => job.id);
    expect(rows.map((job) => job.id)).toEqual(expected);
    expect(rows.map((job) => job.createdAt.getUTCDate())).toEqual([12, 11, 10, 9, 9, 7, 6, 5, 4, 3, 2, 1]);
  });

  it('sorts by date oldest first', async () => {
    const { rows } = await all({ sort: 'date', dir: 'asc' });
    const expected = [...jobs].sort((x, y) => cmp(x.createdAt.getTime(), y.createdAt.getTime()) || cmp(x.id, y.id)).map((job) => job.id);
    expect(rows.map((job) => job.id)).toEqual(expected);
  });

  it.each(['asc', 'desc'] as const)('sorts by file name, %s, the newest of the same name first', async (dir) => {
    const { first, rows } = await all({ sort: 'fileName', dir });
    expect(first).toMatchObject({ sort: 'fileName', dir });
    // Lower-case ASCII names, which every collation sorts alike; the two "klanten.csv" side by side, newest first.
    const names = rows.map((job) => job.fileName);
    const sorted = [...FILES].sort();
    expect(names).toEqual(dir === 'asc' ? sorted : sorted.reverse());
    const klanten = rows.filter((job) => job.fileName === 'klanten.csv');
    expect(klanten.map((job) => job.createdAt.getUTCDate())).toEqual([7, 5]);
    expect(new Set(rows.map((job) => job.id))).toEqual(new Set(jobs.map((job) => job.id)));
  });

  it('defaults file names to A to Z', async () => {
    expect(await listImportJobs({ actor: a.advisor.actor, query: { sort: 'fileName' } })).toMatchObject({ sort: 'fileName', dir: 'asc' });
  });

  it.each([
    [{ sort: 'status' }, 'sort'],
    [{ sort: 'createdAt' }, 'sort'],
    [{ dir: 'newest' }, 'dir'],
    [{ page: '0' }, 'page'],
  ])('refuses %o with VALIDATION naming %s', async (query, field) => {
    const error = (await expectAppError(listImportJobs({ actor: a.advisor.actor, query }), 'VALIDATION')) as unknown as { details: { fieldErrors: Record<string, string[]> } };
    expect(Object.keys(error.details.fieldErrors)).toEqual([field]);
  });

  it("never lists another firm's imports, in any order", async () => {
    const queries: Record<string, string>[] = [{}, { sort: 'date', dir: 'asc' }, { sort: 'fileName' }, { sort: 'fileName', dir: 'desc' }];
    for (const query of queries) {
      const { first, rows } = await all(query);
      expect(first.total).toBe(FILES.length);
      expect(rows.some((job) => bIds.has(job.id)), JSON.stringify(query)).toBe(false);
    }
    const fromB = await listImportJobs({ actor: b.admin.actor, query: { sort: 'fileName' } });
    expect(fromB.rows.every((job) => bIds.has(job.id))).toBe(true);
    const empty = await createFirmWithStaff('No imports');
    expect(await listImportJobs({ actor: empty.admin.actor })).toMatchObject({ rows: [], total: 0, pageCount: 1 });
  });
});
