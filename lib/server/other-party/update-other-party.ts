import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { fromDbDate, toDbDate } from '@/lib/dates';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { sealNationalRegisterNumber } from '@/lib/server/client/sealed-national-number';
import { searchable } from '@/lib/server/search-text';
import { parseInput } from '@/lib/server/validate';
import { ZUpdateOtherParty } from './other-party-schemas';

/** Corrects an other party of a live case of the firm. A blank number keeps the sealed one; `clearNationalRegisterNumber` removes it. */
export async function updateOtherParty({ actor, input, context }: { actor: StaffActor; input: unknown; context: RequestContext }) {
  assertCan(actor, 'other_party.manage');
  const { otherPartyId, name, role, birthDate, nationalRegisterNumber, note, clearNationalRegisterNumber } = parseInput(ZUpdateOtherParty, input);
  return getDb().$transaction(async (tx) => {
    const before = await tx.otherParty.findFirst({
      where: { id: otherPartyId, firmId: actor.firmId, deletedAt: null, case: { deletedAt: null } },
      select: { id: true, caseId: true, name: true, role: true, birthDate: true, note: true, nationalRegisterNumberHash: true },
    });
    if (!before) throw new AppError('NOT_FOUND');
    const number = nationalRegisterNumber
      ? sealNationalRegisterNumber({ table: 'OtherParty', id: before.id, firmId: actor.firmId }, nationalRegisterNumber)
      : clearNationalRegisterNumber
        ? { nationalRegisterNumberEnc: null, nationalRegisterNumberHash: null }
        : {};
    await tx.otherParty.update({
      where: { id: before.id, firmId: actor.firmId },
      data: { name, role, note: note ?? null, birthDate: birthDate ? toDbDate(birthDate) : null, searchText: searchable(name), ...number },
    });
    // Compared by hash and stored masked: the log shows that the number changed, never what to.
    const hashAfter = 'nationalRegisterNumberHash' in number ? number.nationalRegisterNumberHash : before.nationalRegisterNumberHash;
    await recordAudit(tx, {
      firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'other_party.updated', entity: 'other_party', entityId: before.id, context,
      before: { caseId: before.caseId, name: before.name, role: before.role, birthDate: before.birthDate ? fromDbDate(before.birthDate) : null, note: before.note, nationalRegisterNumber: before.nationalRegisterNumberHash },
      after: { caseId: before.caseId, name, role, birthDate: birthDate ?? null, note: note ?? null, nationalRegisterNumber: hashAfter },
    });
    return { id: before.id, caseId: before.caseId };
  });
}
