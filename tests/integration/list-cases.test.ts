import { beforeAll, describe, expect, it } from 'vitest';
import type { ClientActor, StaffActor } from '@/lib/auth/actor';
import type { Case } from '@/lib/generated/prisma/client';
import { setupTestDatabase } from './support/test-database';
import { addCase, addClient } from './support/case-world';
import { createClient, createFirmWithStaff, expectAppError, type FirmWithStaff } from './support/fixtures';

await setupTestDatabase();
const { listCases } = await import('@/lib/server/case/list-cases');
const { casesSearchParams, CASE_SORT_KEYS } = await import('@/lib/server/case/cases-query');

/**
 * Firm A: a dozen cases whose stages, procedures, cards, advisors, communes, deadlines and names differ on
 * purpose, one deleted; firm B: the same names, stages and numbers, so any leak across firms would match.
 */
let a: FirmWithStaff;
let b: FirmWithStaff;
const A: Record<string, Case> = {};
const B: Record<string, Case> = {};

beforeAll(async () => {
  a = await createFirmWithStaff('Alpha');
  b = await createFirmWithStaff('Bravo');
  for (const [firm, out, advisorId] of [
    [a, A, a.advisor.user.id],
    [b, B, b.advisor.user.id],
  ] as const) {
    const goncalves = await addClient(firm.firm, { firstName: 'Inês', lastName: 'Gonçalves', fileNumber: 'F-001', commune: 'Ixelles / Elsene' });
    const peeters = await addClient(firm.firm, { firstName: 'Jan', lastName: 'Peeters', fileNumber: 'F-002', commune: 'Gent' });
    const el = await addClient(firm.firm, { firstName: 'Amina', lastName: 'El Idrissi', fileNumber: 'F-003', commune: 'Brussel / Bruxelles' });
    const odd = await addClient(firm.firm, { firstName: 'Zoë', lastName: '100%_Done', fileNumber: 'F-004', commune: null });
    out.g1 = await addCase(firm.firm, goncalves, { reference: 'R-01', stage: 'REFUSED', procedure: 'FAMILY_REUNIFICATION', nextDeadlineOn: '2026-12-01', nextDeadlineKind: 'APPEAL', assignedToId: advisorId, dvzFileNumber: '7654321' });
    out.g2 = await addCase(firm.firm, goncalves, { reference: 'R-02', stage: 'APPEAL_FILED', procedure: 'APPEAL_RVV', nextDeadlineOn: '2026-12-01', rvvRollNumber: '312.456', assignedToId: advisorId });
    out.p1 = await addCase(firm.firm, peeters, { reference: 'R-03', stage: 'CARD_ISSUED', procedure: 'SINGLE_PERMIT', cardType: 'A', cardValidUntil: '2027-06-30', nextDeadlineOn: '2027-05-01', nextDeadlineKind: 'RENEWAL_WINDOW' });
    out.p2 = await addCase(firm.firm, peeters, { reference: 'R-04', stage: 'INTAKE', procedure: 'SINGLE_PERMIT', nextDeadlineOn: null });
    out.e1 = await addCase(firm.firm, el, { reference: 'R-05', stage: 'DECISION_PENDING', procedure: 'STUDY', nextDeadlineOn: '2026-11-30', assignedToId: firm.admin.user.id });
    out.e2 = await addCase(firm.firm, el, { reference: 'R-06', stage: 'CARD_ISSUED', procedure: 'STUDY', cardType: 'EU', nextDeadlineOn: '2027-01-15' });
    out.o1 = await addCase(firm.firm, odd, { reference: 'R-07', stage: 'INTAKE', procedure: 'STUDY', nextDeadlineOn: null });
    out.gone = await addCase(firm.firm, goncalves, { reference: 'R-99', stage: 'REFUSED', procedure: 'FAMILY_REUNIFICATION', nextDeadlineOn: '2026-12-01', deletedAt: new Date() });
  }
});

const refs = (rows: { reference: string }[]) => rows.map((row) => row.reference);
const list = (actor: StaffActor, query: Record<string, string | string[]>) => listCases({ actor, query });

