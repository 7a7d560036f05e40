import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StaffActor } from '@/lib/auth/actor';
import type { Client } from '@/lib/generated/prisma/client';
import { setupTestDatabase } from './support/test-database';
import { createFirmWithStaff, expectAppError, unique, type FirmWithStaff } from './support/fixtures';

const url = await setupTestDatabase();
// Without index walks, a plan's order comes from its ORDER BY alone: an order that left out the id would show as
// rows that tie changing places, instead of coming out in the order of an index that happens to end on the id.
// Set before lib/db opens its first connection, so every connection of this file has it.
const admin = new pg.Client({ connectionString: url });
await admin.connect();
await admin.query(`DO $$ BEGIN
  EXECUTE format('ALTER DATABASE %I SET enable_indexscan = off', current_database());
  EXECUTE format('ALTER DATABASE %I SET enable_indexonlyscan = off', current_database());
  EXECUTE format('ALTER DATABASE %I SET enable_bitmapscan = off', current_database());
END $$`);
await admin.end();
const { getDb } = await import('@/lib/db');
const { listClients, CLIENTS_PAGE_SIZE, CLIENT_SORT_KEYS } = await import('@/lib/server/client/list-clients');
const { readListWithDefaults } = await import('@/lib/server/list-query');

const db = getDb();

/**
 * Firm A: five clients whose file numbers, names, nationalities and communes each sort differently, two with
 * the same name (so only the id orders them), one without a commune, and one deleted. Firm B: the same people,
 * so a leak across firms would sort right in among them. Values are plain ASCII of one case, so any collation
 * the server runs with sorts them as JavaScript does.
 */
type Spec = { fileNumber: string; lastName: string; firstName: string; nationality: string; commune: string | null };
const PEOPLE: Spec[] = [
  { fileNumber: 'K-03', lastName: 'Baker', firstName: 'Jan', nationality: 'MA', commune: 'Gent' },
  { fileNumber: 'K-01', lastName: 'Dupont', firstName: 'Lea', nationality: 'BE', commune: 'Antwerpen' },
  { fileNumber: 'K-05', lastName: 'Baker', firstName: 'Jan', nationality: 'TR', commune: null },
  { fileNumber: 'K-02', lastName: 'Adams', firstName: 'Zoe', nationality: 'BE', commune: 'Brugge' },
  { fileNumber: 'K-04', lastName: 'Clark', firstName: 'Amir', nationality: 'PT', commune: 'Gent' },
];

async function addClients(firm: FirmWithStaff, people: Spec[]): Promise<Client[]> {
  const out: Client[] = [];
  for (const person of people) {
    out.push(await db.client.create({ data: { firmId: firm.firm.id, ...person, citizenship: 'NON_EU', language: 'nl', searchText: `${person.firstName} ${person.lastName} ${person.fileNumber}`.toLowerCase() } }));
  }
  return out;
}

let a: FirmWithStaff;
let b: FirmWithStaff;
let crowd: FirmWithStaff;
let aClients: Client[];
let bIds: Set<string>;
let crowdIds: string[];

beforeAll(async () => {
  [a, b, crowd] = [await createFirmWithStaff('Sort A'), await createFirmWithStaff('Sort B'), await createFirmWithStaff('Sort crowd')];
  aClients = await addClients(a, PEOPLE);
  const [gone] = await addClients(a, [{ fileNumber: 'K-00', lastName: 'Aaron', firstName: 'Gone', nationality: 'AA', commune: 'Aalst' }]);
  await db.client.update({ where: { id: gone!.id }, data: { deletedAt: new Date() } });
  bIds = new Set((await addClients(b, PEOPLE)).map((client) => client.id));
  // More than a page of clients who are the same in every sort key but the file number, with random ids so that
  // the order they were written in is not the order of their ids.
  const tag = unique();
  await db.client.createMany({
    data: Array.from({ length: CLIENTS_PAGE_SIZE + 12 }, (_, i) => ({
      id: randomUUID(),
      firmId: crowd.firm.id, fileNumber: `C-${tag}-${String(i).padStart(3, '0')}`, firstName: 'Sam', lastName: 'Same', nationality: 'MA', citizenship: 'NON_EU' as const, language: 'fr' as const, commune: 'Gent',
    })),
  });
  crowdIds = (await db.client.findMany({ where: { firmId: crowd.firm.id }, select: { id: true } })).map((client) => client.id);
});

