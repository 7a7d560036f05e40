import { afterAll, describe, expect, it } from 'vitest';
import { createCase, createClient, createFirmWithStaff, expectAppError, firmSnapshot, newContext, writeCounts } from './support/fixtures';
import { dotted, nationalRegisterNumber, scanDatabase } from './support/identity-numbers';
import { setupTestDatabase } from './support/test-database';

// The other side of a client's case: recorded on the case, the number sealed to the row, found by the conflict
// check (conflict-check.test.ts), soft-removed; another firm's ids find nothing.

await setupTestDatabase();
const { getDb } = await import('@/lib/db');
const { closeRateLimits } = await import('@/lib/auth/rate-limit');
const { addOtherParty } = await import('@/lib/server/other-party/add-other-party');
const { updateOtherParty } = await import('@/lib/server/other-party/update-other-party');
const { removeOtherParty } = await import('@/lib/server/other-party/remove-other-party');
const { listCaseOtherParties } = await import('@/lib/server/other-party/list-case-other-parties');
const { openNationalRegisterNumber } = await import('@/lib/server/client/sealed-national-number');
const { identityNumberHash } = await import('@/lib/server/client/identity-numbers');

const db = getDb();
afterAll(() => closeRateLimits());

async function world(label: string) {
  const w = await createFirmWithStaff(label);
  const { client } = await createClient(w.firm);
  return { ...w, kase: await createCase(w.firm, client) };
}

describe('other parties of a case', () => {
  it('are added with a sealed number and unaccented search text, listed without the number, corrected and removed, audited without it', async () => {
    const w = await world('Other parties');
    const nrn = nationalRegisterNumber();
    const { id } = await addOtherParty({ actor: w.assistant.actor, input: { caseId: w.kase.id, name: '  Zoë Müller ', role: 'SPONSOR', birthDate: '1970-01-31', nationalRegisterNumber: dotted(nrn), note: 'Sponsor who withdrew' }, context: newContext() });
    const row = await db.otherParty.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ firmId: w.firm.id, caseId: w.kase.id, name: 'Zoë Müller', searchText: 'zoe muller', role: 'SPONSOR', note: 'Sponsor who withdrew', nationalRegisterNumberHash: identityNumberHash(w.firm.id, 'nationalRegisterNumber', nrn) });
    expect(openNationalRegisterNumber({ table: 'OtherParty', id, sealed: row.nationalRegisterNumberEnc }).value).toBe(nrn);
    // Bound to its row: the same ciphertext on another row does not open.
    expect(openNationalRegisterNumber({ table: 'Inquiry', id, sealed: row.nationalRegisterNumberEnc })).toEqual({ value: null, unreadable: true });
    expect(await scanDatabase(db, [nrn, dotted(nrn)])).toEqual([]);

    expect(await listCaseOtherParties({ actor: w.assistant.actor, caseId: w.kase.id })).toEqual([{ id, name: 'Zoë Müller', role: 'SPONSOR', birthDate: '1970-01-31', note: 'Sponsor who withdrew', hasNationalRegisterNumber: true }]);

    // A blank number keeps the one on file; clearing removes it.
    await updateOtherParty({ actor: w.assistant.actor, input: { otherPartyId: id, name: 'Zoe Muller-Schmidt', role: 'FORMER_PARTNER', birthDate: '', nationalRegisterNumber: '' }, context: newContext() });
    expect(await db.otherParty.findUniqueOrThrow({ where: { id } })).toMatchObject({ name: 'Zoe Muller-Schmidt', searchText: 'zoe muller-schmidt', role: 'FORMER_PARTNER', birthDate: null, nationalRegisterNumberHash: row.nationalRegisterNumberHash });
    await updateOtherParty({ actor: w.assistant.actor, input: { otherPartyId: id, name: 'Zoe Muller-Schmidt', role: 'FORMER_PARTNER', clearNationalRegisterNumber: 'on' }, context: newContext() });
    expect(await db.otherParty.findUniqueOrThrow({ where: { id } })).toMatchObject({ nationalRegisterNumberEnc: null, nationalRegisterNumberHash: null });

    // Assistants delete nothing; an advisor removes it, and the row stays with its removal date.
    await expectAppError(removeOtherParty({ actor: w.assistant.actor, input: { otherPartyId: id }, context: newContext() }), 'FORBIDDEN');
    await removeOtherParty({ actor: w.advisor.actor, input: { otherPartyId: id }, context: newContext() });
    expect(await db.otherParty.findUniqueOrThrow({ where: { id } })).toMatchObject({ deletedAt: expect.any(Date) });
    expect(await listCaseOtherParties({ actor: w.assistant.actor, caseId: w.kase.id })).toEqual([]);
    await expectAppError(removeOtherParty({ actor: w.advisor.actor, input: { otherPartyId: id }, context: newContext() }), 'NOT_FOUND');

    const audit = await db.auditLog.findMany({ where: { firmId: w.firm.id, entity: 'other_party' }, orderBy: { id: 'asc' } });
    expect(audit.map((entry) => entry.action)).toEqual(['other_party.added', 'other_party.updated', 'other_party.updated', 'other_party.removed']);
    expect(audit[0]?.diff).toMatchObject({ after: { nationalRegisterNumber: '[masked]', role: 'SPONSOR' } });
    expect(audit[2]?.diff).toMatchObject({ before: { nationalRegisterNumber: '[masked]' }, after: { nationalRegisterNumber: null } });
    expect(JSON.stringify(audit.map((entry) => entry.diff))).not.toContain(nrn);
  });

  it('refuse bad input with the field named, and change nothing', async () => {
    const w = await world('Other parties input');
    const counts = await writeCounts();
    const error = await expectAppError(addOtherParty({ actor: w.advisor.actor, input: { caseId: w.kase.id, name: ' ', role: 'BOSS', nationalRegisterNumber: '12345678901', birthDate: '1970-02-30' }, context: newContext() }), 'VALIDATION');
    expect(Object.keys((error as unknown as { details: { fieldErrors: Record<string, unknown> } }).details.fieldErrors).sort()).toEqual(['birthDate', 'name', 'nationalRegisterNumber', 'role']);
    expect(await writeCounts()).toEqual(counts);
    expect(await db.otherParty.count({ where: { firmId: w.firm.id } })).toBe(0);
  });

  it("give another firm's staff NOT_FOUND for the case and the party, and change nothing", async () => {
    const [w, other] = [await world('Other parties owner'), await world('Other parties intruder')];
    const { id } = await addOtherParty({ actor: w.advisor.actor, input: { caseId: w.kase.id, name: 'Karim', role: 'SPONSOR' }, context: newContext() });
    const before = { firm: await firmSnapshot(w.firm.id), counts: await writeCounts(), parties: await db.otherParty.findMany({ where: { firmId: w.firm.id } }) };
    const actor = other.admin.actor;
    await expectAppError(addOtherParty({ actor, input: { caseId: w.kase.id, name: 'Planted', role: 'OTHER' }, context: newContext() }), 'NOT_FOUND');
    await expectAppError(updateOtherParty({ actor, input: { otherPartyId: id, name: 'Renamed', role: 'OTHER' }, context: newContext() }), 'NOT_FOUND');
    await expectAppError(removeOtherParty({ actor, input: { otherPartyId: id }, context: newContext() }), 'NOT_FOUND');
    expect(await listCaseOtherParties({ actor, caseId: w.kase.id })).toEqual([]);
    expect({ firm: await firmSnapshot(w.firm.id), counts: await writeCounts(), parties: await db.otherParty.findMany({ where: { firmId: w.firm.id } }) }).toEqual(before);
  });
});
