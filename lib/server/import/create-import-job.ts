import { z } from 'zod';
import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { parseInput } from '@/lib/server/validate';
import type { StoredMapping } from './import-fields';
import { parseImportFile } from './parse-import-file';
import { suggestMapping } from './suggest-mapping';

const ZInput = z.object({
  fileName: z.string().trim().min(1).max(255),
  bytes: z.instanceof(Uint8Array),
});

/**
 * Step 1: keeps an uploaded spreadsheet as an import job. The file is parsed once, here; its header and rows
 * stay in the job's `mapping` (the database, not a replica's disk, so every web replica can serve the next
 * step) with the column mapping its titles suggest. Nothing is written to clients or cases yet.
 */
export async function createImportJob({ actor, input }: { actor: StaffActor; input: unknown }): Promise<{ id: string }> {
  assertCan(actor, 'import.run');
  const { fileName, bytes } = parseInput(ZInput, input);
  const source = parseImportFile(bytes);
  const mapping: StoredMapping = { source, columns: suggestMapping(source.headers) };
  const job = await getDb().importJob.create({
    data: { firmId: actor.firmId, createdById: actor.userId, fileName, status: 'UPLOADED', totalRows: source.rows.length, mapping },
    select: { id: true },
  });
  return job;
}
