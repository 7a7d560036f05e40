import { randomUUID } from 'node:crypto';
import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { toDbDate } from '@/lib/dates';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { sealNationalRegisterNumber } from '@/lib/server/client/sealed-national-number';
import { searchable } from '@/lib/server/search-text';
import { parseInput } from '@/lib/server/validate';
import { ZAddOtherParty } from './other-party-schemas';

/**
 * Records someone on the other side of a live case of the firm (a sponsor in a dispute, a former partner, an
 * employer), so the conflict check finds them when they write in. The number is sealed to the row; the audit
 * row says one was given, masked.
 */
export async function addOtherParty({ actor, input, context }: { actor: StaffActor; input: unknown; context: RequestContext }) {
  assertCan(actor, 'other_party.manage');
  const { caseId, name, role, birthDate, nationalRegisterNumber, note } = parseInput(ZAddOtherParty, input);
  return getDb().$transaction(async (tx) => {
    const kase = await tx.case.findFirst({ where: { id: caseId, firmId: actor.firmId, deletedAt: null }, select: { id: true } });
    if (!kase) throw new AppError('NOT_FOUND');
    // Chosen before the insert: the ciphertext authenticates the row it belongs to.
    const id = randomUUID();
    const party = await tx.otherParty.create({
      data: {
        id, firmId: actor.firmId, caseId, name, role, note: note ?? null,
        birthDate: birthDate ? toDbDate(birthDate) : null,
        ...sealNationalRegisterNumber({ table: 'OtherParty', id, firmId: actor.firmId }, nationalRegisterNumber),
        searchText: searchable(name),
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'other_party.added', entity: 'other_party', entityId: party.id, context,
      after: { caseId, name, role, birthDate: birthDate ?? null, nationalRegisterNumber: nationalRegisterNumber ?? null, note: note ?? null },
    });
    return { id: party.id, caseId };
  });
}
