import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { MigrationList, SchemasContainer } from '@prisma/schema-engine-wasm';
import { NO_FILTER, quoteIdent, resolvePaths, schemaName, withClient, withEngine, type MigrationOptions } from './schema-engine';

// Prisma Migrate without Prisma's native engine (its CLI downloads it from a host these machines cannot reach):
// Prisma's own WebAssembly schema engine, talking to Postgres through @prisma/adapter-pg. The engine writes the
// same prisma/migrations/<timestamp>_<name>/migration.sql files and `_prisma_migrations` rows as `prisma migrate`,
// so the real CLI (`npx prisma migrate deploy/status`) agrees with this history wherever it can run.

export type { MigrationOptions };

async function migrationDirs(migrationsDir: string, withScriptOnly: boolean): Promise<string[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isDirectory() && (!withScriptOnly || existsSync(path.join(migrationsDir, e.name, 'migration.sql'))))
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b));
}

/** The same listing as Prisma's CLI: every directory, sorted, with its migration.sql (or the read error). */
async function listMigrations(migrationsDir: string): Promise<MigrationList> {
  const lockfile = { path: 'migration_lock.toml', content: await readFile(path.join(migrationsDir, 'migration_lock.toml'), 'utf8').catch(() => null) };
  const migrationDirectories = await Promise.all(
    (await migrationDirs(migrationsDir, false)).map(async (dir) => {
      const content = await readFile(path.join(migrationsDir, dir, 'migration.sql'), 'utf8').then(
        (value) => ({ tag: 'ok' as const, value }),
        (err: Error) => ({ tag: 'error' as const, value: err.message }),
      );
      return { path: dir, migrationFile: { path: 'migration.sql', content } };
    }),
  );
  return { baseDir: migrationsDir, lockfile, shadowDbInitScript: '', migrationDirectories };
}

const schemaFiles = async (schemaPath: string): Promise<SchemasContainer> => ({
  files: [{ path: schemaPath, content: await readFile(schemaPath, 'utf8') }],
});

/**
 * The Wasm engine never receives the schema's preview features, so it drops `postgresqlExtensions` extensions
 * from every database it describes (prisma-engines' normalize_sql_schema) while the schema side keeps them:
 * each diff would re-add `CREATE EXTENSION` for every extension in schema.prisma. Drop the ones the history
 * already creates. (Removing an extension from the schema therefore needs a hand-written DROP EXTENSION.)
 */
function withoutKnownExtensions(script: string, migrations: MigrationList): string {
  const created = new Set<string>();
  for (const dir of migrations.migrationDirectories) {
    if (dir.migrationFile.content.tag !== 'ok') continue;
    for (const m of dir.migrationFile.content.value.matchAll(/CREATE EXTENSION (?:IF NOT EXISTS )?"?([\w-]+)"?/gi)) created.add(m[1]!);
  }
  return script.replace(/^-- CreateExtension\r?\nCREATE EXTENSION IF NOT EXISTS "([^"]+)"[^\n]*\n*/gm, (block, name: string) =>
    created.has(name) ? '' : block,
  );
}

/**
 * Prisma's schema cannot express an index's INCLUDE columns, so every diff would drop and re-create an index the
 * history created with them (a covering index, for index-only reads), without them. Drop those pairs when the
 * re-created index is the history's own statement minus its INCLUDE clause: a change to the key columns or the
 * predicate in schema.prisma still shows.
 */
function withoutCoveringIndexes(script: string, migrations: MigrationList): string {
  const covering = new Map<string, string>();
  for (const dir of migrations.migrationDirectories) {
    if (dir.migrationFile.content.tag !== 'ok') continue;
    for (const m of dir.migrationFile.content.value.matchAll(/^CREATE INDEX "([^"]+)" ON [^\n]* INCLUDE \([^)]*\)[^\n]*;$/gm)) {
      covering.set(m[1]!, m[0].replace(/ INCLUDE \([^)]*\)/, ''));
    }
  }
  const recreated = new Set<string>();
  let out = script.replace(/^-- CreateIndex\r?\n(CREATE INDEX "([^"]+)" ON [^\n]*;)\n*/gm, (block, statement: string, name: string) => {
    if (covering.get(name) !== statement) return block;
    recreated.add(name);
    return '';
  });
  out = out.replace(/^-- DropIndex\r?\nDROP INDEX "([^"]+)";\n*/gm, (block, name: string) => (recreated.has(name) ? '' : block));
  return out;
}

