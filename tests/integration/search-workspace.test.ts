import { beforeAll, describe, expect, it } from 'vitest';
import type { Firm } from '@/lib/generated/prisma/client';
import { setupTestDatabase } from './support/test-database';
import { createFirmWithStaff, expectAppError, unique, type FirmWithStaff } from './support/fixtures';

await setupTestDatabase();
const { getDb } = await import('@/lib/db');
const { searchWorkspace, SEARCH_CASE_LIMIT } = await import('@/lib/server/search/search-workspace');
const { searchable } = await import('@/lib/server/search-text');

const db = getDb();

/** A client and one case, written as the app writes them: searchText holds names, file number and reference. */
async function clientWithCase(firm: Firm, fields: { firstName: string; lastName: string; fileNumber: string; reference: string; dvz?: string; rvv?: string; filingRoll?: string; deleted?: boolean }) {
  const client = await db.client.create({
    data: {
      firmId: firm.id, fileNumber: fields.fileNumber, firstName: fields.firstName, lastName: fields.lastName, nationality: 'MA', citizenship: 'NON_EU', language: 'nl',
      searchText: searchable(fields.firstName, fields.lastName, fields.fileNumber),
    },
  });
  const kase = await db.case.create({
    data: {
      firmId: firm.id, clientId: client.id, reference: fields.reference, procedure: 'APPEAL_RVV', stage: 'INTAKE',
      dvzFileNumber: fields.dvz ?? null, rvvRollNumber: fields.rvv ?? null, deletedAt: fields.deleted ? new Date() : null,
      searchText: searchable(fields.firstName, fields.lastName, fields.fileNumber, fields.reference),
    },
  });
  if (fields.filingRoll) await db.appealFiling.create({ data: { firmId: firm.id, caseId: kase.id, language: 'nl', rollNumber: fields.filingRoll } });
  return { client, kase };
}

let ours: FirmWithStaff;
let theirs: FirmWithStaff;
const tag = unique();
let mine: Awaited<ReturnType<typeof clientWithCase>>;
let filed: Awaited<ReturnType<typeof clientWithCase>>;
let stranger: Awaited<ReturnType<typeof clientWithCase>>;

beforeAll(async () => {
  ours = await createFirmWithStaff('Search');
  theirs = await createFirmWithStaff('Rival');
  mine = await clientWithCase(ours.firm, { firstName: 'Yasmina', lastName: `Gonçalves${tag}`, fileNumber: `CL-${tag}`, reference: `2026-${tag}`, dvz: `9.${tag}.1`, rvv: `RvV ${tag}1` });
  filed = await clientWithCase(ours.firm, { firstName: 'Omar', lastName: `Filed${tag}`, fileNumber: `CF-${tag}`, reference: `2026-F${tag}`, filingRoll: `R${tag}9` });
  // Another firm holds the same names and numbers: none of them may ever come back to our firm.
  stranger = await clientWithCase(theirs.firm, { firstName: 'Yasmina', lastName: `Gonçalves${tag}`, fileNumber: `CL-${tag}`, reference: `2026-${tag}`, dvz: `9.${tag}.1`, rvv: `RvV ${tag}1` });
  await clientWithCase(ours.firm, { firstName: 'Gone', lastName: `Deleted${tag}`, fileNumber: `CD-${tag}`, reference: `2026-D${tag}`, dvz: `8.${tag}.0`, deleted: true });
});

const search = (q: string, who: FirmWithStaff = ours, role: 'admin' | 'advisor' | 'assistant' = 'advisor') => searchWorkspace({ actor: who[role].actor, input: { q } });
const caseIds = (result: Awaited<ReturnType<typeof search>>) => result.cases.map((row) => row.id);

describe('the command palette search', () => {
  it('finds a client and their case by name, without the accents and in any case', async () => {
    const result = await search(`yasmina goncalves${tag}`);
    expect(result.clients).toEqual([{ id: mine.client.id, fileNumber: `CL-${tag}`, name: `Yasmina Gonçalves${tag}` }]);
    expect(result.cases).toEqual([{ id: mine.kase.id, reference: `2026-${tag}`, clientName: `Yasmina Gonçalves${tag}`, dvzFileNumber: `9.${tag}.1`, rvvRollNumber: `RvV ${tag}1`, stage: 'INTAKE' }]);
  });

  it('finds a client by file number and a case by its reference, DVZ number and RvV roll number', async () => {
    expect((await search(`CL-${tag}`)).clients.map((row) => row.id)).toEqual([mine.client.id]);
    expect(caseIds(await search(`2026-${tag}`))).toEqual([mine.kase.id]);
    expect(caseIds(await search(`9.${tag}.1`))).toEqual([mine.kase.id]);
    expect(caseIds(await search(`RvV ${tag}1`))).toEqual([mine.kase.id]);
    // As typed from a letter, in capitals: the roll number still matches.
    expect(caseIds(await search(`RVV ${tag}1`))).toEqual([mine.kase.id]);
  });

  it('finds a case by the roll number recorded on its appeal filing', async () => {
    expect(caseIds(await search(`R${tag}9`))).toEqual([filed.kase.id]);
  });

  it('never returns another firm’s clients or cases, even searched by their exact numbers', async () => {
    for (const q of [`CL-${tag}`, `2026-${tag}`, `9.${tag}.1`, `RvV ${tag}1`, `gonçalves${tag}`]) {
      const result = await search(q);
      expect(result.clients.map((row) => row.id)).not.toContain(stranger.client.id);
      expect(caseIds(result)).not.toContain(stranger.kase.id);
    }
    // The stranger's firm sees its own rows and none of ours.
    const theirsResult = await search(`9.${tag}.1`, theirs);
    expect(caseIds(theirsResult)).toEqual([stranger.kase.id]);
    expect(caseIds(await search(`R${tag}9`, theirs))).toEqual([]);
  });

  it('leaves deleted cases out', async () => {
    expect(caseIds(await search(`8.${tag}.0`))).toEqual([]);
    expect((await search(`Deleted${tag}`)).cases).toEqual([]);
  });

  it('treats % and _ as characters, not wildcards, and answers few rows', async () => {
    expect(await search('%%')).toEqual({ clients: [], cases: [] });
    expect(await search('__')).toEqual({ clients: [], cases: [] });
    const many = await search(tag);
    expect(many.cases.length).toBeLessThanOrEqual(SEARCH_CASE_LIMIT);
    expect(caseIds(many).sort()).toEqual([mine.kase.id, filed.kase.id].sort());
  });

  it('refuses a search shorter than two characters or longer than 100, and every role of the firm may search', async () => {
    await expectAppError(search('a'), 'VALIDATION');
    await expectAppError(search(' '.repeat(3)), 'VALIDATION');
    await expectAppError(search('x'.repeat(101)), 'VALIDATION');
    for (const role of ['admin', 'advisor', 'assistant'] as const) expect(caseIds(await search(`2026-${tag}`, ours, role))).toEqual([mine.kase.id]);
  });

  it('refuses a portal client', async () => {
    const portal = { kind: 'client', userId: ours.admin.user.id, firmId: ours.firm.id, clientId: mine.client.id } as const;
    // The operation's type says staff; a client actor reaching it anyway is refused by the permission table.
    await expectAppError(searchWorkspace({ actor: portal as never, input: { q: `CL-${tag}` } }), 'FORBIDDEN');
  });
});
