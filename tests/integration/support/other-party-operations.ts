import { expect } from 'vitest';
import { getDb } from '@/lib/db';
import { addOtherParty } from '@/lib/server/other-party/add-other-party';
import { listCaseOtherParties } from '@/lib/server/other-party/list-case-other-parties';
import { removeOtherParty } from '@/lib/server/other-party/remove-other-party';
import { updateOtherParty } from '@/lib/server/other-party/update-other-party';
import { newContext } from './fixtures';
import { walkActor, type WalkOperation, type WalkWorld } from './walk-types';

// The other parties of a case: rows of the OPERATIONS table in permissions.test.ts, which spreads them in.

const db = getDb();
const auditActions = async (w: WalkWorld) => (await db.auditLog.findMany({ where: { firmId: w.firm.id }, orderBy: { id: 'asc' } })).map((row) => row.action);

async function otherParty(w: WalkWorld) {
  const party = await db.otherParty.create({ data: { firmId: w.firm.id, caseId: w.kase.id, name: 'Karim Sponsor', role: 'SPONSOR', searchText: 'karim sponsor' } });
  w.refs.otherParty = party.id;
}
const ref = (w: WalkWorld) => w.refs.otherParty ?? '';

export const OTHER_PARTY_OPERATIONS: WalkOperation[] = [
  {
    name: 'addOtherParty',
    file: 'lib/server/other-party/add-other-party.ts',
    action: 'other_party.manage',
    run: (w, role) => addOtherParty({ actor: walkActor(w, role), input: { caseId: w.kase.id, name: 'Marc Opponent', role: 'FORMER_PARTNER' }, context: newContext() }),
    allowed: async (w) => {
      expect(await db.otherParty.findMany({ where: { firmId: w.firm.id }, select: { caseId: true, name: true, role: true } })).toEqual([{ caseId: w.kase.id, name: 'Marc Opponent', role: 'FORMER_PARTNER' }]);
      expect(await auditActions(w)).toEqual(['client.created', 'other_party.added']);
    },
  },
  {
    name: 'updateOtherParty',
    file: 'lib/server/other-party/update-other-party.ts',
    action: 'other_party.manage',
    setup: otherParty,
    run: (w, role) => updateOtherParty({ actor: walkActor(w, role), input: { otherPartyId: ref(w), name: 'Karim B. Sponsor', role: 'SPONSOR' }, context: newContext() }),
    allowed: async (w) => {
      expect(await db.otherParty.findUniqueOrThrow({ where: { id: ref(w) } })).toMatchObject({ name: 'Karim B. Sponsor' });
      expect(await auditActions(w)).toEqual(['client.created', 'other_party.updated']);
    },
  },
  {
    name: 'removeOtherParty',
    file: 'lib/server/other-party/remove-other-party.ts',
    action: 'other_party.delete',
    setup: otherParty,
    run: (w, role) => removeOtherParty({ actor: walkActor(w, role), input: { otherPartyId: ref(w) }, context: newContext() }),
    allowed: async (w) => {
      expect(await db.otherParty.findUniqueOrThrow({ where: { id: ref(w) } })).toMatchObject({ deletedAt: expect.any(Date) });
      expect(await auditActions(w)).toEqual(['client.created', 'other_party.removed']);
    },
  },
  {
    name: 'listCaseOtherParties',
    file: 'lib/server/other-party/list-case-other-parties.ts',
    action: 'case.read',
    setup: otherParty,
    run: (w, role) => listCaseOtherParties({ actor: walkActor(w, role), caseId: w.kase.id }),
    allowed: async (w, _role, result) => {
      expect((result as Awaited<ReturnType<typeof listCaseOtherParties>>).map((party) => party.id)).toEqual([ref(w)]);
    },
  },
];
