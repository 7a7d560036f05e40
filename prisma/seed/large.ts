import { randomUUID } from 'node:crypto';
import { Faker, en, fr, nl_BE } from '@faker-js/faker';
import pg from 'pg';
import { hashPassword } from '../../lib/auth/password';
import { brusselsDate } from '../../lib/dates';
import type { Citizenship, Locale } from '../../lib/generated/prisma/enums';
import { deadlineRowsFor, nextOpenDeadline } from '../../lib/server/deadline/deadline-rows';
import { bulkInsert } from './bulk-insert';
import { DEMO_PASSWORD } from './demo-people';
import { buildScenario, STAGES } from './demo-scenarios';
import { COMMUNES, EU_NATIONALITIES, NON_EU_NATIONALITIES } from './reference-data';

export const LARGE_FIRM_SLUG = 'bench-firm';
const ADVISORS = 12;
const LANGUAGES: Locale[] = ['nl', 'fr', 'en'];

type Summary = { slug: string; clients: number; cases: number; deadlines: number };

/** One firm with `caseCount` cases (about one client in five has a second case), replacing an earlier one. */
export async function seedLarge(url: string, caseCount: number): Promise<Summary> {
  const f = new Faker({ locale: [nl_BE, fr, en], seed: 100_000 });
  const asOf = brusselsDate();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // A bench firm that has audit rows cannot be deleted (the audit log is append-only); db:reset starts over.
    await client.query('DELETE FROM "Firm" WHERE slug = $1', [LARGE_FIRM_SLUG]);
    await client.query('DELETE FROM "User" WHERE email LIKE $1', ['%@bench.example']);
    const firmId = randomUUID();
    await client.query('INSERT INTO "Firm" (id, name, slug, "updatedAt") VALUES ($1, $2, $3, now())', [firmId, 'Benchmark Advocaten', LARGE_FIRM_SLUG]);
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const advisorIds: string[] = [];
    for (let i = 0; i <= ADVISORS; i++) {
      const id = randomUUID();
      const email = i === 0 ? 'admin@bench.example' : `advisor${i}@bench.example`;
      await client.query('INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ($1, $2, $3, $4, now())', [id, email, f.person.fullName(), passwordHash]);
      await client.query('INSERT INTO "Membership" (id, "firmId", "userId", role, "updatedAt") VALUES ($1, $2, $3, $4, now())', [randomUUID(), firmId, id, i === 0 ? 'ADMIN' : 'ADVISOR']);
      if (i > 0) advisorIds.push(id);
    }

    const clients: unknown[][] = [];
    const cases: unknown[][] = [];
    const deadlines: unknown[][] = [];
    let clientId = '';
    let clientInfo = { name: '', fileNumber: '', citizenship: 'NON_EU' as Citizenship, birthDate: '' };
    let caseOfClient = 0;
    for (let i = 0; i < caseCount; i++) {
      // Every fifth case belongs to the client before it (a renewal or an appeal next to the first file).
      if (i % 5 !== 4 || !clientId) {
        clientId = randomUUID();
        caseOfClient = 0;
        const citizenship: Citizenship = i % 4 === 3 ? 'EU' : 'NON_EU';
        const firstName = f.person.firstName();
        const lastName = f.person.lastName();
        const fileNumber = `B-${String(clients.length + 1).padStart(6, '0')}`;
        const birthDate = f.date.birthdate({ mode: 'age', min: 19, max: 70 }).toISOString().slice(0, 10);
        const commune = COMMUNES[i % COMMUNES.length]!;
        clientInfo = { name: `${firstName} ${lastName}`, fileNumber, citizenship, birthDate };
        clients.push([
          clientId, firmId, fileNumber, firstName, lastName, birthDate,
          citizenship === 'EU' ? EU_NATIONALITIES[i % EU_NATIONALITIES.length] : NON_EU_NATIONALITIES[i % NON_EU_NATIONALITIES.length],
          citizenship, LANGUAGES[i % 3], `client${i}@client.example`, commune.postalCode, commune.name,
          `${firstName} ${lastName} ${fileNumber}`.toLowerCase(),
        ]);
      }
      caseOfClient += 1;
      const stage = STAGES[i % STAGES.length]!;
      const s = buildScenario(stage, clientInfo.citizenship, asOf, f, clientInfo.birthDate);
      const caseId = randomUUID();
      const reference = `${clientInfo.fileNumber}-${caseOfClient}`;
      const dvz = stage === 'INTAKE' ? null : String(1_000_000 + i);
      const rows = deadlineRowsFor(s.facts, stage, asOf);
      const next = nextOpenDeadline(rows);
      cases.push([
        caseId, firmId, clientId, reference, s.procedure, s.targetCard, stage, JSON.stringify(s.facts), s.arrivedOn, s.applicationFiledOn,
        s.decisionNotifiedOn, s.appealRegime, s.card?.type ?? null, s.card?.number ?? null, s.card?.validUntil ?? null, dvz, s.rvvRollNumber,
        advisorIds[i % advisorIds.length], next ? next.dueOn.toISOString().slice(0, 10) : null, next?.kind ?? null,
        [clientInfo.name, clientInfo.fileNumber, reference, dvz, s.rvvRollNumber].filter(Boolean).join(' ').toLowerCase(),
      ]);
      for (const r of rows) {
        deadlines.push([randomUUID(), firmId, caseId, r.key, r.kind, r.dueOn.toISOString().slice(0, 10), r.opensOn?.toISOString().slice(0, 10) ?? null,
          r.basis, r.confidence, r.actor, r.ruleId, r.disputed, r.status]);
      }
    }

    await client.query('BEGIN');
    await bulkInsert(client, 'Client', [
      { name: 'id', type: 'text' }, { name: 'firmId', type: 'text' }, { name: 'fileNumber', type: 'text' }, { name: 'firstName', type: 'text' },
      { name: 'lastName', type: 'text' }, { name: 'birthDate', type: 'date' }, { name: 'nationality', type: 'text' },
      { name: 'citizenship', type: '"Citizenship"' }, { name: 'language', type: '"Locale"' }, { name: 'email', type: 'text' },
      { name: 'postalCode', type: 'text' }, { name: 'commune', type: 'text' }, { name: 'searchText', type: 'text' },
    ], clients);
    await bulkInsert(client, 'Case', [
      { name: 'id', type: 'text' }, { name: 'firmId', type: 'text' }, { name: 'clientId', type: 'text' }, { name: 'reference', type: 'text' },
      { name: 'procedure', type: '"Procedure"' }, { name: 'targetCard', type: '"CardType"' }, { name: 'stage', type: '"CaseStage"' },
      { name: 'facts', type: 'jsonb' }, { name: 'arrivedOn', type: 'date' }, { name: 'applicationFiledOn', type: 'date' },
      { name: 'decisionNotifiedOn', type: 'date' }, { name: 'appealRegime', type: '"AppealRegime"' }, { name: 'cardType', type: '"CardType"' },
      { name: 'cardNumber', type: 'text' }, { name: 'cardValidUntil', type: 'date' }, { name: 'dvzFileNumber', type: 'text' },
      { name: 'rvvRollNumber', type: 'text' }, { name: 'assignedToId', type: 'text' }, { name: 'nextDeadlineOn', type: 'date' },
      { name: 'nextDeadlineKind', type: '"DeadlineKind"' }, { name: 'searchText', type: 'text' },
    ], cases);
    await bulkInsert(client, 'Deadline', [
      { name: 'id', type: 'text' }, { name: 'firmId', type: 'text' }, { name: 'caseId', type: 'text' }, { name: 'key', type: 'text' },
      { name: 'kind', type: '"DeadlineKind"' }, { name: 'dueOn', type: 'date' }, { name: 'opensOn', type: 'date' }, { name: 'basis', type: 'text' },
      { name: 'confidence', type: '"Confidence"' }, { name: 'actor', type: '"Actor"' }, { name: 'ruleId', type: 'text' },
      { name: 'disputed', type: 'boolean' }, { name: 'status', type: '"DeadlineStatus"' },
    ], deadlines);
    await client.query('COMMIT');
    // VACUUM as well as ANALYZE: it sets the visibility map, without which every index-only scan still reads the
    // heap until autovacuum comes by, so benchmarks on a fresh seed would measure a state no live firm is in.
    await client.query('VACUUM (ANALYZE) "Client", "Case", "Deadline"');
    return { slug: LARGE_FIRM_SLUG, clients: clients.length, cases: cases.length, deadlines: deadlines.length };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
