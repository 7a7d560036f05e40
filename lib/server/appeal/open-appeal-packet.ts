import type { Readable } from 'node:stream';
import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';
import { getStorage } from '@/lib/storage/get-storage';
import type { Storage } from '@/lib/storage/storage';
import { ZCaseRef } from './appeal-schemas';

/** The built packet as a download named like the case; recorded before a byte is sent, as every disclosure is. */
export async function openAppealPacket({ actor, input, context, storage = getStorage() }: { actor: StaffActor; input: unknown; context: RequestContext; storage?: Storage }): Promise<{ fileName: string; size: number; stream: Readable }> {
  assertCan(actor, 'document.read');
  const { caseId } = parseInput(ZCaseRef, input);
  const db = getDb();
  const filing = await db.appealFiling.findFirst({
    where: { caseId, firmId: actor.firmId, packetStorageKey: { not: null }, case: { deletedAt: null, firmId: actor.firmId } },
    orderBy: { createdAt: 'desc' },
    select: { id: true, packetStorageKey: true, language: true, case: { select: { reference: true } } },
  });
  if (!filing?.packetStorageKey) throw new AppError('NOT_FOUND');
  const object = await storage.get(filing.packetStorageKey);
  await db.$transaction((tx) => recordAudit(tx, { firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'appeal.packet_downloaded', entity: 'appeal', entityId: filing.id, context, after: { caseId } }));
  const stem = filing.language === 'fr' ? 'requete-cce' : 'verzoekschrift-rvv';
  return { fileName: `${stem}-${filing.case.reference}.zip`, size: object.size, stream: object.body };
}
