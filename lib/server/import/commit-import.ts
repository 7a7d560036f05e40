import { z } from 'zod';
import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { brusselsDate, toDbDate } from '@/lib/dates';
import { getDb, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { logger } from '@/lib/logger';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { insertCase } from '@/lib/server/case/insert-case';
import { FREE_MOVEMENT_NATIONALITIES } from '@/lib/server/client/client-schemas';
import { newClientId, SEALED_IDENTITY_OMIT, sealIdentityNumbers } from '@/lib/server/client/identity-numbers';
import { searchable } from '@/lib/server/search-text';
import { parseInput } from '@/lib/server/validate';
import { checkImportRows } from './check-import-rows';
import {
  readStoredMapping,
  readStoredReport,
  RESULT_CLIENT_LINKS,
  type ImportResult,
  type StoredMapping,
  type ValidationReport,
} from './import-fields';
import type { PreparedRow } from './prepare-import-row';

const ZInput = z.object({ jobId: z.string().min(1) });

/** Progress is written every this many rows: often enough for a smooth bar, rarely enough to cost nothing. */
const PROGRESS_EVERY = 25;
/** Far longer than a 20,000-row file takes (a few minutes): the limit is for a commit that hangs, not a slow one. */
const TRANSACTION_TIMEOUT_MS = 30 * 60_000;

/** The file no longer passes the checks (someone took a file number since validation): nothing is written. */
class ImportRejected extends Error {
  constructor(readonly report: ValidationReport) {
    super('import rows no longer valid');
  }
}

/** Writing one row failed; the whole transaction rolls back and the report names the row. */
class RowFailure extends Error {
  constructor(
    readonly row: number,
    readonly reason: unknown,
  ) {
    super(`import row ${row} failed`);
  }
}

/** File numbers for rows without one, as the new-client form allocates them ("2026-0042"), avoiding the file's own. */
async function fileNumberAllocator(tx: Tx, firmId: string, reserved: Set<string>) {
  // The same query as createClient's: the Brussels year, and hand-typed numbers too long to be a sequence ignored.
  const year = brusselsDate().slice(0, 4);
  const [row] = await tx.$queryRaw<{ max: number | null }[]>`
    SELECT max(substring("fileNumber" from ${`^${year}-(\\d{1,9})$`})::int) AS max FROM "Client" WHERE "firmId" = ${firmId}`;
  let last = row?.max ?? 0;
  return () => {
    let candidate: string;
    do candidate = `${year}-${String(++last).padStart(4, '0')}`;
    while (reserved.has(candidate));
    return candidate;
  };
}

async function writeProgress(jobId: string, firmId: string, processedRows: number) {
  // Outside the transaction, on another connection: the transaction's own writes are invisible until it commits.
  await getDb()
    .importJob.update({ where: { id: jobId, firmId }, data: { processedRows } })
    .catch((error: unknown) => logger().warn({ err: error, jobId }, 'import progress not written'));
}

async function writeRow(
  tx: Tx,
  row: PreparedRow,
  { actor, context, fileNumber, assignees }: { actor: StaffActor; context: RequestContext; fileNumber: string; assignees: Map<string, string> },
) {
  const { confirmDuplicate: _confirm, birthDate, fileNumber: _given, nationalRegisterNumber, passportNumber, ...fields } = row.client!;
  const id = newClientId();
  const client = await tx.client.create({
    data: {
      ...fields,
      id,
      fileNumber,
      firmId: actor.firmId,
      birthDate: birthDate ? toDbDate(birthDate) : null,
      citizenship: FREE_MOVEMENT_NATIONALITIES.has(fields.nationality) ? 'EU' : 'NON_EU',
      ...sealIdentityNumbers({ clientId: id, firmId: actor.firmId }, { nationalRegisterNumber, passportNumber }),
      searchText: searchable(fields.firstName, fields.lastName, fileNumber),
    },
    omit: SEALED_IDENTITY_OMIT,
  });
  const after = { ...client, nationalRegisterNumber: nationalRegisterNumber ?? null, passportNumber: passportNumber ?? null };
  await recordAudit(tx, { firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'client.created', entity: 'client', entityId: client.id, after, context });
  if (row.kase) {
    const { procedure, targetCard, assignedToEmail, ...facts } = row.kase;
    const assignedToId = (assignedToEmail && assignees.get(assignedToEmail)) || actor.userId;
    await insertCase(tx, { firmId: actor.firmId, actorUserId: actor.userId, client, procedure, targetCard, assignedToId, facts, context, firstCase: true });
  }
  return client;
}

async function writeAll(
  tx: Tx,
  { actor, context, jobId, fileName, mapping, checked }: { actor: StaffActor; context: RequestContext; jobId: string; fileName: string; mapping: StoredMapping; checked?: ValidationReport },
) {
  // The new-client form's numbering lock: no file number is given out twice while the import runs.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`client-number:${actor.firmId}`}))`;
  const { rows, report, advisors } = await checkImportRows(tx, { firmId: actor.firmId, mapping, lookForDuplicates: false });
  if (report.errorRows) throw new ImportRejected(report);
  const nextFileNumber = await fileNumberAllocator(tx, actor.firmId, new Set(rows.flatMap((row) => (row.client?.fileNumber ? [row.client.fileNumber] : []))));

  const created: ImportResult['clients'] = [];
  let caseCount = 0;
  for (const [index, row] of rows.entries()) {
    try {
      const client = await writeRow(tx, row, { actor, context, fileNumber: row.client?.fileNumber ?? nextFileNumber(), assignees: advisors });
      if (created.length < RESULT_CLIENT_LINKS) created.push({ id: client.id, fileNumber: client.fileNumber, name: `${client.firstName} ${client.lastName}` });
      if (row.kase) caseCount++;
    } catch (error) {
      throw new RowFailure(row.row, error);
    }
    if ((index + 1) % PROGRESS_EVERY === 0 && index + 1 < rows.length) await writeProgress(jobId, actor.firmId, index + 1);
  }

  const result: ImportResult = { finishedAt: new Date().toISOString(), clientCount: rows.length, caseCount, clients: created };
  // The rows now live in Client and Case; the job keeps the header, the mapping and the report, not the people.
  const cleared: StoredMapping = { ...mapping, source: { ...mapping.source, rows: [] } };
  await tx.importJob.update({
    where: { id: jobId, firmId: actor.firmId },
    // The report the person saw (with its warnings about existing clients) stays with the job.
    data: { status: 'COMMITTED', processedRows: rows.length, mapping: cleared, report: { validation: checked ?? report, result } },
  });
  await recordAudit(tx, {
    firmId: actor.firmId,
    actor: { kind: 'staff', userId: actor.userId },
    action: 'import.committed',
    entity: 'import',
    entityId: jobId,
    after: { fileName, rows: rows.length, clients: rows.length, cases: caseCount },
    context,
  });
  return result;
}

/**
 * Step 4: writes every row of a validated file, all or nothing: one transaction creates the clients (file numbers
 * as given, or allocated like the new-client form does) and, for rows with a procedure, their cases with computed
 * deadlines, each with its audit row, plus one audit row for the import. If any row fails, nothing is written and
 * the job is FAILED with the reason. Progress is visible to pollers while the transaction runs.
 */
export async function commitImport({ actor, input, context }: { actor: StaffActor; input: unknown; context: RequestContext }): Promise<{ status: 'COMMITTED' | 'FAILED'; result: ImportResult }> {
  assertCan(actor, 'import.run');
  const { jobId } = parseInput(ZInput, input);
  const db = getDb();
  const job = await db.importJob.findFirst({ where: { id: jobId, firmId: actor.firmId }, select: { fileName: true, mapping: true, report: true } });
  if (!job) throw new AppError('NOT_FOUND');
  const mapping = readStoredMapping(job.mapping);
  // The claim: a validated job starts once, whatever the clicks. It is written outside the transaction, which
  // never locks the job row until its very end, so the progress updates below never wait for it.
  const claimed = mapping
    ? await db.importJob.updateMany({ where: { id: jobId, firmId: actor.firmId, status: 'VALIDATED' }, data: { status: 'COMMITTING', processedRows: 0 } })
    : { count: 0 };
  if (!mapping || !claimed.count) throw new AppError('CONFLICT', { message: 'import job not ready to commit', userMessage: 'importer.notReady' });

  try {
    const checked = readStoredReport(job.report).validation;
    const result = await db.$transaction((tx) => writeAll(tx, { actor, context, jobId, fileName: job.fileName, mapping, checked }), {
      timeout: TRANSACTION_TIMEOUT_MS,
      maxWait: 30_000,
    });
    return { status: 'COMMITTED', result };
  } catch (error) {
    const rejected = error instanceof ImportRejected;
    if (!rejected) logger().error({ err: error instanceof RowFailure ? error.reason : error, jobId }, 'import commit failed');
    // A rejected file shows its new report; a failed write names the row when it knows it.
    const failure: ImportResult['failure'] = rejected ? undefined : { code: 'writeFailed', ...(error instanceof RowFailure ? { row: error.row } : {}) };
    const result: ImportResult = { finishedAt: new Date().toISOString(), clientCount: 0, caseCount: 0, clients: [], ...(failure ? { failure } : {}) };
    const validation = rejected ? error.report : readStoredReport(job.report).validation;
    await db.importJob.update({
      where: { id: jobId, firmId: actor.firmId },
      data: { status: 'FAILED', processedRows: 0, report: { ...(validation ? { validation } : {}), result } },
    });
    return { status: 'FAILED', result };
  }
}
