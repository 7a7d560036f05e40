import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sealedKeyId, type Keyring } from '@/lib/crypto/field-encryption';
import type { FieldKeys } from '@/lib/crypto/field-keys';
import { createFirmWithStaff, unique } from './support/fixtures';
import { clearForms, nationalRegisterNumber, passportNumber, scanDatabase } from './support/identity-numbers';
import { setupTestDatabase } from './support/test-database';

// `npm run keys:rotate`, in its own database: it re-seals every client of every firm.

await setupTestDatabase();
const { getDb } = await import('@/lib/db');
const { fieldKeys } = await import('@/lib/env');
const { newClientId, openIdentityNumbers, sealIdentityNumbers } = await import('@/lib/server/client/identity-numbers');
const { rotateIdentityKeys } = await import('@/lib/server/client/rotate-identity-keys');
const { openNationalRegisterNumber, sealNationalRegisterNumber } = await import('@/lib/server/client/sealed-national-number');

const db = getDb();
const [k1, k2, k0] = [randomBytes(32), randomBytes(32), randomBytes(32)];
const keysWith = (current: string, keys: [string, Buffer][]): FieldKeys => ({ hashKey: fieldKeys().hashKey, encryption: { currentKeyId: current, keys: new Map(keys) } satisfies Keyring });

/** A client whose numbers were sealed under `keys`, as an installation running with that keyring wrote them. */
async function clientUnder(firmId: string, keys: FieldKeys) {
  const id = newClientId();
  const numbers = { nationalRegisterNumber: nationalRegisterNumber(), passportNumber: passportNumber() };
  await db.client.create({
    data: { id, firmId, fileNumber: `R-${unique()}`, firstName: 'Rotated', lastName: unique(), nationality: 'MA', citizenship: 'NON_EU', language: 'fr', ...sealIdentityNumbers({ clientId: id, firmId }, numbers, keys) },
  });
  return { id, firmId, ...numbers };
}

const sealedValues = async () =>
  (await db.client.findMany({ select: { nationalRegisterNumberEnc: true, passportNumberEnc: true } })).flatMap((row) => [row.nationalRegisterNumberEnc, row.passportNumberEnc]).filter(Boolean) as string[];

