import { describe, expect, it } from 'vitest';
import { cloneDatabase } from './support/admin';
import { setupTestDatabase } from './support/test-database';
import { inject } from 'vitest';
import { databaseUrl } from '@/lib/dev/embedded-postgres';

await setupTestDatabase();
const { getDb } = await import('@/lib/db');
const { seedDemo } = await import('../../prisma/seed/demo');
const { scriptClient } = await import('../../prisma/seed/client');
const { STAGES } = await import('../../prisma/seed/demo-scenarios');

const AS_OF = '2026-11-23';
const db = getDb();
await seedDemo(db, AS_OF);

describe('demo seed', () => {
  it('creates two firms, each with an admin, two advisors and an assistant', async () => {
    const firms = await db.firm.findMany({ include: { memberships: true }, orderBy: { slug: 'asc' } });
    expect(firms).toHaveLength(2);
    for (const firm of firms) {
      expect(firm.memberships.map((m) => m.role).sort()).toEqual(['ADMIN', 'ADVISOR', 'ADVISOR', 'ASSISTANT']);
    }
  });

  it('puts about forty clients in each firm, with cases in every stage', async () => {
    for (const firm of await db.firm.findMany()) {
      expect(await db.client.count({ where: { firmId: firm.id } })).toBe(40);
      const stages = await db.case.groupBy({ by: ['stage'], where: { firmId: firm.id }, _count: true });
      expect(stages.map((s) => s.stage).sort()).toEqual([...STAGES].sort());
    }
  });

  it('mixes EU and non-EU clients, all three languages and real communes', async () => {
    const byCitizenship = await db.client.groupBy({ by: ['citizenship'], _count: true });
    expect(byCitizenship.map((g) => g.citizenship).sort()).toEqual(['EU', 'NON_EU']);
    const byLanguage = await db.client.groupBy({ by: ['language'], _count: true });
    expect(byLanguage.map((g) => g.language).sort()).toEqual(['en', 'fr', 'nl']);
    const communes = await db.client.findMany({ distinct: ['commune'], select: { commune: true } });
    expect(communes.map((c) => c.commune)).toEqual(expect.arrayContaining(['Antwerpen', 'Gent', 'Liège']));
  });

  it('computes deadlines for running cases: a refused case has its appeal deadline, a card its expiry', async () => {
    const refused = await db.case.findFirstOrThrow({ where: { stage: 'REFUSED' }, include: { deadlines: true } });
    expect(refused.deadlines.map((d) => d.kind)).toContain('APPEAL');
    expect(refused.nextDeadlineOn).not.toBeNull();
    const issued = await db.case.findFirstOrThrow({ where: { stage: 'CARD_ISSUED' }, include: { deadlines: true } });
    const expiry = issued.deadlines.find((d) => d.kind === 'CARD_EXPIRY');
    expect(expiry?.dueOn.toISOString().slice(0, 10)).toBe(issued.cardValidUntil?.toISOString().slice(0, 10));
  });

  it('gives every case a client-visible timeline', async () => {
    const kase = await db.case.findFirstOrThrow({ where: { stage: 'APPEAL_FILED' }, include: { events: { orderBy: { occurredAt: 'asc' } } } });
    expect(kase.events.map((e) => e.toStage)).toEqual(['INTAKE', 'APPLICATION_FILED', 'REFUSED', 'APPEAL_FILED']);
  });

  it('is deterministic: a second database seeded on the same day holds the same people', async () => {
    const name = `seed_again_${Date.now()}`;
    await cloneDatabase(inject('databaseBaseUrl'), inject('templateDatabase'), name);
    const other = scriptClient(databaseUrl(inject('databaseBaseUrl'), name));
    try {
      await seedDemo(other, AS_OF);
      const pick = { select: { fileNumber: true, firstName: true, lastName: true, nationality: true }, orderBy: [{ firmId: 'asc' as const }, { fileNumber: 'asc' as const }] };
      const names = (rows: { firstName: string; lastName: string }[]) => rows.map((r) => `${r.firstName} ${r.lastName}`).sort();
      expect(names(await other.client.findMany(pick))).toEqual(names(await db.client.findMany(pick)));
    } finally {
      await other.$disconnect();
    }
  });
});

describe('schema', () => {
  it('gives every firm-owned table a NOT NULL firmId', async () => {
    const rows = await db.$queryRaw<{ table_name: string; is_nullable: string }[]>`
      SELECT table_name, is_nullable FROM information_schema.columns WHERE column_name = 'firmId' AND table_schema = 'public'`;
    const tables = Object.fromEntries(rows.map((r) => [r.table_name, r.is_nullable]));
    for (const table of ['Membership', 'Invitation', 'Client', 'FamilyLink', 'Case', 'CaseEvent', 'Deadline', 'Task', 'Reminder', 'Document', 'DocumentVersion', 'CaseDocument', 'ChecklistItem', 'Note', 'ImportJob']) {
      expect(tables[table], table).toBe('NO');
    }
  });
});
