import type { Tx } from '@/lib/db';
import type { CardType, Citizenship, Procedure } from '@/lib/generated/prisma/enums';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { insertDefaultChecklist } from '@/lib/server/checklist/default-checklist';
import { searchable } from '@/lib/server/search-text';
import { columnsFromFacts, mergeFacts } from './case-facts';
import { recomputeCaseDeadlines } from './recompute-case-deadlines';

export type CaseClient = { id: string; fileNumber: string; firstName: string; lastName: string; citizenship: Citizenship; birthDate: Date | null };

/**
 * Writes a new case at intake in the caller's transaction: its reference, the CREATED event, the deadlines its
 * facts give rise to, the procedure's default document list and the audit row. The caller has checked the permission, the client and the assignee;
 * the new-case form and the spreadsheet import both come through here, so an imported case is the same as one
 * typed in.
 */
export async function insertCase(
  tx: Tx,
  {
    firmId,
    actorUserId,
    client,
    procedure,
    targetCard,
    assignedToId,
    facts,
    context,
    firstCase = false,
  }: {
    firmId: string;
    actorUserId: string;
    client: CaseClient;
    procedure: Procedure;
    targetCard?: CardType;
    assignedToId: string;
    facts: Record<string, unknown>;
    context: RequestContext;
    /** The client was created in this same transaction: nobody else can see it, it has no case yet. */
    firstCase?: boolean;
  },
): Promise<{ id: string; reference: string }> {
  // References count the client's cases; one numbering at a time per client.
  let count = 0;
  if (!firstCase) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`case-number:${client.id}`}))`;
    count = await tx.case.count({ where: { clientId: client.id, firmId } });
  }
  const reference = `${client.fileNumber}-${count + 1}`;
  const storedFacts = mergeFacts({ procedure }, facts);
  const kase = await tx.case.create({
    data: {
      firmId,
      clientId: client.id,
      reference,
      procedure,
      targetCard: targetCard ?? null,
      assignedToId,
      facts: storedFacts as object,
      ...columnsFromFacts(storedFacts, 'INTAKE'),
      searchText: searchable(client.firstName, client.lastName, client.fileNumber, reference),
    },
  });
  await tx.caseEvent.create({
    data: { firmId, caseId: kase.id, type: 'CREATED', toStage: 'INTAKE', actorId: actorUserId, visibility: 'CLIENT' },
  });
  await recomputeCaseDeadlines(tx, { ...kase, facts: storedFacts, client });
  await insertDefaultChecklist(tx, { id: kase.id, firmId, procedure, client });
  await recordAudit(tx, {
    firmId,
    actor: { kind: 'staff', userId: actorUserId },
    action: 'case.created',
    entity: 'case',
    entityId: kase.id,
    after: { reference, procedure, targetCard, assignedToId, facts: storedFacts },
    context,
  });
  return { id: kase.id, reference };
}