// The orders listClients promises, written out on the rows: NULL after every commune, the id last.
const KEYS: Record<(typeof CLIENT_SORT_KEYS)[number], (client: Client) => (string | null)[]> = {
  name: (c) => [c.lastName, c.firstName, c.id],
  fileNumber: (c) => [c.fileNumber, c.id],
  nationality: (c) => [c.nationality, c.lastName, c.firstName, c.id],
  commune: (c) => [c.commune, c.lastName, c.firstName, c.id],
};
function compareKeys(x: (string | null)[], y: (string | null)[]): number {
  for (let i = 0; i < x.length; i++) {
    const [p, q] = [x[i] ?? null, y[i] ?? null];
    if (p === q) continue;
    if (p === null) return 1;
    if (q === null) return -1;
    return p < q ? -1 : 1;
  }
  return 0;
}
function expected(clients: Client[], sort: keyof typeof KEYS, dir: 'asc' | 'desc'): string[] {
  const sorted = [...clients].sort((x, y) => compareKeys(KEYS[sort](x), KEYS[sort](y)));
  return (dir === 'asc' ? sorted : sorted.reverse()).map((client) => client.id);
}

const ids = (page: { rows: { id: string }[] }) => page.rows.map((row) => row.id);
const list = (actor: StaffActor, query: Record<string, unknown>) => listClients({ actor, query });
const byFile = (fileNumber: string) => aClients.find((client) => client.fileNumber === fileNumber)!.id;

describe('listClients sorting', () => {
  it.each(CLIENT_SORT_KEYS.flatMap((sort) => (['asc', 'desc'] as const).map((dir) => [sort, dir] as const)))('sorts by %s, %s', async (sort, dir) => {
    const page = await list(a.advisor.actor, { sort, dir });
    expect(page).toMatchObject({ sort, dir, total: PEOPLE.length, page: 1 });
    expect(ids(page)).toEqual(expected(aClients, sort, dir));
  });

  it('puts the rows in the orders a reader expects, spelled out', async () => {
    const files = async (query: Record<string, string>) => (await list(a.advisor.actor, query)).rows.map((row) => row.fileNumber);
    const [firstBaker, secondBaker] = [byFile('K-03'), byFile('K-05')].sort();
    const bakers = [firstBaker, secondBaker].map((id) => aClients.find((client) => client.id === id)!.fileNumber);
    expect(await files({})).toEqual(['K-02', ...bakers, 'K-04', 'K-01']);
    expect(await files({ sort: 'name', dir: 'desc' })).toEqual(['K-01', 'K-04', ...[...bakers].reverse(), 'K-02']);
    expect(await files({ sort: 'fileNumber' })).toEqual(['K-01', 'K-02', 'K-03', 'K-04', 'K-05']);
    expect(await files({ sort: 'fileNumber', dir: 'desc' })).toEqual(['K-05', 'K-04', 'K-03', 'K-02', 'K-01']);
    expect(await files({ sort: 'nationality' })).toEqual(['K-02', 'K-01', 'K-03', 'K-04', 'K-05']);
    // No commune sorts after every commune: last from A to Z, first from Z to A.
    expect(await files({ sort: 'commune' })).toEqual(['K-01', 'K-02', 'K-03', 'K-04', 'K-05']);
    expect(await files({ sort: 'commune', dir: 'desc' })).toEqual(['K-05', 'K-04', 'K-03', 'K-02', 'K-01']);
  });

  it('defaults to the name, A to Z, and each key to ascending', async () => {
    expect(await list(a.advisor.actor, {})).toMatchObject({ sort: 'name', dir: 'asc' });
    expect(await list(a.advisor.actor, { sort: '', dir: '' })).toMatchObject({ sort: 'name', dir: 'asc' });
    expect(await list(a.advisor.actor, { sort: 'commune' })).toMatchObject({ sort: 'commune', dir: 'asc' });
  });

  it('counts each client’s cases, leaving out deleted cases', async () => {
    const kase = (clientId: string, reference: string, deletedAt: Date | null = null) =>
      db.case.create({ data: { firmId: a.firm.id, clientId, reference, procedure: 'SINGLE_PERMIT', stage: 'INTAKE', deletedAt } });
    await kase(byFile('K-04'), `R-${unique()}`);
    await kase(byFile('K-04'), `R-${unique()}`);
    await kase(byFile('K-04'), `R-${unique()}`, new Date());
    await kase(byFile('K-01'), `R-${unique()}`);
    const counts = Object.fromEntries((await list(a.advisor.actor, { sort: 'fileNumber' })).rows.map((row) => [row.fileNumber, row.caseCount]));
    expect(counts).toEqual({ 'K-01': 1, 'K-02': 0, 'K-03': 0, 'K-04': 2, 'K-05': 0 });
  });
});

