import type { Tx } from '@/lib/db';
import type { AuditLog, EmailOutbox, ImportJob, Prisma } from '@/lib/generated/prisma/client';
import type { JsonValue } from '@/lib/server/audit/audit-diff';
import type { ClientData } from './client-data-rows';
import { maskEntry, maskMentions, maskText } from './personal-masking';

// The erasure's part in the rows it keeps: audit entries (history stays, the identity goes), emails to staff
// about the client, import reports. Runs in the erasure's transaction, after the masking switch is on.

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
// Only the person's own actions carry their IP and browser; staff and system entries keep theirs.
const theirOrigin = (row: { actorKind: string }) => row.actorKind === 'CLIENT' || row.actorKind === 'ANONYMOUS';

/** The client's audit entries of the firm: their own entries fully masked (maskEntry), others' mentions of them replaced. */
async function maskFirmAudit(tx: Tx, firmId: string, data: ClientData): Promise<number> {
  const own = new Set(data.ownIds);
  const userId = data.portalUser?.id;
  let changed = 0;
  for (const row of data.tables.AuditLog as AuditLog[]) {
    const aboutThem = (row.entityId !== null && own.has(row.entityId)) || (userId !== undefined && row.actorUserId === userId);
    const before = row.diff as JsonValue;
    const diff = maskMentions(aboutThem ? maskEntry(before) : before, data.needles);
    const clearOrigin = theirOrigin(row) && (row.ip !== null || row.userAgent !== null);
    if (same(diff, before) && !clearOrigin) continue;
    await tx.auditLog.update({ where: { id: row.id, firmId }, data: { diff: diff as Prisma.InputJsonValue, ...(clearOrigin ? { ip: null, userAgent: null } : {}) } });
    changed++;
  }
  return changed;
}

/**
 * Entries written before anyone knew the firm (a failed sign-in typed with the client's address) carry no firmId.
 * They are matched on the address alone, which is the person's (the export leaves them out: they may come from
 * another firm's sign-in page, which this firm's admin must not read).
 */
async function maskFirmlessAudit(tx: Tx, emails: string[]): Promise<number> {
  if (emails.length === 0) return 0;
  const patterns = emails.map((email) => `%${email.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const rows = await tx.$queryRaw<Pick<AuditLog, 'id' | 'diff' | 'actorKind'>[]>`
    SELECT "id", "diff", "actorKind" FROM "AuditLog" WHERE "firmId" IS NULL AND "diff"::text ILIKE ANY(${patterns}::text[])`;
  for (const row of rows) {
    const diff = maskMentions(row.diff as JsonValue, emails);
    await tx.auditLog.updateMany({ where: { id: row.id, firmId: null }, data: { diff: diff as Prisma.InputJsonValue, ...(theirOrigin(row) ? { ip: null, userAgent: null } : {}) } });
  }
  return rows.length;
}

/** Emails the client was sent are deleted by the caller; these are the rest, to staff, that name them. */
async function maskOutbox(tx: Tx, firmId: string, data: ClientData, addressed: Set<string>): Promise<number> {
  let changed = 0;
  for (const row of data.tables.EmailOutbox as EmailOutbox[]) {
    if (addressed.has(row.id)) continue;
    const masked = { subject: maskText(row.subject, data.needles), html: maskText(row.html, data.needles), text: maskText(row.text, data.needles) };
    if (masked.subject === row.subject && masked.html === row.html && masked.text === row.text) continue;
    await tx.emailOutbox.update({ where: { id: row.id, firmId }, data: masked });
    changed++;
  }
  return changed;
}

async function maskImports(tx: Tx, firmId: string, data: ClientData): Promise<number> {
  let changed = 0;
  for (const row of data.tables.ImportJob as ImportJob[]) {
    const report = maskMentions(row.report as JsonValue, data.needles);
    const mapping = maskMentions(row.mapping as JsonValue, data.needles);
    if (same(report, row.report) && same(mapping, row.mapping)) continue;
    await tx.importJob.update({ where: { id: row.id, firmId }, data: { report: report as Prisma.InputJsonValue, mapping: mapping as Prisma.InputJsonValue } });
    changed++;
  }
  return changed;
}

/** Masks every kept mention of the client; returns how many rows of each kind changed (for the erasure's audit). */
export async function maskClientMentions(tx: Tx, firmId: string, data: ClientData, addressedOutboxIds: Set<string>) {
  // The audit log's trigger lets an UPDATE through only with this set, for this transaction alone.
  await tx.$executeRaw`SET LOCAL sejour.audit_masking = 'on'`;
  return {
    auditEntries: (await maskFirmAudit(tx, firmId, data)) + (await maskFirmlessAudit(tx, data.emails)),
    emails: await maskOutbox(tx, firmId, data, addressedOutboxIds),
    imports: await maskImports(tx, firmId, data),
  };
}
