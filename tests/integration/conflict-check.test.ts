import { afterAll, describe, expect, it } from 'vitest';
import { createFirmWithStaff, expectAppError, firmSnapshot, newContext, unique, writeCounts, type FirmWithStaff } from './support/fixtures';
import { dotted, nationalRegisterNumber } from './support/identity-numbers';
import { setupTestDatabase } from './support/test-database';

// The conflict check before an inquiry is converted: who of the firm's clients, their family and the other sides
// of its cases the person who wrote in may be, and the result recorded on the inquiry.

await setupTestDatabase();
const { getDb } = await import('@/lib/db');
const { closeRateLimits } = await import('@/lib/auth/rate-limit');
const { createClient } = await import('@/lib/server/client/create-client');
const { createCase } = await import('@/lib/server/case/create-case');
const { linkFamilyMember } = await import('@/lib/server/family/link-family-member');
const { addOtherParty } = await import('@/lib/server/other-party/add-other-party');
const { removeOtherParty } = await import('@/lib/server/other-party/remove-other-party');
const { checkInquiryConflicts } = await import('@/lib/server/inquiry/check-inquiry-conflicts');
const { createInquiry } = await import('./support/inquiry-world');

const db = getDb();
afterAll(() => closeRateLimits());

async function clientOf(w: FirmWithStaff, person: { firstName: string; lastName: string; birthDate?: string; nationalRegisterNumber?: string }) {
  const client = await createClient({ actor: w.advisor.actor, input: { ...person, nationality: 'MA', language: 'fr', confirmDuplicate: 'true' }, context: newContext() });
  const kase = await createCase({ actor: w.advisor.actor, input: { clientId: client.id, procedure: 'FAMILY_REUNIFICATION' }, context: newContext() });
  return { ...client, caseId: kase.id, reference: kase.reference };
}

const check = (w: FirmWithStaff, inquiryId: string) => checkInquiryConflicts({ actor: w.assistant.actor, input: { inquiryId }, context: newContext() });