describe('listClients paging', () => {
  it.each(CLIENT_SORT_KEYS.flatMap((sort) => (['asc', 'desc'] as const).map((dir) => [sort, dir] as const)))(
    'by %s, %s: clients equal in every key keep their places by id from page to page',
    async (sort, dir) => {
      const first = await list(crowd.advisor.actor, { sort, dir });
      const second = await list(crowd.advisor.actor, { sort, dir, page: '2' });
      expect([first.total, first.pageCount, first.rows.length, second.rows.length]).toEqual([crowdIds.length, 2, CLIENTS_PAGE_SIZE, crowdIds.length - CLIENTS_PAGE_SIZE]);
      const all = [...ids(first), ...ids(second)];
      expect(new Set(all).size).toBe(crowdIds.length);
      if (sort === 'fileNumber') {
        const numbers = [...first.rows, ...second.rows].map((row) => row.fileNumber);
        expect(numbers).toEqual([...numbers].sort((x, y) => (dir === 'asc' ? (x < y ? -1 : 1) : x < y ? 1 : -1)));
      } else {
        const byId = [...crowdIds].sort();
        expect(all).toEqual(dir === 'asc' ? byId : byId.reverse());
      }
      // The same page read again is the same page.
      expect(ids(await list(crowd.advisor.actor, { sort, dir, page: '2' }))).toEqual(ids(second));
    },
  );
});

describe('listClients refuses what it does not know', () => {
  it.each([
    ['an unknown sort key', { sort: 'birthDate' }, 'sort'],
    ['a column it does not sort by', { sort: 'nationalRegisterNumber' }, 'sort'],
    ['a sort key in another case', { sort: 'Name' }, 'sort'],
    ['two sort keys', { sort: ['name', 'fileNumber'] }, 'sort'],
    ['an unknown direction', { dir: 'up' }, 'dir'],
    ['a direction with a known key', { sort: 'fileNumber', dir: 'DESC' }, 'dir'],
  ])('%s, with VALIDATION naming the field', async (_label, query, field) => {
    const error = (await expectAppError(list(a.advisor.actor, query), 'VALIDATION')) as unknown as { details: { fieldErrors: Record<string, string[]> } };
    expect(Object.keys(error.details.fieldErrors)).toEqual([field]);
  });

  it('is read again in the default order by a page, keeping the search', async () => {
    const page = await readListWithDefaults({ sort: 'birthDate', dir: 'sideways', q: 'baker' }, (query) => list(a.advisor.actor, query));
    expect(page).toMatchObject({ sort: 'name', dir: 'asc', q: 'baker', total: 2 });
    expect(ids(page)).toEqual([byFile('K-03'), byFile('K-05')].sort());
  });
});

describe('listClients tenancy', () => {
  it("never lists another firm's clients or a deleted one, whatever the order, page or search", async () => {
    const own = new Set(aClients.map((client) => client.id));
    for (const sort of CLIENT_SORT_KEYS) {
      for (const dir of ['asc', 'desc']) {
        for (const query of [{ sort, dir }, { sort, dir, q: 'baker' }, { sort, dir, page: '2' }]) {
          const page = await list(a.assistant.actor, query);
          expect(ids(page).every((id) => own.has(id)), JSON.stringify(query)).toBe(true);
          expect(ids(page).some((id) => bIds.has(id))).toBe(false);
          expect(page.total).toBe('q' in query ? 2 : PEOPLE.length);
        }
      }
    }
    const fromB = await list(b.admin.actor, { sort: 'fileNumber' });
    expect(new Set(ids(fromB))).toEqual(bIds);
  });
});
