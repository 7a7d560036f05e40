import { z } from 'zod';
import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { parseInput } from '@/lib/server/validate';
import type { AuditDiff } from './audit-diff';
import { AUDIT_ACTION_NAMES, AUDIT_ENTITIES } from './audit-types';

// The audit log screen: admins only, one firm only (firmId is in every statement), newest first, paged on the
// id so a page never shifts while new rows arrive.

const MAX_BIGINT = 2n ** 63n - 1n;

// Search params arrive as strings, and an empty field means "no filter".
export const ZAuditLogQuery = z
  .object({
    entity: z.enum(AUDIT_ENTITIES).optional(),
    action: z.enum(AUDIT_ACTION_NAMES).optional(),
    actorUserId: z.string().trim().min(1).max(64).optional(),
    // Instants: `from` inclusive, `to` exclusive. A page offering calendar days passes Brussels midnights.
    from: z.coerce.date().optional(),
    to: z.coerce.date().optional(),
    // Matched against the action name, the entity id, the IP and the actor's name or email.
    q: z.string().trim().min(1).max(200).optional(),
    // An AuditLog id: digits within Postgres' bigint (zod runs every check, so both live in one refine).
    cursor: z
      .string()
      .refine((value) => /^\d{1,19}$/.test(value) && BigInt(value) <= MAX_BIGINT, 'cursor')
      .optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((value) => !value.from || !value.to || value.from < value.to, { path: ['to'], message: 'range' });

/** Typed values or raw search-param strings; both go through ZAuditLogQuery. */
export type AuditLogFilters = Partial<Record<'entity' | 'action' | 'actorUserId' | 'from' | 'to' | 'q', unknown>>;

export type AuditLogItem = {
  id: string;
  createdAt: Date;
  action: string;
  entity: string;
  entityId: string | null;
  actorKind: string;
  actorUserId: string | null;
  // Null when the actor is not (or no longer) a user of this firm: another firm's user is never named here.
  actorName: string | null;
  actorEmail: string | null;
  ip: string | null;
  userAgent: string | null;
  diff: AuditDiff;
};

export type AuditLogPage = { items: AuditLogItem[]; nextCursor: string | null };

function withoutBlanks(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== '' && value !== null && value !== undefined));
}

/** The users an audit row may name: members of the firm and its clients' portal users. */
const firmUsers = (firmId: string): Prisma.UserWhereInput => ({
  OR: [{ memberships: { some: { firmId } } }, { portalClient: { is: { firmId } } }],
});

export async function listAuditLog({
  actor,
  filters = {},
  cursor,
  limit,
}: {
  actor: StaffActor;
  filters?: AuditLogFilters;
  cursor?: string | null;
  limit?: number | string;
}): Promise<AuditLogPage> {
  assertCan(actor, 'audit.read');
  const query = parseInput(ZAuditLogQuery, withoutBlanks({ ...filters, cursor, limit }));
  const db = getDb();
  const firmId = actor.firmId;

  let matchingActors: string[] = [];
  if (query.q) {
    const users = await db.user.findMany({
      where: { AND: [firmUsers(firmId), { OR: [{ name: { contains: query.q, mode: 'insensitive' } }, { email: { contains: query.q, mode: 'insensitive' } }] }] },
      select: { id: true },
      take: 100,
    });
    matchingActors = users.map((user) => user.id);
  }

  const where: Prisma.AuditLogWhereInput = {
    firmId,
    entity: query.entity,
    action: query.action,
    actorUserId: query.actorUserId,
    createdAt: query.from || query.to ? { gte: query.from, lt: query.to } : undefined,
    id: query.cursor ? { lt: BigInt(query.cursor) } : undefined,
    OR: query.q
      ? [
          { action: { contains: query.q, mode: 'insensitive' } },
          { entityId: query.q },
          { ip: { startsWith: query.q } },
          ...(matchingActors.length > 0 ? [{ actorUserId: { in: matchingActors } }] : []),
        ]
      : undefined,
  };
  const rows = await db.auditLog.findMany({ where, orderBy: { id: 'desc' }, take: query.limit + 1 });
  const page = rows.slice(0, query.limit);

  // AuditLog has no relation to User (rows outlive users); names come from a second, firm-scoped query.
  const actorIds = [...new Set(page.map((row) => row.actorUserId).filter((id): id is string => id !== null))];
  const users =
    actorIds.length === 0
      ? []
      : await db.user.findMany({ where: { AND: [{ id: { in: actorIds } }, firmUsers(firmId)] }, select: { id: true, name: true, email: true } });
  const byId = new Map(users.map((user) => [user.id, user]));

  return {
    items: page.map((row) => {
      const user = row.actorUserId ? byId.get(row.actorUserId) : undefined;
      return {
        id: row.id.toString(),
        createdAt: row.createdAt,
        action: row.action,
        entity: row.entity,
        entityId: row.entityId,
        actorKind: row.actorKind,
        actorUserId: row.actorUserId,
        actorName: user?.name ?? null,
        actorEmail: user?.email ?? null,
        ip: row.ip,
        userAgent: row.userAgent,
        // Written only by recordAudit, always as { before?, after? }.
        diff: row.diff && typeof row.diff === 'object' && !Array.isArray(row.diff) ? (row.diff as AuditDiff) : {},
      };
    }),
    nextCursor: rows.length > query.limit ? (page.at(-1)?.id.toString() ?? null) : null,
  };
}
