import { describe, expect, it } from 'vitest';
import { createCase, createClient, createFirmWithStaff, expectAppError, newContext, unique } from './support/fixtures';
import { setupTestDatabase } from './support/test-database';

// The firm's service catalogue: admins keep it, everyone in the firm reads it, the public page lists the public
// part of an open firm's catalogue and a portal client sees the services for their own case's procedure.

await setupTestDatabase();
const { getDb } = await import('@/lib/db');
const { createService } = await import('@/lib/server/service/create-service');
const { updateService } = await import('@/lib/server/service/update-service');
const { archiveService } = await import('@/lib/server/service/archive-service');
const { listServices } = await import('@/lib/server/service/list-services');
const { listPublicServices } = await import('@/lib/server/service/list-public-services');
const { listCaseServicesForClient } = await import('@/lib/server/service/list-case-services-for-client');
const { serviceInputFromForm } = await import('@/lib/server/service/service-schemas');

const db = getDb();

const valid = (overrides: Record<string, unknown> = {}) => ({
  name: { en: 'Appeal to the RvV', nl: 'Beroep bij de RvV' },
  description: { en: 'Against a refusal.' },
  typicalDaysMin: 14, typicalDaysMax: 28, feeKind: 'HOURLY', feeCents: 12000, vatRateBasisPoints: 2100,
  procedures: ['APPEAL_RVV'], showOnPublicPage: true, position: 1,
  ...overrides,
});

async function serviceRows(firmId: string) {
  return db.service.findMany({ where: { firmId }, orderBy: { createdAt: 'asc' } });
}
const auditActions = async (firmId: string) => (await db.auditLog.findMany({ where: { firmId }, orderBy: { id: 'asc' } })).map((row) => row.action);

