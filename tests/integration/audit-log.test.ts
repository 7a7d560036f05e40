import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { StaffActor } from '@/lib/auth/actor';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Role } from '@/lib/generated/prisma/enums';
import { setupTestDatabase } from './support/test-database';

await setupTestDatabase();
const { getDb } = await import('@/lib/db');
const { recordAudit } = await import('@/lib/server/audit/record-audit');
const { listAuditLog } = await import('@/lib/server/audit/list-audit-log');
const { contextFromHeaders } = await import('@/lib/server/request-context');

const db = getDb();
const context = { ip: '198.51.100.4', userAgent: 'vitest' };

async function seedFirm(label: string) {
  const suffix = randomUUID().slice(0, 8);
  const firm = await db.firm.create({ data: { name: `${label} ${suffix}`, slug: `${label.toLowerCase()}-${suffix}` } });
  const member = async (role: Role, name: string): Promise<StaffActor> => {
    const user = await db.user.create({ data: { email: `${name.toLowerCase()}-${suffix}@example.test`, name: `${name} ${label}` } });
    await db.membership.create({ data: { firmId: firm.id, userId: user.id, role } });
    return { kind: 'staff', userId: user.id, firmId: firm.id, role };
  };
  return { firm, admin: await member('ADMIN', 'Ada'), advisor: await member('ADVISOR', 'Vic'), assistant: await member('ASSISTANT', 'Sam') };
}

type Seeded = Awaited<ReturnType<typeof seedFirm>>;

async function clientCreated(world: Seeded, entityId: string, after: Record<string, unknown> = { firstName: 'Amina' }) {
  const { id } = await recordAudit(db, { firmId: world.firm.id, actor: { kind: 'staff', userId: world.admin.userId }, action: 'client.created', entity: 'client', entityId, after, context });
  return id;
}

const auditRow = async (id: string) => db.auditLog.findUniqueOrThrow({ where: { id: BigInt(id) } });