/** Whether a script does anything beyond comments (the engine writes "-- This is an empty migration."). */
const hasStatements = (script: string) =>
  script.replace(/\/\*[\s\S]*?\*\//g, '').split('\n').some((line) => line.trim() !== '' && !line.trim().startsWith('--'));

/** As `prisma migrate dev --name` does (slugify with "_"): "Add notes" and "addNotes" both give add_notes. */
export function migrationSlug(name: string): string {
  const words = name.replace(/([a-z\d])([A-Z])/g, '$1_$2').normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  return words.replace(/[^a-z\d]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 200);
}

/** `prisma migrate dev --name <name>`: apply pending, write the next migration from schema.prisma, apply it. */
export async function createMigration(
  databaseUrl: string,
  name: string,
  options: MigrationOptions & { createOnly?: boolean } = {},
): Promise<{ created: string | null }> {
  const { schemaPath, migrationsDir, log } = resolvePaths(options);
  return withEngine(databaseUrl, schemaPath, async (engine) => {
    let migrationsList = await listMigrations(migrationsDir);
    const { action } = await engine.devDiagnostic({ migrationsList, filters: NO_FILTER });
    if (action.tag === 'reset') {
      throw new Error(`The database has drifted from the migration history and must be reset (npm run db:reset).\n${action.reason}`);
    }
    const pending = await engine.applyMigrations({ migrationsList, filters: NO_FILTER });
    for (const applied of pending.appliedMigrationNames) log(`Applied pending migration ${applied}`);

    const schema = await schemaFiles(schemaPath);
    // The Wasm engine's data-loss check asks for a shadow database through a path the adapter factory does not
    // serve on some diffs (seen adding an enum value); the migration itself is still generated and checked.
    const loss = await engine.evaluateDataLoss({ migrationsList, schema, filters: NO_FILTER }).catch((error: unknown) => {
      log(`Warning: data-loss check unavailable (${String((error as { message?: string }).message ?? error).split('\n')[0]}); review the SQL.`);
      return { warnings: [], unexecutableSteps: [] };
    });
    for (const w of loss.warnings) log(`Warning: ${w.message}`);
    if (loss.unexecutableSteps.length && !options.createOnly) {
      const steps = loss.unexecutableSteps.map((s) => `  - ${s.message}`).join('\n');
      throw new Error(`This migration cannot be applied as generated:\n${steps}\nRe-run with --create-only, edit the SQL, then deploy.`);
    }

    const draft = options.createOnly ?? false;
    const out = await engine.createMigration({ draft, migrationName: migrationSlug(name), migrationsList, schema, filters: NO_FILTER });
    let script = out.migrationScript && withoutCoveringIndexes(withoutKnownExtensions(out.migrationScript, migrationsList), migrationsList);
    if (script !== null && !hasStatements(script) && draft) script = '-- This is an empty migration.';
    if (script === null || (!hasStatements(script) && !draft)) {
      log('No schema changes');
      return { created: null };
    }
    const dir = path.join(migrationsDir, out.generatedMigrationName);
    if (existsSync(dir)) throw new Error(`The migration directory already exists at ${dir}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, `migration.${out.extension}`), script, 'utf8');
    if (migrationsList.lockfile.content === null) {
      const lock = `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${out.connectorType}"\n`;
      await writeFile(path.join(migrationsDir, migrationsList.lockfile.path), lock, 'utf8');
    }
    log(`Created ${path.relative(process.cwd(), dir)}/migration.${out.extension}`);
    if (draft) return { created: out.generatedMigrationName };

    migrationsList = await listMigrations(migrationsDir);
    const applied = await engine.applyMigrations({ migrationsList, filters: NO_FILTER });
    for (const m of applied.appliedMigrationNames) log(`Applied migration ${m}`);
    return { created: out.generatedMigrationName };
  });
}

/**
 * `prisma migrate deploy`: apply every pending migration, recording `_prisma_migrations` rows. A data step
 * (lib/dev/data-steps.ts) whose migration is pending runs once the migrations before it are applied, and that
 * migration only after it.
 */
export async function deployMigrations(databaseUrl: string, options: MigrationOptions = {}): Promise<{ applied: string[] }> {
  const { schemaPath, migrationsDir, log } = resolvePaths(options);
  const pending = new Set(await pendingMigrations(databaseUrl, { migrationsDir }));
  // Loaded here: the steps need the app's keys and code, which pendingMigrations' callers (/api/health) do not.
  const { DATA_STEPS } = await import('./data-steps');
  const steps = DATA_STEPS.filter((step) => pending.has(step.before));
  return withEngine(databaseUrl, schemaPath, async (engine) => {
    const migrationsList = await listMigrations(migrationsDir);
    const applied: string[] = [];
    const finish: (() => Promise<void>)[] = [];
    for (const step of steps) {
      const before = { ...migrationsList, migrationDirectories: migrationsList.migrationDirectories.filter((dir) => dir.path.localeCompare(step.before) < 0) };
      applied.push(...(await engine.applyMigrations({ migrationsList: before, filters: NO_FILTER })).appliedMigrationNames);
      const changed = await step.run(databaseUrl);
      if (changed) log(`Data step "${step.name}": ${changed} row(s)`);
      if (changed && step.afterwards) finish.push(() => step.afterwards!(databaseUrl));
    }
    applied.push(...(await engine.applyMigrations({ migrationsList, filters: NO_FILTER })).appliedMigrationNames);
    for (const m of applied) log(`Applied migration ${m}`);
    if (!applied.length) log('No pending migrations to apply.');
    for (const run of finish) await run();
    return { applied };
  });
}

/**
 * Whether the migrations directory, replayed on a shadow database, yields exactly schema.prisma
 * (`prisma migrate diff --from-migrations --to-schema --exit-code`). The live database is not consulted.
 */
export async function checkDrift(databaseUrl: string, options: MigrationOptions = {}): Promise<{ inSync: boolean; summary: string }> {
  const { schemaPath, migrationsDir } = resolvePaths(options);
  return withEngine(databaseUrl, schemaPath, async (engine) => {
    const migrationsList = await listMigrations(migrationsDir);
    const result = await engine.diff({
      from: { tag: 'migrations', ...migrationsList },
      to: { tag: 'schemaDatamodel', ...(await schemaFiles(schemaPath)) },
      script: true,
      exitCode: false,
      filters: NO_FILTER,
    });
    // The SQL a new migration would need is the most useful summary of a difference.
    const script = withoutCoveringIndexes(withoutKnownExtensions(result.stdout ?? '', migrationsList), migrationsList).trim();
    const inSync = !hasStatements(script);
    return { inSync, summary: inSync ? 'No difference detected.' : script };
  });
}

/** Migrations on disk not (successfully) recorded in `_prisma_migrations`. Plain pg: no engine, cheap. */
export async function pendingMigrations(databaseUrl: string, options: Pick<MigrationOptions, 'migrationsDir'> = {}): Promise<string[]> {
  const migrationsDir = path.resolve(options.migrationsDir ?? 'prisma/migrations');
  const onDisk = await migrationDirs(migrationsDir, true);
  const table = `${quoteIdent(schemaName(databaseUrl))}._prisma_migrations`;
  const applied = await withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ exists: boolean }>('SELECT to_regclass($1) IS NOT NULL AS exists', [table]);
    if (!rows[0]?.exists) return new Set<string>();
    const done = await client.query<{ name: string }>(`SELECT migration_name AS name FROM ${table} WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`);
    return new Set(done.rows.map((r) => r.name));
  });
  return onDisk.filter((name) => !applied.has(name));
}
