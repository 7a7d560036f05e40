import { expect } from 'vitest';
import { getDb } from '@/lib/db';
import { archiveService } from '@/lib/server/service/archive-service';
import { createService } from '@/lib/server/service/create-service';
import { listServices } from '@/lib/server/service/list-services';
import { updateService } from '@/lib/server/service/update-service';
import { newContext } from './fixtures';
import { walkActor, type WalkOperation, type WalkWorld } from './walk-types';

// The service catalogue: the rows of the OPERATIONS table in permissions.test.ts, which spreads it in. The public
// list and the portal's list take no staff actor: services.test.ts attacks them.

const db = getDb();
const input = { name: { en: 'Appeal to the RvV' }, typicalDaysMin: '14', typicalDaysMax: '28', feeKind: 'HOURLY', feeCents: '12000', vatRateBasisPoints: '2100', procedures: ['APPEAL_RVV'], showOnPublicPage: true };

async function aService(w: WalkWorld) {
  const service = await db.service.create({ data: { firmId: w.firm.id, name: { en: 'Consultation' }, feeKind: 'FIXED', feeCents: 2397, procedures: ['SINGLE_PERMIT'] } });
  w.refs.service = service.id;
}
const auditActions = async (w: WalkWorld) => (await db.auditLog.findMany({ where: { firmId: w.firm.id }, orderBy: { id: 'asc' } })).map((row) => row.action);
const services = (w: WalkWorld) => db.service.findMany({ where: { firmId: w.firm.id }, orderBy: { createdAt: 'asc' } });

export const SERVICE_OPERATIONS: WalkOperation[] = [
  {
    name: 'createService',
    file: 'lib/server/service/create-service.ts',
    action: 'service.manage',
    run: (w, role) => createService({ actor: walkActor(w, role), input, context: newContext() }),
    allowed: async (w) => {
      expect((await services(w)).map((s) => [s.name, s.feeKind, s.feeCents])).toEqual([[{ en: 'Appeal to the RvV' }, 'HOURLY', 12000]]);
      expect(await auditActions(w)).toEqual(['client.created', 'service.created']);
    },
  },
  {
    name: 'updateService',
    file: 'lib/server/service/update-service.ts',
    action: 'service.manage',
    setup: (w) => aService(w),
    run: (w, role) => updateService({ actor: walkActor(w, role), input: { ...input, serviceId: w.refs.service }, context: newContext() }),
    allowed: async (w) => {
      expect((await services(w)).map((s) => [s.id, s.feeKind, s.feeCents, s.procedures])).toEqual([[w.refs.service, 'HOURLY', 12000, ['APPEAL_RVV']]]);
      expect(await auditActions(w)).toEqual(['client.created', 'service.updated']);
    },
  },
  {
    name: 'archiveService',
    file: 'lib/server/service/archive-service.ts',
    action: 'service.manage',
    setup: (w) => aService(w),
    run: (w, role) => archiveService({ actor: walkActor(w, role), input: { serviceId: w.refs.service }, context: newContext() }),
    allowed: async (w) => {
      expect((await services(w)).map((s) => [s.id, s.archivedAt])).toEqual([[w.refs.service, expect.any(Date)]]);
      expect(await auditActions(w)).toEqual(['client.created', 'service.archived']);
    },
  },
  {
    name: 'listServices',
    file: 'lib/server/service/list-services.ts',
    action: 'service.read',
    setup: (w) => aService(w),
    run: (w, role) => listServices({ actor: walkActor(w, role) }),
    allowed: async (w, _role, result) => {
      expect((result as Awaited<ReturnType<typeof listServices>>).map((s) => [s.id, s.feeCents])).toEqual([[w.refs.service, 2397]]);
    },
  },
];
