import { expect } from 'vitest';
import { getDb } from '@/lib/db';
import type { Role } from '@/lib/generated/prisma/enums';
import { commitImport } from '@/lib/server/import/commit-import';
import { createImportJob } from '@/lib/server/import/create-import-job';
import { getImportJob } from '@/lib/server/import/get-import-job';
import { getImportProgress } from '@/lib/server/import/get-import-progress';
import { listImportJobs } from '@/lib/server/import/list-import-jobs';
import { validateImport } from '@/lib/server/import/validate-import';
import type { DocumentOperation, DocumentWorld } from './document-operations';
import { newContext } from './fixtures';

// The spreadsheet-import rows of the OPERATIONS table in permissions.test.ts, which spreads them in.
// Import after setupTestDatabase(), as the test does lib/server.

const db = getDb();
const actorOf = (w: DocumentWorld, role: Role) => ({ ADMIN: w.admin, ADVISOR: w.advisor, ASSISTANT: w.assistant })[role].actor;
function ref(w: DocumentWorld, name: string): string {
  const id = w.refs[name];
  if (!id) throw new Error(`the setup made no ${name}`);
  return id;
}
const auditActions = async (w: DocumentWorld) => (await db.auditLog.findMany({ where: { firmId: w.firm.id }, orderBy: { id: 'asc' } })).map((row) => row.action);

const IMPORT_CSV = 'First name;Last name;Nationality;Language\nNadia;Imported;MA;fr\n';
const IMPORT_COLUMNS = { 'column.firstName': '0', 'column.lastName': '1', 'column.nationality': '2', 'column.language': '3' };

/** An uploaded spreadsheet of the firm, put there by its admin; `validated` also maps and checks it. */
async function uploadedImport(w: DocumentWorld, { validated }: { validated: boolean }) {
  const { id } = await createImportJob({ actor: w.admin.actor, input: { fileName: 'clients.csv', bytes: new TextEncoder().encode(IMPORT_CSV) } });
  if (validated) await validateImport({ actor: w.admin.actor, input: { jobId: id, ...IMPORT_COLUMNS } });
  w.refs.importJob = id;
}

export const IMPORT_OPERATIONS: DocumentOperation[] = [
  {
    name: 'createImportJob',
    file: 'lib/server/import/create-import-job.ts',
    action: 'import.run',
    run: (w, role) => createImportJob({ actor: actorOf(w, role), input: { fileName: 'clients.csv', bytes: new TextEncoder().encode(IMPORT_CSV) } }),
    allowed: async (w, role, result) => {
      const { id } = result as { id: string };
      expect(await db.importJob.findUniqueOrThrow({ where: { id } })).toMatchObject({ firmId: w.firm.id, createdById: actorOf(w, role).userId, status: 'UPLOADED', totalRows: 1 });
    },
  },
  {
    name: 'listImportJobs',
    file: 'lib/server/import/list-import-jobs.ts',
    action: 'import.run',
    setup: (w) => uploadedImport(w, { validated: false }),
    run: (w, role) => listImportJobs({ actor: actorOf(w, role) }),
    allowed: async (w, _role, result) => {
      expect((result as Awaited<ReturnType<typeof listImportJobs>>).rows.map((job) => job.id)).toEqual([ref(w, 'importJob')]);
    },
  },
  {
    name: 'getImportJob',
    file: 'lib/server/import/get-import-job.ts',
    action: 'import.run',
    setup: (w) => uploadedImport(w, { validated: false }),
    run: (w, role) => getImportJob({ actor: actorOf(w, role), input: { jobId: ref(w, 'importJob') } }),
    allowed: async (w, _role, result) => {
      const job = result as Awaited<ReturnType<typeof getImportJob>>;
      expect([job.id, job.fileName, job.mapping?.source.rows]).toEqual([ref(w, 'importJob'), 'clients.csv', [['Nadia', 'Imported', 'MA', 'fr']]]);
    },
  },
  {
    name: 'getImportProgress',
    file: 'lib/server/import/get-import-progress.ts',
    action: 'import.run',
    setup: (w) => uploadedImport(w, { validated: false }),
    run: (w, role) => getImportProgress({ actor: actorOf(w, role), input: { jobId: ref(w, 'importJob') } }),
    allowed: async (_w, _role, result) => {
      expect(result).toEqual({ status: 'UPLOADED', processedRows: 0, totalRows: 1 });
    },
  },
  {
    name: 'validateImport',
    file: 'lib/server/import/validate-import.ts',
    action: 'import.run',
    setup: (w) => uploadedImport(w, { validated: false }),
    run: (w, role) => validateImport({ actor: actorOf(w, role), input: { jobId: ref(w, 'importJob'), ...IMPORT_COLUMNS } }),
    allowed: async (w, _role, result) => {
      expect((result as Awaited<ReturnType<typeof validateImport>>).status).toBe('VALIDATED');
      expect((await db.importJob.findUniqueOrThrow({ where: { id: ref(w, 'importJob') } })).status).toBe('VALIDATED');
    },
  },
  {
    name: 'commitImport',
    file: 'lib/server/import/commit-import.ts',
    action: 'import.run',
    setup: (w) => uploadedImport(w, { validated: true }),
    run: (w, role) => commitImport({ actor: actorOf(w, role), input: { jobId: ref(w, 'importJob') }, context: newContext() }),
    allowed: async (w, _role, result) => {
      expect((result as Awaited<ReturnType<typeof commitImport>>).status).toBe('COMMITTED');
      expect(await db.client.count({ where: { firmId: w.firm.id, lastName: 'Imported' } })).toBe(1);
      expect(await auditActions(w)).toEqual(['client.created', 'client.created', 'import.committed']);
    },
  },
];