describe('the service catalogue', () => {
  it('adds, edits and archives a service, each change audited, and lists the live ones by position', async () => {
    const w = await createFirmWithStaff('Services');
    const { serviceId } = await createService({ actor: w.admin.actor, input: valid(), context: newContext() });
    const second = await createService({ actor: w.admin.actor, input: valid({ name: { en: 'Consultation' }, feeKind: 'FIXED', feeCents: 2397, position: 0, typicalDaysMax: '', typicalDaysMin: '1' }), context: newContext() });
    expect((await listServices({ actor: w.assistant.actor })).map((s) => [(s.name as { en: string }).en, s.typicalDaysMin, s.typicalDaysMax])).toEqual([['Consultation', 1, 1], ['Appeal to the RvV', 14, 28]]);

    await updateService({ actor: w.admin.actor, input: { ...valid({ feeCents: 15000, vatRateBasisPoints: 0 }), serviceId }, context: newContext() });
    expect(await db.service.findUniqueOrThrow({ where: { id: serviceId } })).toMatchObject({ feeCents: 15000, vatRateBasisPoints: 0, procedures: ['APPEAL_RVV'] });
    await archiveService({ actor: w.admin.actor, input: { serviceId: second.serviceId }, context: newContext() });
    expect((await listServices({ actor: w.advisor.actor })).map((s) => s.id)).toEqual([serviceId]);
    expect(await auditActions(w.firm.id)).toEqual(['service.created', 'service.created', 'service.updated', 'service.archived']);
    const update = await db.auditLog.findFirstOrThrow({ where: { firmId: w.firm.id, action: 'service.updated' } });
    expect(update.entityId).toBe(serviceId);
  });

  it('reads the flat form: names per language, the fee in euros with a Belgian comma, procedures repeated', async () => {
    const w = await createFirmWithStaff('Services form');
    const form = new FormData();
    for (const [key, value] of Object.entries({ name_en: 'Registration', name_fr: 'Inscription', name_nl: '', description_en: 'At the commune', typicalDaysMin: '14', typicalDaysMax: '28', feeKind: 'FIXED', fee: '350,50', vatRateBasisPoints: '2100', showOnPublicPage: 'on', position: '' })) form.append(key, value);
    form.append('procedures', 'REGISTRATION_EU');
    form.append('procedures', 'REGISTRATION_NON_EU');
    const { serviceId } = await createService({ actor: w.admin.actor, input: serviceInputFromForm(form), context: newContext() });
    expect(await db.service.findUniqueOrThrow({ where: { id: serviceId } })).toMatchObject({
      name: { en: 'Registration', fr: 'Inscription' }, feeCents: 35050, procedures: ['REGISTRATION_EU', 'REGISTRATION_NON_EU'], showOnPublicPage: true, position: 0,
    });
  });

  it.each([
    ['no English name', { name: { en: '  ', nl: 'Beroep' } }, 'name.en', 'nameRequired'],
    ['a negative fee', { feeCents: -1 }, 'feeCents', 'feeInvalid'],
    ['a fee above 100,000 euros', { feeCents: 10_000_001 }, 'feeCents', 'feeInvalid'],
    ['an unparsable fee', { feeCents: '12,5,0' }, 'feeCents', 'feeInvalid'],
    ['a VAT rate Belgium does not have', { vatRateBasisPoints: 1900 }, 'vatRateBasisPoints', 'vatInvalid'],
    ['a longest time shorter than the shortest', { typicalDaysMin: 30, typicalDaysMax: 10 }, 'typicalDaysMax', 'daysOrder'],
    ['more than ten years', { typicalDaysMin: 10, typicalDaysMax: 3651 }, 'typicalDaysMax', 'daysInvalid'],
    ['an unknown procedure', { procedures: ['APPEAL_RVV', 'ASYLUM'] }, 'procedures.1', 'procedureInvalid'],
    ['an unknown fee kind', { feeKind: 'MONTHLY' }, 'feeKind', 'feeKindInvalid'],
  ])('refuses %s, naming the field, and writes nothing', async (_label, overrides, field, message) => {
    const w = await createFirmWithStaff('Services invalid');
    const error = await expectAppError(createService({ actor: w.admin.actor, input: valid(overrides), context: newContext() }), 'VALIDATION');
    expect((error as unknown as { details: { fieldErrors: Record<string, string[]> } }).details.fieldErrors[field]).toEqual([message]);
    const { serviceId } = await createService({ actor: w.admin.actor, input: valid(), context: newContext() });
    await expectAppError(updateService({ actor: w.admin.actor, input: { ...valid(overrides), serviceId }, context: newContext() }), 'VALIDATION');
    expect((await serviceRows(w.firm.id)).map((s) => [s.feeCents, s.vatRateBasisPoints, s.typicalDaysMax])).toEqual([[12000, 2100, 28]]);
    expect(await auditActions(w.firm.id)).toEqual(['service.created']);
  });

  it('is the admins’: an advisor or an assistant cannot add, edit or archive, and nothing changes', async () => {
    const w = await createFirmWithStaff('Services roles');
    const { serviceId } = await createService({ actor: w.admin.actor, input: valid(), context: newContext() });
    for (const member of [w.advisor, w.assistant]) {
      await expectAppError(createService({ actor: member.actor, input: valid(), context: newContext() }), 'FORBIDDEN');
      await expectAppError(updateService({ actor: member.actor, input: { ...valid({ feeCents: 1 }), serviceId }, context: newContext() }), 'FORBIDDEN');
      await expectAppError(archiveService({ actor: member.actor, input: { serviceId }, context: newContext() }), 'FORBIDDEN');
    }
    expect((await serviceRows(w.firm.id)).map((s) => [s.feeCents, s.archivedAt])).toEqual([[12000, null]]);
    expect(await auditActions(w.firm.id)).toEqual(['service.created']);
  });

  it('finds nothing of another firm: its service cannot be edited, archived or listed', async () => {
    const victim = await createFirmWithStaff('Services victim');
    const attacker = await createFirmWithStaff('Services attacker');
    const { serviceId } = await createService({ actor: victim.admin.actor, input: valid(), context: newContext() });
    await expectAppError(updateService({ actor: attacker.admin.actor, input: { ...valid({ feeCents: 1 }), serviceId }, context: newContext() }), 'NOT_FOUND');
    await expectAppError(archiveService({ actor: attacker.admin.actor, input: { serviceId }, context: newContext() }), 'NOT_FOUND');
    expect(await listServices({ actor: attacker.admin.actor })).toEqual([]);
    expect((await serviceRows(victim.firm.id)).map((s) => [s.feeCents, s.archivedAt])).toEqual([[12000, null]]);
    expect(await auditActions(attacker.firm.id)).toEqual([]);
    // An archived service is gone for its own firm too.
    await archiveService({ actor: victim.admin.actor, input: { serviceId }, context: newContext() });
    await expectAppError(updateService({ actor: victim.admin.actor, input: { ...valid(), serviceId }, context: newContext() }), 'NOT_FOUND');
    await expectAppError(archiveService({ actor: victim.admin.actor, input: { serviceId }, context: newContext() }), 'NOT_FOUND');
  });
});

