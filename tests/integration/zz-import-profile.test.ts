import { it } from 'vitest';
import { setupTestDatabase } from './support/test-database';
import { createFirmWithStaff, newContext, unique } from './support/fixtures';

await setupTestDatabase();
const { createImportJob } = await import('@/lib/server/import/create-import-job');
const { validateImport } = await import('@/lib/server/import/validate-import');
const { commitImport } = await import('@/lib/server/import/commit-import');
const { getImportJob } = await import('@/lib/server/import/get-import-job');

it('profile', async () => {
  const w = await createFirmWithStaff('P');
  const tag = unique();
  const header = 'Dossiernummer;Voornaam;Naam;Geboortedatum;Nationaliteit;Taal;Procedure;Verblijf;Aankomst';
  const lines = Array.from({ length: 500 }, (_, i) => `P-${tag}-${i};V${i};N ${tag} ${i};01/02/1985;MA;fr;${process.env.NOCASE ? '' : 'STUDY'};lang;05/01/2026`);
  const bytes = new TextEncoder().encode([header, ...lines].join('\n'));
  let t = Date.now();
  const { id } = await createImportJob({ actor: w.admin.actor, input: { fileName: 'a.csv', bytes } });
  console.log('upload', Date.now() - t); t = Date.now();
  const job = await getImportJob({ actor: w.admin.actor, input: { jobId: id } });
  const cols = Object.fromEntries(Object.entries(job.mapping!.columns).map(([f, c]) => [`column.${f}`, String(c)]));
  await validateImport({ actor: w.admin.actor, input: { jobId: id, ...cols } });
  console.log('validate', Date.now() - t); t = Date.now();
  const r = await commitImport({ actor: w.admin.actor, input: { jobId: id }, context: newContext() });
  console.log('commit', Date.now() - t, r.status);
}, 300_000);
