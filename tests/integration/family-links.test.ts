import { afterAll, describe, expect, it } from 'vitest';
import type { StaffActor } from '@/lib/auth/actor';
import { createClient, createFirmWithStaff, expectAppError, firmSnapshot, newContext, writeCounts } from './support/fixtures';
import { setupTestDatabase } from './support/test-database';

// Family links from the advisor's side and the attacker's: an advisor links a client's spouse and child, shows one
// of them in the client's portal, hides and removes links; ids of another firm's clients and links, a client linked
// to herself, a second link to the same person and an unknown relation are refused and change nothing.

await setupTestDatabase();
const { getDb } = await import('@/lib/db');
const { closeRateLimits } = await import('@/lib/auth/rate-limit');
const { linkFamilyMember } = await import('@/lib/server/family/link-family-member');
const { setFamilyLinkVisibility } = await import('@/lib/server/family/set-family-link-visibility');
const { unlinkFamilyMember } = await import('@/lib/server/family/unlink-family-member');
const { getClient } = await import('@/lib/server/client/get-client');
const { getPortalOverview } = await import('@/lib/server/portal/get-portal-overview');

const db = getDb();
afterAll(() => closeRateLimits());

async function family() {
  const staff = await createFirmWithStaff('Family');
  const amina = await createClient(staff.firm, { firstName: 'Amina', withPortal: true });
  const { client: youssef } = await createClient(staff.firm, { firstName: 'Youssef' });
  const { client: sami } = await createClient(staff.firm, { firstName: 'Sami' });
  const other = await createFirmWithStaff('Elsewhere');
  const { client: stranger } = await createClient(other.firm, { firstName: 'Stranger' });
  return { staff, amina, youssef, sami, other, stranger, advisor: staff.advisor.actor };
}

const link = (actor: StaffActor, input: Record<string, unknown>) => linkFamilyMember({ actor, input, context: newContext() });

async function unchanged(firmIds: string[], run: () => Promise<unknown>) {
  const before = await Promise.all(firmIds.map(firmSnapshot));
  const counts = await writeCounts();
  await run();
  expect(await Promise.all(firmIds.map(firmSnapshot))).toEqual(before);
  expect(await writeCounts()).toEqual(counts);
}

describe('linking family members', () => {
  it('shows in the client portal only the relatives the advisor marked visible, and both files show the link', async () => {
    const w = await family();
    await link(w.advisor, { clientId: w.amina.client.id, relatedClientId: w.youssef.id, relation: 'SPOUSE', visibleInPortal: 'on' });
    await link(w.advisor, { clientId: w.amina.client.id, relatedClientId: w.sami.id, relation: 'CHILD' });

    const portal = await getPortalOverview({ actor: w.amina.actor });
    expect(portal.links).toEqual([{ relation: 'SPOUSE', related: { firstName: 'Youssef', lastName: w.youssef.lastName } }]);

    const aminaFile = await getClient({ actor: w.advisor, clientId: w.amina.client.id });
    expect(aminaFile.links.map((l) => [l.relation, l.related.firstName, l.visibleInPortal])).toEqual([['SPOUSE', 'Youssef', true], ['CHILD', 'Sami', false]]);
    const youssefFile = await getClient({ actor: w.advisor, clientId: w.youssef.id });
    expect(youssefFile.linkedFrom.map((l) => [l.relation, l.client.firstName])).toEqual([['SPOUSE', 'Amina']]);
    expect(await db.auditLog.count({ where: { firmId: w.staff.firm.id, action: 'client.family_linked', entityId: w.amina.client.id } })).toBe(2);
  });

  it('hides a relative again, and a removed link disappears from the portal and both files', async () => {
    const w = await family();
    const spouse = await link(w.advisor, { clientId: w.amina.client.id, relatedClientId: w.youssef.id, relation: 'SPOUSE', visibleInPortal: true });
    const child = await link(w.advisor, { clientId: w.amina.client.id, relatedClientId: w.sami.id, relation: 'CHILD', visibleInPortal: true });
    await setFamilyLinkVisibility({ actor: w.advisor, input: { linkId: child.id, visibleInPortal: 'false' }, context: newContext() });
    expect((await getPortalOverview({ actor: w.amina.actor })).links.map((l) => l.related.firstName)).toEqual(['Youssef']);

    await unlinkFamilyMember({ actor: w.advisor, input: { linkId: spouse.id }, context: newContext() });
    expect((await getPortalOverview({ actor: w.amina.actor })).links).toEqual([]);
    expect((await getClient({ actor: w.advisor, clientId: w.youssef.id })).linkedFrom).toEqual([]);
    const removed = await db.auditLog.findFirstOrThrow({ where: { firmId: w.staff.firm.id, action: 'client.family_unlinked' } });
    expect(removed.diff).toMatchObject({ before: { relatedClientId: w.youssef.id, relation: 'SPOUSE', visibleInPortal: true } });
  });

  it('a relative whose file was deleted no longer shows in the portal or on the file', async () => {
    const w = await family();
    await link(w.advisor, { clientId: w.amina.client.id, relatedClientId: w.youssef.id, relation: 'SPOUSE', visibleInPortal: true });
    await db.client.update({ where: { id: w.youssef.id }, data: { deletedAt: new Date() } });
    expect((await getPortalOverview({ actor: w.amina.actor })).links).toEqual([]);
    expect((await getClient({ actor: w.advisor, clientId: w.amina.client.id })).links).toEqual([]);
  });
});

