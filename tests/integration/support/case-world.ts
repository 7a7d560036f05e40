import type { Firm } from '@/lib/generated/prisma/client';
import type { CardType, CaseStage, DeadlineKind, Procedure } from '@/lib/generated/prisma/enums';
import { searchable } from '@/lib/server/search-text';
import { unique } from './fixtures';

// Clients and cases with every column the cases table shows, written straight with Prisma (and in bulk for the
// export's thousands), with searchText kept the way lib/server keeps it.

const database = async () => (await import('@/lib/db')).getDb();

export type ClientSpec = { firstName?: string; lastName?: string; fileNumber?: string; commune?: string | null };

export async function addClient(firm: Firm, spec: ClientSpec = {}) {
  const db = await database();
  const suffix = unique();
  return db.client.create({
    data: {
      firmId: firm.id,
      fileNumber: spec.fileNumber ?? `F-${suffix}`,
      firstName: spec.firstName ?? 'Amina',
      lastName: spec.lastName ?? `Client ${suffix}`,
      nationality: 'MA',
      citizenship: 'NON_EU',
      language: 'fr',
      commune: spec.commune === undefined ? 'Schaerbeek / Schaarbeek' : spec.commune,
    },
  });
}

export type CaseSpec = {
  reference?: string;
  procedure?: Procedure;
  stage?: CaseStage;
  cardType?: CardType | null;
  cardValidUntil?: string | null;
  nextDeadlineOn?: string | null;
  nextDeadlineKind?: DeadlineKind | null;
  assignedToId?: string | null;
  dvzFileNumber?: string | null;
  rvvRollNumber?: string | null;
  deletedAt?: Date | null;
  updatedAt?: Date;
};

const day = (value: string | null | undefined) => (value ? new Date(`${value}T00:00:00Z`) : null);

export async function addCase(firm: Firm, client: { id: string; firstName: string; lastName: string; fileNumber: string }, spec: CaseSpec = {}) {
  const db = await database();
  const reference = spec.reference ?? `${client.fileNumber}-${unique().slice(0, 4)}`;
  const created = await db.case.create({
    data: {
      firmId: firm.id,
      clientId: client.id,
      reference,
      procedure: spec.procedure ?? 'SINGLE_PERMIT',
      stage: spec.stage ?? 'INTAKE',
      cardType: spec.cardType ?? null,
      cardValidUntil: day(spec.cardValidUntil),
      nextDeadlineOn: day(spec.nextDeadlineOn),
      nextDeadlineKind: spec.nextDeadlineKind ?? (spec.nextDeadlineOn ? 'DECISION_DUE' : null),
      assignedToId: spec.assignedToId ?? null,
      dvzFileNumber: spec.dvzFileNumber ?? null,
      rvvRollNumber: spec.rvvRollNumber ?? null,
      deletedAt: spec.deletedAt ?? null,
      searchText: searchable(client.firstName, client.lastName, client.fileNumber, reference, spec.dvzFileNumber, spec.rvvRollNumber),
    },
  });
  // @updatedAt is set by Prisma on every write; a test that sorts on it sets it afterwards, with raw SQL.
  if (spec.updatedAt) await db.$executeRaw`UPDATE "Case" SET "updatedAt" = ${spec.updatedAt} WHERE id = ${created.id}`;
  return created;
}

const STAGES: CaseStage[] = ['INTAKE', 'APPLICATION_FILED', 'DECISION_PENDING', 'REFUSED', 'CARD_ISSUED'];

/** `count` cases over count/2 clients with createMany: a firm big enough for several export batches in seconds. */
export async function bulkCases(firm: Firm, count: number, assignedToId: string | null) {
  const db = await database();
  const clients = Array.from({ length: Math.ceil(count / 2) }, (_, i) => ({
    id: `${firm.id}-cl-${i}`,
    firmId: firm.id,
    fileNumber: `BULK-${String(i).padStart(5, '0')}`,
    firstName: `First${i}`,
    lastName: `Bulk${String(i).padStart(5, '0')}`,
    nationality: 'TR',
    citizenship: 'NON_EU' as const,
    language: 'nl' as const,
    commune: i % 2 ? 'Gent' : 'Antwerpen',
  }));
  await db.client.createMany({ data: clients });
  const cases = Array.from({ length: count }, (_, i) => {
    const client = clients[Math.floor(i / 2)]!;
    const reference = `${client.fileNumber}-${(i % 2) + 1}`;
    const dayOfYear = (i * 7) % 365;
    return {
      firmId: firm.id,
      clientId: client.id,
      reference,
      procedure: 'FAMILY_REUNIFICATION' as const,
      stage: STAGES[i % STAGES.length]!,
      // One case in ten has no deadline, and many share a date: the order must still be total and stable.
      nextDeadlineOn: i % 10 === 9 ? null : new Date(Date.UTC(2027, 0, 1 + dayOfYear)),
      nextDeadlineKind: i % 10 === 9 ? null : ('DECISION_DUE' as const),
      assignedToId,
      searchText: searchable(client.firstName, client.lastName, client.fileNumber, reference),
    };
  });
  for (let start = 0; start < cases.length; start += 1_000) await db.case.createMany({ data: cases.slice(start, start + 1_000) });
}