describe('the public page’s services', () => {
  it('lists only the live, public services of a firm whose page is open', async () => {
    const w = await createFirmWithStaff('Services public');
    const shown = await createService({ actor: w.admin.actor, input: valid({ name: { en: 'Shown' } }), context: newContext() });
    await createService({ actor: w.admin.actor, input: valid({ name: { en: 'Internal' }, showOnPublicPage: false }), context: newContext() });
    const archived = await createService({ actor: w.admin.actor, input: valid({ name: { en: 'Archived' } }), context: newContext() });
    await archiveService({ actor: w.admin.actor, input: { serviceId: archived.serviceId }, context: newContext() });
    const other = await createFirmWithStaff('Services public other');
    await db.firm.update({ where: { id: other.firm.id }, data: { publicPageEnabled: true } });
    await createService({ actor: other.admin.actor, input: valid({ name: { en: 'Other firm' } }), context: newContext() });

    expect(await listPublicServices({ slug: w.firm.slug })).toEqual([]);
    await db.firm.update({ where: { id: w.firm.id }, data: { publicPageEnabled: true } });
    expect((await listPublicServices({ slug: w.firm.slug })).map((s) => s.id)).toEqual([shown.serviceId]);
    expect(await listPublicServices({ slug: `no-such-firm-${unique()}` })).toEqual([]);
  });
});

describe('the portal’s services for a case', () => {
  it('shows the services for the client’s own case procedure and nothing for another client’s case', async () => {
    const w = await createFirmWithStaff('Services portal');
    const me = await createClient(w.firm, { withPortal: true });
    const someoneElse = await createClient(w.firm);
    const myCase = await db.case.update({ where: { id: (await createCase(w.firm, me.client)).id }, data: { procedure: 'FAMILY_REUNIFICATION' } });
    const theirCase = await db.case.update({ where: { id: (await createCase(w.firm, someoneElse.client)).id }, data: { procedure: 'APPEAL_RVV' } });
    const family = await createService({ actor: w.admin.actor, input: valid({ name: { en: 'Family file' }, procedures: ['FAMILY_REUNIFICATION'], showOnPublicPage: false }), context: newContext() });
    await createService({ actor: w.admin.actor, input: valid({ name: { en: 'Appeal' }, procedures: ['APPEAL_RVV'] }), context: newContext() });
    const gone = await createService({ actor: w.admin.actor, input: valid({ name: { en: 'Old family file' }, procedures: ['FAMILY_REUNIFICATION'] }), context: newContext() });
    await archiveService({ actor: w.admin.actor, input: { serviceId: gone.serviceId }, context: newContext() });
    const elsewhere = await createFirmWithStaff('Services portal other');
    await createService({ actor: elsewhere.admin.actor, input: valid({ procedures: ['FAMILY_REUNIFICATION'] }), context: newContext() });

    expect((await listCaseServicesForClient({ actor: me.actor, caseId: myCase.id })).map((s) => s.id)).toEqual([family.serviceId]);
    expect(await listCaseServicesForClient({ actor: me.actor, caseId: theirCase.id })).toEqual([]);
  });
});