describe('listCases filters', () => {
  it('lists every case of the firm but the deleted one, by next deadline then id, undated last', async () => {
    const page = await list(a.admin.actor, {});
    expect(page.total).toBe(7);
    expect(refs(page.rows).slice(0, 5)).toEqual(['R-05', ...refs([A.g1!, A.g2!].sort((x, y) => (x.id < y.id ? -1 : 1))), 'R-06', 'R-03']);
    expect(refs(page.rows).slice(5).sort()).toEqual(['R-04', 'R-07']);
    expect(page.rows.find((row) => row.reference === 'R-99')).toBeUndefined();
  });

  it('returns the columns of the table', async () => {
    const { rows } = await list(a.admin.actor, { q: 'R-03' });
    expect(rows).toEqual([
      {
        id: A.p1!.id,
        reference: 'R-03',
        client: { firstName: 'Jan', lastName: 'Peeters', fileNumber: 'F-002' },
        procedure: 'SINGLE_PERMIT',
        stage: 'CARD_ISSUED',
        cardType: 'A',
        cardValidUntil: '2027-06-30',
        nextDeadlineOn: '2027-05-01',
        nextDeadlineKind: 'RENEWAL_WINDOW',
        advisorName: null,
        commune: 'Gent',
        dvzFileNumber: null,
        rvvRollNumber: null,
        updatedAt: expect.any(Date),
      },
    ]);
  });

  it.each([
    ['several stages, repeated or comma-separated', { stage: ['REFUSED', 'APPEAL_FILED'] }, ['R-01', 'R-02']],
    ['several stages, comma-separated', { stage: 'CARD_ISSUED,INTAKE' }, ['R-03', 'R-04', 'R-06', 'R-07']],
    ['a procedure', { procedure: 'STUDY' }, ['R-05', 'R-06', 'R-07']],
    ['a card type', { card: 'EU' }, ['R-06']],
    ['a commune, by any part and any case', { commune: 'BRUSSEL' }, ['R-05', 'R-06']],
    ['a deadline range, both ends inclusive', { from: '2026-12-01', to: '2027-01-15' }, ['R-01', 'R-02', 'R-06']],
    ['only a lower bound', { from: '2027-01-16' }, ['R-03']],
    ['a client name without its accents', { q: 'goncalves' }, ['R-01', 'R-02']],
    ['a client name with its accents', { q: 'Gonçalves' }, ['R-01', 'R-02']],
    ['words in any order', { q: 'idrissi amina' }, ['R-05', 'R-06']],
    ['a client file number', { q: 'f-002' }, ['R-03', 'R-04']],
    ['a DVZ/OE number', { q: '7654321' }, ['R-01']],
    ['an RvV/CCE roll number', { q: '312.456' }, ['R-02']],
    ['% and _ as plain characters', { q: '100%_' }, ['R-07']],
    ['filters together', { stage: 'CARD_ISSUED', procedure: 'STUDY', q: 'amina' }, ['R-06']],
  ])('filters by %s', async (_label, query, expected) => {
    const page = await list(a.admin.actor, query);
    expect(refs(page.rows).sort()).toEqual(expected);
    expect(page.total).toBe(expected.length);
  });

  it('filters by advisor: an id, "me" and "none"', async () => {
    expect(refs((await list(a.admin.actor, { advisor: a.advisor.user.id })).rows).sort()).toEqual(['R-01', 'R-02']);
    expect(refs((await list(a.admin.actor, { advisor: 'me' })).rows)).toEqual(['R-05']);
    expect(refs((await list(a.advisor.actor, { advisor: 'me' })).rows).sort()).toEqual(['R-01', 'R-02']);
    expect(refs((await list(a.admin.actor, { advisor: 'none' })).rows).sort()).toEqual(['R-03', 'R-04', 'R-06', 'R-07']);
  });

  it('accepts URLSearchParams as a route handler has them', async () => {
    const page = await listCases({ actor: a.admin.actor, query: new URLSearchParams('stage=REFUSED&stage=APPEAL_FILED&sort=reference&dir=desc') });
    expect(refs(page.rows)).toEqual(['R-02', 'R-01']);
  });
});

describe('listCases sorting and paging', () => {
  it.each(CASE_SORT_KEYS.flatMap((sort) => (['asc', 'desc'] as const).map((dir) => [sort, dir] as const)))('sorts by %s %s, in Postgres, ties broken by id', async (sort, dir) => {
    const all = (await list(a.admin.actor, { sort, dir, pageSize: '100' })).rows;
    const key = (row: (typeof all)[number]): string | null =>
      sort === 'client' ? `${row.client.lastName}\u0000${row.client.firstName}` : sort === 'updatedAt' ? row.updatedAt.toISOString() : (row[sort] ?? null);
    const sign = dir === 'asc' ? 1 : -1;
    const enumOrder = (value: string | null) => {
      if (sort === 'stage') return ['INTAKE', 'APPLICATION_FILED', 'RESIDENCE_CHECK', 'DECISION_PENDING', 'APPROVED', 'CARD_ISSUED', 'RENEWAL_DUE', 'RENEWAL_FILED', 'REFUSED', 'APPEAL_FILED', 'APPEAL_DECIDED', 'CLOSED'].indexOf(value ?? '');
      if (sort === 'procedure') return ['REGISTRATION_NON_EU', 'REGISTRATION_EU', 'FAMILY_REUNIFICATION', 'SINGLE_PERMIT', 'STUDY', 'EU_BLUE_CARD', 'LONG_TERM_RESIDENCE', 'PERMANENT_RESIDENCE_EU_FAMILY', 'NATIONALITY_DECLARATION', 'APPEAL_RVV'].indexOf(value ?? '');
      return value;
    };
    const expected = [...all].sort((x, y) => {
      const kx = enumOrder(key(x));
      const ky = enumOrder(key(y));
      // Undated cases last in both directions.
      if (kx === null || ky === null) return kx === ky ? sign * (x.id < y.id ? -1 : 1) : kx === null ? 1 : -1;
      if (kx !== ky) return sign * (kx < ky ? -1 : 1);
      return sign * (x.id < y.id ? -1 : 1);
    });
    expect(refs(all)).toEqual(refs(expected));
  });

  it('pages: page 2 continues page 1, and the total counts every page', async () => {
    const first = await list(a.admin.actor, { sort: 'reference', pageSize: '25' });
    expect(first.pageCount).toBe(1);
    // Page size is 25, 50 or 100 only: a smaller one falls back to 25, so build a bigger firm for paging.
    const c = await createFirmWithStaff('Paging');
    const client = await addClient(c.firm, { lastName: 'Paged' });
    for (let i = 0; i < 60; i++) await addCase(c.firm, client, { reference: `P-${String(i).padStart(3, '0')}` });
    const page1 = await list(c.admin.actor, { sort: 'reference', pageSize: '25' });
    const page2 = await list(c.admin.actor, { sort: 'reference', pageSize: '25', page: '2' });
    const page3 = await list(c.admin.actor, { sort: 'reference', pageSize: '25', page: '3' });
    expect([page1.total, page1.pageCount]).toEqual([60, 3]);
    expect(refs(page1.rows)).toEqual(Array.from({ length: 25 }, (_, i) => `P-${String(i).padStart(3, '0')}`));
    expect(refs(page2.rows)[0]).toBe('P-025');
    expect(refs(page3.rows)).toHaveLength(10);
    expect(new Set([...refs(page1.rows), ...refs(page2.rows), ...refs(page3.rows)]).size).toBe(60);
    const fifty = await list(c.admin.actor, { sort: 'reference', pageSize: '50', page: '2' });
    expect(refs(fifty.rows)).toEqual(refs([...page2.rows.slice(25), ...page3.rows]));
    const past = await list(c.admin.actor, { page: '9' });
    expect([past.rows.length, past.total]).toEqual([0, 60]);
  });
});

