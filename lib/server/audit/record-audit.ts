import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { auditDiff } from './audit-diff';
import { ACTOR_KIND_COLUMN, type AuditEntry, ZAuditEntry } from './audit-types';

// Writes one audit row with the caller's transaction client, so the change and its record commit or roll back
// together. Pre-authentication events (failed sign-ins) have no change to attach to and pass their own
// short transaction. The table is append-only in the database; nothing here ever updates or deletes a row.

export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<{ id: string }> {
  const parsed = ZAuditEntry.safeParse(entry);
  if (!parsed.success) {
    // A malformed entry is a programming error; failing loudly rolls back the change it describes.
    const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(entry)').join(', ');
    throw new AppError('INTERNAL', { message: `invalid audit entry for ${String(entry.action)}: ${fields}` });
  }
  const { firmId, actor, action, entity, entityId, before, after, context } = parsed.data;
  const row = await tx.auditLog.create({
    data: {
      firmId,
      actorKind: ACTOR_KIND_COLUMN[actor.kind],
      actorUserId: actor.kind === 'staff' || actor.kind === 'client' ? actor.userId : null,
      action,
      entity,
      entityId: entityId ?? null,
      ip: context?.ip ?? null,
      userAgent: context?.userAgent ?? null,
      diff: auditDiff(before, after),
    },
    select: { id: true },
  });
  return { id: row.id.toString() };
}
