import { expect } from 'vitest';
import { getDb } from '@/lib/db';
import type { Role } from '@/lib/generated/prisma/enums';
import { linkFamilyMember } from '@/lib/server/family/link-family-member';
import { setFamilyLinkVisibility } from '@/lib/server/family/set-family-link-visibility';
import { unlinkFamilyMember } from '@/lib/server/family/unlink-family-member';
import { createClient, newContext } from './fixtures';
import type { OutboxOperation, OutboxWorld } from './outbox-operations';

// The family-link rows of the OPERATIONS table in permissions.test.ts, which spreads them in.
// Import after setupTestDatabase(), as the test does lib/server.

const db = getDb();
const actorOf = (w: OutboxWorld, role: Role) => ({ ADMIN: w.admin, ADVISOR: w.advisor, ASSISTANT: w.assistant })[role].actor;

/** A second client of the world's firm as `refs.relative`, and with `linked` a hidden link to them as `refs.link`. */
async function relative(w: OutboxWorld, { linked }: { linked: boolean }) {
  const { client } = await createClient(w.firm, { firstName: 'Youssef' });
  w.refs.relative = client.id;
  if (linked) {
    const link = await db.familyLink.create({ data: { firmId: w.firm.id, clientId: w.client.id, relatedClientId: client.id, relation: 'SPOUSE' } });
    w.refs.link = link.id;
  }
}

const auditCount = (w: OutboxWorld, action: string) => db.auditLog.count({ where: { firmId: w.firm.id, action, entityId: w.client.id } });

export const FAMILY_OPERATIONS: OutboxOperation[] = [
  {
    name: 'linkFamilyMember',
    file: 'lib/server/family/link-family-member.ts',
    action: 'client.update',
    setup: (w) => relative(w, { linked: false }),
    run: (w, role) => linkFamilyMember({ actor: actorOf(w, role), input: { clientId: w.client.id, relatedClientId: w.refs.relative, relation: 'SPOUSE', visibleInPortal: 'on' }, context: newContext() }),
    allowed: async (w) => {
      expect(await db.familyLink.findMany({ where: { firmId: w.firm.id }, select: { clientId: true, relatedClientId: true, relation: true, visibleInPortal: true } }))
        .toEqual([{ clientId: w.client.id, relatedClientId: w.refs.relative, relation: 'SPOUSE', visibleInPortal: true }]);
      expect(await auditCount(w, 'client.family_linked')).toBe(1);
    },
  },
  {
    name: 'setFamilyLinkVisibility',
    file: 'lib/server/family/set-family-link-visibility.ts',
    action: 'client.update',
    setup: (w) => relative(w, { linked: true }),
    run: (w, role) => setFamilyLinkVisibility({ actor: actorOf(w, role), input: { linkId: w.refs.link, visibleInPortal: 'true' }, context: newContext() }),
    allowed: async (w) => {
      expect(await db.familyLink.findUniqueOrThrow({ where: { id: w.refs.link } })).toMatchObject({ visibleInPortal: true });
      expect(await auditCount(w, 'client.family_link_updated')).toBe(1);
    },
  },
  {
    name: 'unlinkFamilyMember',
    file: 'lib/server/family/unlink-family-member.ts',
    action: 'client.update',
    setup: (w) => relative(w, { linked: true }),
    run: (w, role) => unlinkFamilyMember({ actor: actorOf(w, role), input: { linkId: w.refs.link }, context: newContext() }),
    allowed: async (w) => {
      expect(await db.familyLink.count({ where: { firmId: w.firm.id } })).toBe(0);
      expect(await auditCount(w, 'client.family_unlinked')).toBe(1);
    },
  },
];