describe('key rotation', () => {
  it('re-seals every value under the new key, in batches, audited per firm, so a keyring without k1 reads everything', async () => {
    const [x, y] = [await createFirmWithStaff('Rotate X'), await createFirmWithStaff('Rotate Y')];
    const underK1 = keysWith('k1', [['k1', k1]]);
    const clients = [await clientUnder(x.firm.id, underK1), await clientUnder(x.firm.id, underK1), await clientUnder(x.firm.id, underK1), await clientUnder(y.firm.id, underK1)];
    const hashesBefore = await db.client.findMany({ select: { id: true, nationalRegisterNumberHash: true, passportNumberHash: true, updatedAt: true }, orderBy: { id: 'asc' } });
    expect(new Set((await sealedValues()).map(sealedKeyId))).toEqual(new Set(['k1']));

    const report = await rotateIdentityKeys({ keys: keysWith('k2', [['k2', k2], ['k1', k1]]), batchSize: 3 });
    expect(report).toEqual({ keyId: 'k2', clients: 4, inquiries: 0, otherParties: 0, firms: 2, unreadable: [] });
    expect(new Set((await sealedValues()).map(sealedKeyId))).toEqual(new Set(['k2']));

    const onlyK2 = keysWith('k2', [['k2', k2]]);
    for (const client of clients) {
      const row = await db.client.findUniqueOrThrow({ where: { id: client.id } });
      expect(openIdentityNumbers(row, onlyK2)).toEqual({ nationalRegisterNumber: client.nationalRegisterNumber, passportNumber: client.passportNumber, unreadable: [] });
    }
    // Lookups keep working (the hashes are untouched) and the clients did not "change".
    expect(await db.client.findMany({ select: { id: true, nationalRegisterNumberHash: true, passportNumberHash: true, updatedAt: true }, orderBy: { id: 'asc' } })).toEqual(hashesBefore);
    const audit = await db.auditLog.findMany({ where: { action: 'firm.identity_keys_rotated' }, orderBy: { id: 'asc' } });
    expect(audit.every((row) => row.actorKind === 'SYSTEM' && row.entity === 'firm' && row.entityId === row.firmId)).toBe(true);
    const perFirm = (firmId: string) => audit.filter((row) => row.firmId === firmId).reduce((sum, row) => sum + ((row.diff as { after: { clients: number } }).after.clients ?? 0), 0);
    expect([perFirm(x.firm.id), perFirm(y.firm.id)]).toEqual([3, 1]);
    expect(await scanDatabase(db, clients.flatMap((c) => clearForms(c.nationalRegisterNumber, c.passportNumber)))).toEqual([]);

    // Once done, running it again finds nothing to do.
    expect(await rotateIdentityKeys({ keys: keysWith('k2', [['k2', k2]]) })).toEqual({ keyId: 'k2', clients: 0, inquiries: 0, otherParties: 0, firms: 0, unreadable: [] });
  });

  it("re-seals inquiries' and other parties' numbers too, keeping their hashes and updatedAt, and names one that does not open", async () => {
    const w = await createFirmWithStaff('Rotate sealed');
    const underK1 = keysWith('k1', [['k1', k1]]);
    const client = await clientUnder(w.firm.id, keysWith('k2', [['k2', k2]]));
    const kase = await db.case.create({ data: { firmId: w.firm.id, clientId: client.id, reference: `R-${unique()}`, procedure: 'SINGLE_PERMIT' } });
    const sealedRow = async (table: 'Inquiry' | 'OtherParty', keys: FieldKeys) => {
      const id = randomUUID();
      const number = nationalRegisterNumber();
      const sealed = sealNationalRegisterNumber({ table, id, firmId: w.firm.id }, number, keys);
      if (table === 'Inquiry') {
        await db.inquiry.create({ data: { id, firmId: w.firm.id, firstName: 'In', lastName: unique(), email: `${unique()}@people.example.test`, language: 'de', topic: 'OTHER', question: 'q', ...sealed } });
      } else {
        await db.otherParty.create({ data: { id, firmId: w.firm.id, caseId: kase.id, name: `Other ${unique()}`, role: 'SPONSOR', ...sealed } });
      }
      return { id, number };
    };
    const inquiries = [await sealedRow('Inquiry', underK1), await sealedRow('Inquiry', underK1), await sealedRow('Inquiry', underK1)];
    const parties = [await sealedRow('OtherParty', underK1), await sealedRow('OtherParty', underK1)];
    const lost = await sealedRow('OtherParty', keysWith('k0', [['k0', k0]]));
    const rows = async () => ({
      inquiries: await db.inquiry.findMany({ where: { firmId: w.firm.id }, select: { id: true, nationalRegisterNumberHash: true, updatedAt: true }, orderBy: { id: 'asc' } }),
      parties: await db.otherParty.findMany({ where: { firmId: w.firm.id }, select: { id: true, nationalRegisterNumberHash: true, updatedAt: true }, orderBy: { id: 'asc' } }),
    });
    const before = await rows();

    const report = await rotateIdentityKeys({ keys: keysWith('k2', [['k2', k2], ['k1', k1]]), batchSize: 2 });
    expect(report).toMatchObject({ inquiries: 3, otherParties: 2, unreadable: [{ table: 'OtherParty', id: lost.id, field: 'nationalRegisterNumber', reason: 'unknownKey' }] });
    const onlyK2 = keysWith('k2', [['k2', k2]]);
    for (const [table, list] of [['Inquiry', inquiries], ['OtherParty', parties]] as const) {
      for (const { id, number } of list) {
        const row = table === 'Inquiry' ? await db.inquiry.findUniqueOrThrow({ where: { id } }) : await db.otherParty.findUniqueOrThrow({ where: { id } });
        expect(sealedKeyId(row.nationalRegisterNumberEnc!)).toBe('k2');
        expect(openNationalRegisterNumber({ table, id, sealed: row.nationalRegisterNumberEnc }, onlyK2)).toEqual({ value: number, unreadable: false });
      }
    }
    expect(await rows()).toEqual(before);
    const audit = await db.auditLog.findMany({ where: { firmId: w.firm.id, action: 'firm.identity_keys_rotated' }, orderBy: { id: 'asc' } });
    const sum = (key: string) => audit.reduce((total, row) => total + ((row.diff as { after: Record<string, number> }).after[key] ?? 0), 0);
    expect([sum('inquiries'), sum('otherParties')]).toEqual([3, 2]);
    // With k0 back in the keyring, the next run finishes the job.
    expect(await rotateIdentityKeys({ keys: keysWith('k2', [['k2', k2], ['k0', k0]]) })).toMatchObject({ inquiries: 0, otherParties: 1, unreadable: [] });
  });

  it('leaves a value whose key is not in the keyring as it is, and names it', async () => {
    const z = await createFirmWithStaff('Rotate Z');
    const lost = await clientUnder(z.firm.id, keysWith('k0', [['k0', k0]]));
    const before = await db.client.findUniqueOrThrow({ where: { id: lost.id } });
    const report = await rotateIdentityKeys({ keys: keysWith('k2', [['k2', k2]]) });
    expect(report.unreadable).toEqual([
      { clientId: lost.id, field: 'nationalRegisterNumber', reason: 'unknownKey' },
      { clientId: lost.id, field: 'passportNumber', reason: 'unknownKey' },
    ]);
    expect(await db.client.findUniqueOrThrow({ where: { id: lost.id } })).toEqual(before);
    // With k0 back in the keyring, the next run finishes the job.
    expect(await rotateIdentityKeys({ keys: keysWith('k2', [['k2', k2], ['k0', k0]]) })).toMatchObject({ clients: 1, unreadable: [] });
  });
});