describe('the conflict check', () => {
  it('still finds the namesake when a short, common name has hundreds of candidates before it', async () => {
    const w = await createFirmWithStaff('Conflict many');
    // 600 clients whose names hold both "li" and "na", none of them the person; the namesake sorts after them all.
    await db.client.createMany({
      data: Array.from({ length: 600 }, (_, i) => ({
        id: `a-decoy-${String(i).padStart(4, '0')}`, firmId: w.firm.id, fileNumber: `D-${i}`, firstName: 'Lina', lastName: `Nalini${i}`,
        nationality: 'CN', citizenship: 'NON_EU' as const, language: 'en' as const, searchText: `lina nalini${i} d-${i}`,
      })),
    });
    await db.client.create({
      data: { id: 'z-namesake', firmId: w.firm.id, fileNumber: 'Z-1', firstName: 'Li', lastName: 'Na', nationality: 'CN', citizenship: 'NON_EU', language: 'en', searchText: 'li na z-1' },
    });
    const inquiry = await createInquiry(w.firm, { firstName: 'Li', lastName: 'Na' });
    const { outcome, matches } = await check(w, inquiry.id);
    expect(outcome).toBe('POSSIBLE');
    expect(matches.map((m) => m.id)).toEqual(['z-namesake']);
  });

  it("finds the other side of a client's case by national register number, however it was typed, and records it", async () => {
    const w = await createFirmWithStaff('Conflict NRN');
    const ours = await clientOf(w, { firstName: 'Fatima', lastName: `Ours${unique()}` });
    const nrn = nationalRegisterNumber();
    const { id: partyId } = await addOtherParty({ actor: w.advisor.actor, input: { caseId: ours.caseId, name: 'Karim Sponsor', role: 'SPONSOR', nationalRegisterNumber: dotted(nrn) }, context: newContext() });
    // A different name on the form: the number alone is enough.
    const inquiry = await createInquiry(w.firm, { firstName: 'K.', lastName: `Someone${unique()}`, nationalRegisterNumber: nrn });

    const result = await check(w, inquiry.id);
    expect(result.outcome).toBe('POSSIBLE');
    expect(result.matches).toEqual([{ kind: 'other_party', id: partyId, label: 'Karim Sponsor', role: 'SPONSOR', caseId: ours.caseId, caseReference: ours.reference, reasons: ['nrn'] }]);
    const stored = await db.inquiry.findUniqueOrThrow({ where: { id: inquiry.id } });
    expect(stored).toMatchObject({ conflictOutcome: 'POSSIBLE', conflictCheckedById: w.assistant.user.id, conflictCheckedAt: expect.any(Date), conflictMatches: result.matches });
    const audit = await db.auditLog.findFirstOrThrow({ where: { firmId: w.firm.id, action: 'inquiry.conflict_checked', entityId: inquiry.id } });
    expect(audit.diff).toEqual({ after: { outcome: 'POSSIBLE', matches: [{ kind: 'other_party', id: partyId, reasons: ['nrn'] }] } });
    // The log names no one: neither the number nor the names.
    expect(JSON.stringify(audit.diff)).not.toMatch(/Karim|Someone/);
    expect(JSON.stringify(audit.diff)).not.toContain(nrn);
  });

  it('finds a client and an other party by name and birth date despite accents, case, word order and spaces', async () => {
    const w = await createFirmWithStaff('Conflict name');
    const tag = unique().replace(/\d/g, 'x');
    const client = await clientOf(w, { firstName: 'Élodie', lastName: `Dupont-Martin${tag}`, birthDate: '1990-04-02' });
    const other = await clientOf(w, { firstName: 'Jonas', lastName: `Peeters${tag}` });
    const { id: partyId } = await addOtherParty({ actor: w.advisor.actor, input: { caseId: other.caseId, name: `ELODIE   dupont martin${tag.toUpperCase()}`, role: 'FORMER_PARTNER', birthDate: '1990-04-02' }, context: newContext() });
    const inquiry = await createInquiry(w.firm, { firstName: `martin${tag}  Dupont`, lastName: 'elodie', birthDate: '1990-04-02' });

    const { outcome, matches } = await check(w, inquiry.id);
    expect(outcome).toBe('POSSIBLE');
    expect(matches.map(({ kind, id, reasons }) => ({ kind, id, reasons }))).toEqual([
      { kind: 'other_party', id: partyId, reasons: ['name_birthdate'] },
      { kind: 'client', id: client.id, reasons: ['name_birthdate'] },
    ]);
    expect(matches[1]).toMatchObject({ label: `Dupont-Martin${tag}, Élodie`, fileNumber: client.fileNumber });
  });

  it('reports a name alone as a weaker match, and the family of a matched client as "family member of"', async () => {
    const w = await createFirmWithStaff('Conflict family');
    const tag = unique().replace(/\d/g, 'q');
    const spouse = await clientOf(w, { firstName: 'Youssef', lastName: `Alaoui${tag}`, birthDate: '1985-01-01' });
    const holder = await clientOf(w, { firstName: 'Samira', lastName: `Bennani${tag}` });
    // Samira's file lists Youssef as her spouse; Youssef writes in (born on another day, as he types it).
    await linkFamilyMember({ actor: w.advisor.actor, input: { clientId: holder.id, relatedClientId: spouse.id, relation: 'SPOUSE' }, context: newContext() });
    const inquiry = await createInquiry(w.firm, { firstName: 'Youssef', lastName: `ALAOUI${tag}`, birthDate: '1985-01-02' });

    const { matches } = await check(w, inquiry.id);
    expect(matches).toEqual([
      { kind: 'client', id: spouse.id, label: `Alaoui${tag}, Youssef`, fileNumber: spouse.fileNumber, reasons: ['name'] },
      { kind: 'family', id: holder.id, label: `Bennani${tag}, Samira`, fileNumber: holder.fileNumber, relation: 'SPOUSE', via: { id: spouse.id, label: `Alaoui${tag}, Youssef` }, reasons: ['name'] },
    ]);
  });

  it("is clear when nothing matches, and never finds another firm's client or other party with the same number and name", async () => {
    const [w, elsewhere] = [await createFirmWithStaff('Conflict clear'), await createFirmWithStaff('Conflict elsewhere')];
    const nrn = nationalRegisterNumber();
    const name = { firstName: 'Nadia', lastName: `Elsewhere${unique()}`, birthDate: '1979-09-09' };
    const theirs = await clientOf(elsewhere, { ...name, nationalRegisterNumber: nrn });
    await addOtherParty({ actor: elsewhere.advisor.actor, input: { caseId: theirs.caseId, name: `${name.firstName} ${name.lastName}`, role: 'SPONSOR', birthDate: name.birthDate, nationalRegisterNumber: nrn }, context: newContext() });
    // Our own firm has a removed other party with the number: removed is removed.
    const ours = await clientOf(w, { firstName: 'Paul', lastName: `Ours${unique()}` });
    const { id: removed } = await addOtherParty({ actor: w.advisor.actor, input: { caseId: ours.caseId, name: 'Gone Person', role: 'OTHER', nationalRegisterNumber: nrn }, context: newContext() });
    await removeOtherParty({ actor: w.advisor.actor, input: { otherPartyId: removed }, context: newContext() });
    const inquiry = await createInquiry(w.firm, { ...name, nationalRegisterNumber: nrn });

    expect(await check(w, inquiry.id)).toMatchObject({ outcome: 'CLEAR', matches: [] });
    expect(await db.inquiry.findUniqueOrThrow({ where: { id: inquiry.id } })).toMatchObject({ conflictOutcome: 'CLEAR', conflictMatches: [] });
  });

  it("gives another firm's staff NOT_FOUND for the inquiry and changes nothing", async () => {
    const [w, other] = [await createFirmWithStaff('Conflict owner'), await createFirmWithStaff('Conflict intruder')];
    const inquiry = await createInquiry(w.firm);
    const [before, counts] = [await firmSnapshot(w.firm.id), await writeCounts()];
    await expectAppError(checkInquiryConflicts({ actor: other.admin.actor, input: { inquiryId: inquiry.id }, context: newContext() }), 'NOT_FOUND');
    expect(await firmSnapshot(w.firm.id)).toEqual(before);
    expect(await writeCounts()).toEqual(counts);
    expect(await db.inquiry.findUniqueOrThrow({ where: { id: inquiry.id } })).toMatchObject({ conflictCheckedAt: null, conflictOutcome: null });
  });
});