describe('refused links change nothing', () => {
  it("another firm's client, on either side, is NOT_FOUND", async () => {
    const w = await family();
    await unchanged([w.staff.firm.id, w.other.firm.id], async () => {
      await expectAppError(link(w.advisor, { clientId: w.amina.client.id, relatedClientId: w.stranger.id, relation: 'SPOUSE' }), 'NOT_FOUND');
      await expectAppError(link(w.advisor, { clientId: w.stranger.id, relatedClientId: w.amina.client.id, relation: 'SPOUSE' }), 'NOT_FOUND');
      // and the other firm's advisor cannot link our clients to each other
      await expectAppError(link(w.other.advisor.actor, { clientId: w.amina.client.id, relatedClientId: w.youssef.id, relation: 'SPOUSE' }), 'NOT_FOUND');
    });
  });

  it("another firm's staff cannot show, hide or remove our links", async () => {
    const w = await family();
    const spouse = await link(w.advisor, { clientId: w.amina.client.id, relatedClientId: w.youssef.id, relation: 'SPOUSE' });
    const intruder = w.other.admin.actor;
    await unchanged([w.staff.firm.id, w.other.firm.id], async () => {
      await expectAppError(setFamilyLinkVisibility({ actor: intruder, input: { linkId: spouse.id, visibleInPortal: true }, context: newContext() }), 'NOT_FOUND');
      await expectAppError(unlinkFamilyMember({ actor: intruder, input: { linkId: spouse.id }, context: newContext() }), 'NOT_FOUND');
    });
    expect((await getPortalOverview({ actor: w.amina.actor })).links).toEqual([]);
  });

  it('a client linked to herself, a second link to the same person and an unknown relation are refused with their own messages', async () => {
    const w = await family();
    await link(w.advisor, { clientId: w.amina.client.id, relatedClientId: w.youssef.id, relation: 'SPOUSE' });
    await unchanged([w.staff.firm.id], async () => {
      expect((await expectAppError(link(w.advisor, { clientId: w.amina.client.id, relatedClientId: w.amina.client.id, relation: 'SPOUSE' }), 'VALIDATION')).userMessage).toBe('clients.familyLink.self');
      expect((await expectAppError(link(w.advisor, { clientId: w.amina.client.id, relatedClientId: w.youssef.id, relation: 'PARTNER' }), 'CONFLICT')).userMessage).toBe('clients.familyLink.exists');
      await expectAppError(link(w.advisor, { clientId: w.amina.client.id, relatedClientId: w.sami.id, relation: 'COUSIN' }), 'VALIDATION');
      await expectAppError(setFamilyLinkVisibility({ actor: w.advisor, input: { linkId: 'no-such-link', visibleInPortal: true }, context: newContext() }), 'NOT_FOUND');
    });
  });
});