describe('recordAudit', () => {
  it('commits with the change it describes and vanishes with it when the transaction fails', async () => {
    const world = await seedFirm('Rollback');
    const fileNumber = `F-${randomUUID()}`;
    const attempt = db.$transaction(async (tx) => {
      const client = await tx.client.create({ data: { firmId: world.firm.id, fileNumber, firstName: 'Amina', lastName: 'B', nationality: 'MA', citizenship: 'NON_EU', language: 'fr' } });
      await recordAudit(tx, { firmId: world.firm.id, actor: { kind: 'staff', userId: world.admin.userId }, action: 'client.created', entity: 'client', entityId: client.id, after: client, context });
      throw new Error('later step failed');
    });
    await expect(attempt).rejects.toThrow('later step failed');
    expect(await db.client.count({ where: { fileNumber } })).toBe(0);
    expect(await db.auditLog.count({ where: { firmId: world.firm.id } })).toBe(0);

    const client = await db.$transaction(async (tx) => {
      const created = await tx.client.create({ data: { firmId: world.firm.id, fileNumber, firstName: 'Amina', lastName: 'B', nationality: 'MA', citizenship: 'NON_EU', language: 'fr' } });
      await recordAudit(tx, { firmId: world.firm.id, actor: { kind: 'staff', userId: world.admin.userId }, action: 'client.created', entity: 'client', entityId: created.id, after: created, context });
      return created;
    });
    const rows = await db.auditLog.findMany({ where: { firmId: world.firm.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'client.created', entity: 'client', entityId: client.id, actorKind: 'STAFF', actorUserId: world.admin.userId, ip: context.ip, userAgent: 'vitest' });
  });

  it('masks sensitive fields on both sides while showing that they changed, and never stores their values', async () => {
    const world = await seedFirm('Mask');
    const before = { firstName: 'Amina', lastName: 'Benali', nationalRegisterNumber: '85073003328', passportNumber: 'EM1234567', searchText: 'amina benali 85073003328 em1234567' };
    const after = { ...before, nationalRegisterNumber: '85073003329', passportNumber: 'EM1234567', searchText: 'amina benali 85073003329 em1234567' };
    const { id } = await recordAudit(db, { firmId: world.firm.id, actor: { kind: 'staff', userId: world.advisor.userId }, action: 'client.updated', entity: 'client', entityId: 'c1', before, after, context });
    const row = await auditRow(id);
    expect(row.diff).toEqual({ before: { nationalRegisterNumber: '[masked]' }, after: { nationalRegisterNumber: '[masked]' } });

    const secrets = {
      email: 'ada@example.test',
      passwordHash: '$argon2id$v=19$secret-hash',
      totpSecret: 'JBSWY3DPEHPK3PXP',
      sessionToken: 'tok-session-1',
      icalTokenHash: 'ical-hash-1',
      access_token: 'oauth-access-1',
      settings: { smtp: { host: 'smtp.example.test', apiSecret: 'nested-secret-1' } },
      emptySecret: null,
    };
    const created = await auditRow(await clientCreated(world, 'u1', secrets));
    const stored = JSON.stringify(created.diff);
    for (const value of ['secret-hash', 'JBSWY3DPEHPK3PXP', 'tok-session-1', 'ical-hash-1', 'oauth-access-1', 'nested-secret-1']) expect(stored).not.toContain(value);
    expect(created.diff).toEqual({
      after: {
        email: 'ada@example.test',
        passwordHash: '[masked]',
        totpSecret: '[masked]',
        sessionToken: '[masked]',
        icalTokenHash: '[masked]',
        access_token: '[masked]',
        settings: { smtp: { host: 'smtp.example.test', apiSecret: '[masked]' } },
        emptySecret: null,
      },
    });

    const nested = await recordAudit(db, {
      firmId: world.firm.id,
      actor: { kind: 'staff', userId: world.admin.userId },
      action: 'settings.updated',
      entity: 'settings',
      before: { settings: { smtp: { apiSecret: 'old-secret' } } },
      after: { settings: { smtp: { apiSecret: 'new-secret' } } },
    });
    expect((await auditRow(nested.id)).diff).toEqual({ before: { settings: { smtp: { apiSecret: '[masked]' } } }, after: { settings: { smtp: { apiSecret: '[masked]' } } } });
  });

  it('keeps only the fields that changed, with dates as ISO strings and big numbers as strings', async () => {
    const world = await seedFirm('Diff');
    const row = { stage: 'INTAKE', cardValidUntil: new Date('2027-03-31T00:00:00Z'), version: 1, size: 10n, updatedAt: new Date('2026-01-01T10:00:00Z'), facts: { arrivedOn: '2026-01-05' } };
    const next = { ...row, stage: 'APPLICATION_FILED', cardValidUntil: new Date('2027-03-31T00:00:00Z'), version: 2, size: 12n, updatedAt: new Date(), facts: { arrivedOn: '2026-01-06' } };
    const updated = await recordAudit(db, { firmId: world.firm.id, actor: { kind: 'staff', userId: world.admin.userId }, action: 'case.updated', entity: 'case', entityId: 'k1', before: row, after: next, context });
    expect((await auditRow(updated.id)).diff).toEqual({
      before: { stage: 'INTAKE', version: 1, size: '10', facts: { arrivedOn: '2026-01-05' } },
      after: { stage: 'APPLICATION_FILED', version: 2, size: '12', facts: { arrivedOn: '2026-01-06' } },
    });

    const deleted = await recordAudit(db, { firmId: world.firm.id, actor: { kind: 'staff', userId: world.admin.userId }, action: 'case.deleted', entity: 'case', entityId: 'k1', before: row, context });
    expect((await auditRow(deleted.id)).diff).toEqual({ before: { stage: 'INTAKE', cardValidUntil: '2027-03-31T00:00:00.000Z', version: 1, size: '10', facts: { arrivedOn: '2026-01-05' } } });

    const created = await auditRow(await clientCreated(world, 'c2', { birthDate: new Date('1990-05-17T00:00:00Z') }));
    expect(created.diff).toEqual({ after: { birthDate: '1990-05-17T00:00:00.000Z' } });
  });

  it('records pre-sign-in events without a firm, and system actions without a user', async () => {
    const failed = await recordAudit(db, { firmId: null, actor: { kind: 'anonymous' }, action: 'auth.sign_in_failed', entity: 'session', after: { email: 'nobody@example.test', reason: 'password' }, context });
    expect(await auditRow(failed.id)).toMatchObject({ firmId: null, actorKind: 'ANONYMOUS', actorUserId: null, entityId: null });
    const world = await seedFirm('System');
    const system = await recordAudit(db, { firmId: world.firm.id, actor: { kind: 'system' }, action: 'deadline.updated', entity: 'deadline', entityId: 'd1', before: { status: 'OPEN' }, after: { status: 'SUPERSEDED' } });
    expect(await auditRow(system.id)).toMatchObject({ actorKind: 'SYSTEM', actorUserId: null, ip: null, userAgent: null });
  });

  it('refuses an action paired with the wrong entity, at compile time and at run time', async () => {
    const world = await seedFirm('Mismatch');
    const entry = { firmId: world.firm.id, actor: { kind: 'staff', userId: world.admin.userId }, action: 'client.created', entity: 'case' } as const;
    // @ts-expect-error client.created is about a client
    await expect(recordAudit(db, entry)).rejects.toMatchObject({ code: 'INTERNAL' });
    expect(await db.auditLog.count({ where: { firmId: world.firm.id } })).toBe(0);
  });

  it('takes the IP from the first forwarded hop and cuts an oversized user agent', async () => {
    const world = await seedFirm('Context');
    const forwarded = contextFromHeaders(new Headers({ 'x-forwarded-for': '203.0.113.7, 10.0.0.1', 'x-real-ip': '10.0.0.1', 'user-agent': 'A'.repeat(2000) }));
    expect(forwarded.ip).toBe('203.0.113.7');
    expect(forwarded.userAgent).toHaveLength(512);
    expect(contextFromHeaders(new Headers({ 'x-real-ip': '2001:db8::1' })).ip).toBe('2001:db8::1');
    expect(contextFromHeaders(new Headers({ 'x-forwarded-for': '::ffff:192.0.2.9' })).ip).toBe('192.0.2.9');
    expect(contextFromHeaders(new Headers({ 'x-forwarded-for': 'not-an-ip' }))).toEqual({ ip: null, userAgent: null });
    const { id } = await recordAudit(db, { firmId: world.firm.id, actor: { kind: 'staff', userId: world.admin.userId }, action: 'auth.sign_out', entity: 'session', context: forwarded });
    expect(await auditRow(id)).toMatchObject({ ip: '203.0.113.7', userAgent: 'A'.repeat(512) });
  });
});

describe('the database keeps the audit log append-only', () => {
  it('refuses UPDATE, DELETE and TRUNCATE, whatever the client', async () => {
    const world = await seedFirm('Append');
    const id = BigInt(await clientCreated(world, 'c-append'));
    await expect(db.$executeRaw`UPDATE "AuditLog" SET action = 'client.deleted' WHERE id = ${id}`).rejects.toThrow(/AuditLog is append-only: UPDATE is not allowed/);
    await expect(db.auditLog.update({ where: { id }, data: { action: 'client.deleted' } })).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`DELETE FROM "AuditLog" WHERE id = ${id}`).rejects.toThrow(/AuditLog is append-only: DELETE is not allowed/);
    await expect(db.auditLog.deleteMany({ where: { firmId: world.firm.id } })).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe('TRUNCATE "AuditLog"')).rejects.toThrow(/AuditLog is append-only: TRUNCATE is not allowed/);
    expect(await db.auditLog.findUniqueOrThrow({ where: { id } })).toMatchObject({ action: 'client.created' });
  });

  it("lets a GDPR erasure's transaction mask diff, IP and user agent, and nothing else, ever delete a row", async () => {
    const world = await seedFirm('Masking');
    const id = BigInt(await clientCreated(world, 'c-mask', { firstName: 'Amina', lastName: 'Benali' }));
    const masked = { after: { firstName: '[erased]', lastName: '[erased]' } };
    // Without the switch an UPDATE of the diff alone is refused like any other.
    await expect(db.$executeRaw`UPDATE "AuditLog" SET diff = ${masked}::jsonb WHERE id = ${id}`).rejects.toThrow(/AuditLog is append-only: UPDATE is not allowed/);
    // Only 'on' opens it.
    await expect(
      db.$transaction(async (tx) => {
        await tx.$executeRaw`SET LOCAL sejour.audit_masking = 'off'`;
        await tx.$executeRaw`UPDATE "AuditLog" SET diff = ${masked}::jsonb WHERE id = ${id}`;
      }),
    ).rejects.toThrow(/append-only/);
    for (const change of [
      Prisma.sql`UPDATE "AuditLog" SET action = 'client.deleted', diff = ${masked}::jsonb WHERE id = ${id}`,
      Prisma.sql`UPDATE "AuditLog" SET "entityId" = 'c-other' WHERE id = ${id}`,
      Prisma.sql`UPDATE "AuditLog" SET "firmId" = NULL WHERE id = ${id}`,
      Prisma.sql`UPDATE "AuditLog" SET "createdAt" = "createdAt" - interval '1 day' WHERE id = ${id}`,
      Prisma.sql`UPDATE "AuditLog" SET "actorKind" = 'SYSTEM' WHERE id = ${id}`,
    ]) {
      await expect(
        db.$transaction(async (tx) => {
          await tx.$executeRaw`SET LOCAL sejour.audit_masking = 'on'`;
          await tx.$executeRaw(change);
        }),
      ).rejects.toThrow(/AuditLog masking may change only diff, ip, userAgent and actorUserId/);
    }
    await expect(
      db.$transaction(async (tx) => {
        await tx.$executeRaw`SET LOCAL sejour.audit_masking = 'on'`;
        await tx.$executeRaw`DELETE FROM "AuditLog" WHERE id = ${id}`;
      }),
    ).rejects.toThrow(/AuditLog is append-only: DELETE is not allowed/);
    await db.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL sejour.audit_masking = 'on'`;
      await tx.auditLog.update({ where: { id }, data: { diff: masked, ip: null, userAgent: null } });
    });
    expect(await db.auditLog.findUniqueOrThrow({ where: { id } })).toMatchObject({ action: 'client.created', entityId: 'c-mask', diff: masked, ip: null, userAgent: null });
    // And once that transaction is over, the log is closed again.
    await expect(db.$executeRaw`UPDATE "AuditLog" SET diff = '{}'::jsonb WHERE id = ${id}`).rejects.toThrow(/append-only/);
  });
});

describe('listAuditLog', () => {
  it('is for admins only', async () => {
    const world = await seedFirm('Roles');
    await expect(listAuditLog({ actor: world.advisor })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(listAuditLog({ actor: world.assistant })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(listAuditLog({ actor: world.admin })).resolves.toMatchObject({ items: [] });
  });

  it("never shows another firm's rows, even with filters and cursors pointing at them", async () => {
    const a = await seedFirm('Alpha');
    const b = await seedFirm('Bravo');
    const aIds = [await clientCreated(a, 'client-a1'), await clientCreated(a, 'client-a2')];
    const bIds = [await clientCreated(b, 'client-b1'), await clientCreated(b, 'client-b2')];
    // A row of firm A naming firm B's admin as actor must not reveal who that is.
    const crossed = await recordAudit(db, { firmId: a.firm.id, actor: { kind: 'staff', userId: b.admin.userId }, action: 'client.updated', entity: 'client', entityId: 'client-a1', before: { firstName: 'X' }, after: { firstName: 'Y' } });
    aIds.push(crossed.id);

    const all = await listAuditLog({ actor: a.admin });
    expect(all.items.map((item) => item.id).sort()).toEqual([...aIds].sort());
    expect(all.items.find((item) => item.id === crossed.id)).toMatchObject({ actorUserId: b.admin.userId, actorName: null, actorEmail: null });
    expect(all.items.find((item) => item.entityId === 'client-a2')).toMatchObject({ actorName: 'Ada Alpha', actorEmail: expect.stringContaining('ada-') });

    const pointedAtB = [
      { filters: { actorUserId: b.advisor.userId } },
      { filters: { q: 'client-b1' } },
      { filters: { q: 'Bravo' } },
      { filters: { entity: 'client', action: 'client.created', q: 'client-b2' } },
      { cursor: (BigInt(bIds[1]!) + 1n).toString(), filters: { q: 'client-b' } },
    ];
    for (const params of pointedAtB) {
      const page = await listAuditLog({ actor: a.admin, ...params });
      for (const item of page.items) expect(bIds).not.toContain(item.id);
    }
    const afterB = await listAuditLog({ actor: a.admin, cursor: (BigInt(bIds[1]!) + 1n).toString() });
    expect(afterB.items.map((item) => item.id).sort()).toEqual(aIds.filter((id) => BigInt(id) <= BigInt(bIds[1]!)).sort());
  });

  it('filters by entity, action, actor, date range and free text', async () => {
    const world = await seedFirm('Filters');
    const at = (iso: string) => new Date(iso);
    await db.auditLog.createMany({
      data: [
        { firmId: world.firm.id, actorKind: 'STAFF', actorUserId: world.admin.userId, action: 'client.created', entity: 'client', entityId: 'f-c1', createdAt: at('2026-01-10T09:00:00Z') },
        { firmId: world.firm.id, actorKind: 'STAFF', actorUserId: world.advisor.userId, action: 'case.created', entity: 'case', entityId: 'f-k1', createdAt: at('2026-02-10T09:00:00Z') },
        { firmId: world.firm.id, actorKind: 'STAFF', actorUserId: world.advisor.userId, action: 'case.transitioned', entity: 'case', entityId: 'f-k1', ip: '192.0.2.50', createdAt: at('2026-02-20T09:00:00Z') },
        { firmId: world.firm.id, actorKind: 'STAFF', actorUserId: world.assistant.userId, action: 'document.uploaded', entity: 'document', entityId: 'f-d1', createdAt: at('2026-03-10T09:00:00Z') },
      ],
    });
    const entityIds = async (filters: Record<string, unknown>) => (await listAuditLog({ actor: world.admin, filters })).items.map((item) => `${item.action}@${item.entityId}`);

    expect(await entityIds({ entity: 'case' })).toEqual(['case.transitioned@f-k1', 'case.created@f-k1']);
    expect(await entityIds({ action: 'document.uploaded' })).toEqual(['document.uploaded@f-d1']);
    expect(await entityIds({ actorUserId: world.admin.userId })).toEqual(['client.created@f-c1']);
    // Search params arrive as strings; empty ones mean no filter.
    expect(await entityIds({ from: '2026-02-01', to: '2026-03-01', entity: '' })).toEqual(['case.transitioned@f-k1', 'case.created@f-k1']);
    expect(await entityIds({ from: '2026-02-20T09:00:00Z' })).toEqual(['document.uploaded@f-d1', 'case.transitioned@f-k1']);
    expect(await entityIds({ q: 'f-d1' })).toEqual(['document.uploaded@f-d1']);
    expect(await entityIds({ q: 'sam filters' })).toEqual(['document.uploaded@f-d1']);
    expect(await entityIds({ q: '192.0.2' })).toEqual(['case.transitioned@f-k1']);

    await expect(listAuditLog({ actor: world.admin, filters: { entity: 'planet' } })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(listAuditLog({ actor: world.admin, filters: { from: '2026-03-01', to: '2026-02-01' } })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(listAuditLog({ actor: world.admin, cursor: '1 OR 1=1' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(listAuditLog({ actor: world.admin, cursor: '99999999999999999999' })).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('pages newest first with a cursor, each row exactly once', async () => {
    const world = await seedFirm('Pages');
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) ids.push(await clientCreated(world, `p-${i}`));
    const newestFirst = [...ids].reverse();

    const seen: string[] = [];
    let cursor: string | null = null;
    const sizes: number[] = [];
    do {
      const page: Awaited<ReturnType<typeof listAuditLog>> = await listAuditLog({ actor: world.admin, cursor, limit: '2' });
      sizes.push(page.items.length);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(sizes).toEqual([2, 2, 1]);
    expect(seen).toEqual(newestFirst);

    const filtered = await listAuditLog({ actor: world.admin, filters: { action: 'client.created' }, cursor: newestFirst[1], limit: 2 });
    expect(filtered.items.map((item) => item.id)).toEqual(newestFirst.slice(2, 4));
    expect(filtered.nextCursor).toBe(newestFirst[3]);
  });
});
