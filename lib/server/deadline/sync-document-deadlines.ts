import type { Tx } from '@/lib/db';
import { refreshNextDeadline } from './refresh-next-deadline';

/**
 * A document's expiry date is a deadline on every open case it serves (a passport that lapses stops the
 * file): one row per case, keyed by the document so it keeps its identity, and its reminders, when the
 * date is corrected. A document without an expiry date, or one no longer linked, supersedes its rows.
 */
export async function syncDocumentDeadlines(tx: Tx, firmId: string, documentId: string): Promise<void> {
  const document = await tx.document.findFirst({
    where: { id: documentId, firmId },
    select: { id: true, title: true, expiresOn: true, deletedAt: true, cases: { where: { case: { deletedAt: null, closedAt: null } }, select: { caseId: true } } },
  });
  if (!document) return;
  const key = `document-expiry:${document.id}`;
  const caseIds = document.expiresOn && !document.deletedAt ? document.cases.map((link) => link.caseId) : [];
  const existing = await tx.deadline.findMany({ where: { firmId, documentId: document.id, source: 'DOCUMENT' }, select: { id: true, caseId: true, status: true, dueOn: true } });
  const byCase = new Map(existing.map((row) => [row.caseId, row]));
  const touched = new Set<string>();
  for (const caseId of caseIds) {
    const basis = `Expiry date on the document "${document.title}"`;
    const current = byCase.get(caseId);
    // Ticked off and the date did not move: it stays done, as computed deadlines do.
    const keepsStatus = current && current.status !== 'SUPERSEDED' && current.dueOn.getTime() === document.expiresOn!.getTime();
    await tx.deadline.upsert({
      where: { caseId_key: { caseId, key } },
      create: { firmId, caseId, key, kind: 'DOCUMENT_EXPIRY', dueOn: document.expiresOn!, basis, confidence: 'H', actor: 'CLIENT', source: 'DOCUMENT', documentId: document.id },
      update: keepsStatus ? { basis } : { dueOn: document.expiresOn!, basis, status: 'OPEN', completedAt: null, completedById: null },
    });
    touched.add(caseId);
  }
  for (const row of existing) {
    if (touched.has(row.caseId)) continue;
    if (row.status !== 'SUPERSEDED') await tx.deadline.update({ where: { id: row.id, firmId }, data: { status: 'SUPERSEDED' } });
    touched.add(row.caseId);
  }
  for (const caseId of touched) await refreshNextDeadline(tx, firmId, caseId);
}