describe('listCases query parsing', () => {
  it('drops what it does not understand instead of failing, so an old saved link still opens', async () => {
    const page = await list(a.admin.actor, { stage: ['REFUSED', 'NO_SUCH_STAGE'], procedure: 'NOPE', page: 'abc', pageSize: '7', sort: 'DROP TABLE', dir: 'sideways', from: '2026-02-30', advisor: "' OR 1=1 --", utm_source: 'mail' });
    expect(page.query).toMatchObject({ stage: ['REFUSED'], procedure: undefined, page: 1, pageSize: 25, sort: 'nextDeadlineOn', dir: 'asc', from: undefined, advisor: undefined });
    expect(refs(page.rows)).toEqual(['R-01']);
  });

  it('ignores blank fields, as a submitted form sends them', async () => {
    const page = await list(a.admin.actor, { q: '  ', stage: '', procedure: '', card: '', advisor: '', commune: '', from: '', to: '', page: '' });
    expect(page.total).toBe(7);
    expect(casesSearchParams(page.query).toString()).toBe('');
  });

  it('writes one canonical URL per view', async () => {
    const { query } = await list(a.admin.actor, { stage: ['APPEAL_FILED', 'REFUSED'], sort: 'client', dir: 'asc', page: '1', pageSize: '50', q: ' el  idrissi ' });
    expect(casesSearchParams(query).toString()).toBe('q=el+idrissi&stage=REFUSED%2CAPPEAL_FILED&sort=client&pageSize=50');
  });

  it('refuses input that is not search parameters at all', async () => {
    await expectAppError(listCases({ actor: a.admin.actor, query: 'stage=REFUSED' as never }), 'VALIDATION');
  });
});

describe('listCases access', () => {
  it('keeps firms apart whatever the filter: firm B never sees a case of firm A', async () => {
    const aIds = new Set(Object.values(A).map((kase) => kase.id));
    const queries: Record<string, string>[] = [
      {},
      { q: 'goncalves' },
      { q: 'R-01' },
      { q: '7654321' },
      { stage: 'REFUSED' },
      { advisor: a.advisor.user.id },
      { commune: 'gent' },
      { from: '2000-01-01', to: '2100-01-01' },
      { sort: 'client', pageSize: '100' },
    ];
    for (const query of queries) {
      const page = await list(b.admin.actor, query);
      expect(page.rows.filter((row) => aIds.has(row.id)), JSON.stringify(query)).toEqual([]);
      if (!('advisor' in query)) expect(page.rows.length, JSON.stringify(query)).toBeGreaterThan(0);
    }
    expect((await list(b.admin.actor, { advisor: a.advisor.user.id })).total).toBe(0);
    expect((await list(b.admin.actor, {})).rows.every((row) => Object.values(B).some((kase) => kase.id === row.id))).toBe(true);
  });

  it('lets every staff role read, an assistant included', async () => {
    for (const member of [a.admin, a.advisor, a.assistant]) expect((await list(member.actor, {})).total).toBe(7);
  });

  it('refuses a client, even one of the firm', async () => {
    const portal = await createClient(a.firm, { withPortal: true });
    await expectAppError(listCases({ actor: portal.actor as ClientActor as unknown as StaffActor, query: {} }), 'FORBIDDEN');
  });
});
