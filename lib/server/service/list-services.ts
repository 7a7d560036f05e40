import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { SERVICE_VIEW } from './service-select';

/** The firm's live services in the order the firm chose, for the catalogue page and the pickers of time and fees. */
export async function listServices({ actor }: { actor: StaffActor }) {
  assertCan(actor, 'service.read');
  return getDb().service.findMany({ where: { firmId: actor.firmId, archivedAt: null }, orderBy: [{ position: 'asc' }, { createdAt: 'asc' }], select: SERVICE_VIEW });
}
