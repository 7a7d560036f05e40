import type { Tx } from '@/lib/db';
import { ZConflictMatches, type ConflictMatch } from '@/lib/server/inquiry/inquiry-schemas';
import { ERASED } from './personal-masking';

/**
 * Other inquiries' recorded conflict checks that name an erased client (a match on them, or "family member of"
 * them) or the other side of one of their cases: the names are replaced by ERASED, the kind, ids and reasons
 * kept, as audit entries keep what happened without who. Returns how many inquiries were rewritten.
 */
export async function maskConflictMatches(tx: Tx, firmId: string, { clientId, caseIds }: { clientId: string; caseIds: string[] }): Promise<number> {
  const likes = [clientId, ...caseIds].map((id) => `%${id.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const rows = await tx.$queryRaw<{ id: string; conflictMatches: unknown }[]>`
    SELECT "id", "conflictMatches" FROM "Inquiry" WHERE "firmId" = ${firmId} AND "conflictMatches"::text LIKE ANY(${likes}::text[]) FOR UPDATE`;
  const cases = new Set(caseIds);
  let rewritten = 0;
  for (const row of rows) {
    const parsed = ZConflictMatches.safeParse(row.conflictMatches);
    if (!parsed.success) continue;
    const masked = parsed.data.map((match): ConflictMatch => {
      const aboutClient = match.id === clientId || (match.kind === 'other_party' && match.caseId !== undefined && cases.has(match.caseId));
      const via = match.via && match.via.id === clientId ? { ...match.via, label: ERASED } : match.via;
      return { ...match, ...(aboutClient ? { label: ERASED } : {}), ...(via ? { via } : {}) };
    });
    await tx.inquiry.update({ where: { id: row.id, firmId }, data: { conflictMatches: masked } });
    rewritten += 1;
  }
  return rewritten;
}
