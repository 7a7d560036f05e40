import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PrismaPg } from '@prisma/adapter-pg';
import type {
  ErrorCapturingSqlMigrationAwareDriverAdapterFactory,
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQueryable,
} from '@prisma/driver-adapter-utils';
import type { MigrationList, SchemaEngine, SchemaFilter, SchemasContainer } from '@prisma/schema-engine-wasm';
import pg from 'pg';

// Prisma Migrate without Prisma's native engine (its CLI downloads it from a host these machines cannot reach):
// Prisma's own WebAssembly schema engine, talking to Postgres through @prisma/adapter-pg. The engine writes the
// same prisma/migrations/<timestamp>_<name>/migration.sql files and `_prisma_migrations` rows as `prisma migrate`,
// so the real CLI (`npx prisma migrate deploy/status`) agrees with this history wherever it can run.

export type MigrationOptions = { schemaPath?: string; migrationsDir?: string; log?: (line: string) => void };

const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };
// Engine debug logs are JSON lines; only useful when chasing an engine problem.
const engineLog = process.env.DEBUG?.includes('migrations') ? (line: string) => console.error(line) : () => {};

function resolvePaths(options: MigrationOptions) {
  return {
    schemaPath: path.resolve(options.schemaPath ?? 'prisma/schema.prisma'),
    migrationsDir: path.resolve(options.migrationsDir ?? 'prisma/migrations'),
    log: options.log ?? ((line: string) => console.log(line)),
  };
}

/** Separate fields rather than a connection string, so that swapping the database really swaps it. */
function poolConfig(url: string, database?: string): pg.PoolConfig {
  const u = new URL(url);
  const sslmode = u.searchParams.get('sslmode');
  return {
    host: u.searchParams.get('host') ?? (decodeURIComponent(u.hostname.replace(/^\[|\]$/g, '')) || 'localhost'),
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username) || undefined,
    password: decodeURIComponent(u.password) || undefined,
    database: database ?? (decodeURIComponent(u.pathname.slice(1)) || undefined),
    // Prisma's `?schema=`: unqualified names in migrations and the engine's introspection both follow search_path.
    options: u.searchParams.has('schema') ? `-c search_path=${quoteIdent(schemaName(url))}` : undefined,
    // libpq's "require" encrypts without verifying; the verify modes verify.
    ssl: sslmode === 'require' ? { rejectUnauthorized: false } : sslmode?.startsWith('verify') ? true : undefined,
  };
}

const databaseName = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1)) || 'postgres';
const schemaName = (url: string) => new URL(url).searchParams.get('schema') ?? 'public';
const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * The engine reads catalog columns of Postgres' internal `"char"` type (pg_constraint.contype, ...), which
 * adapter-pg 7.10 refuses ("Column type 'char' could not be deserialized"). The native engine sees them as
 * single characters, and its describer insists on that (Text fails "as char" on Postgres 18's not-null
 * constraints). So: on the migration pools only, let pg report them as text so the adapter accepts the result,
 * remember which columns they were (keyed by the rows array, which the adapter passes through untouched),
 * and give them back to the engine as Character columns.
 */
const charColumns = new WeakMap<object, number[]>();
const [CHAR_OID, TEXT_OID] = [18, 25];
const CHARACTER_COLUMN = 6; // ColumnTypeEnum.Character in @prisma/driver-adapter-utils

function markCharColumns(result: unknown): unknown {
  for (const r of Array.isArray(result) ? result : [result]) {
    const { fields, rows } = (r ?? {}) as Partial<pg.QueryResult>;
    const indexes = (fields ?? []).flatMap((field, i) => (field.dataTypeID === CHAR_OID ? [i] : []));
    if (!indexes.length || !rows) continue;
    for (const i of indexes) fields![i]!.dataTypeID = TEXT_OID;
    charColumns.set(rows, indexes);
  }
  return result;
}

function withCharColumns<T extends SqlQueryable>(queryable: T): T {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const i of charColumns.get(result.rows) ?? []) result.columnTypes[i] = CHARACTER_COLUMN;
    return result;
  };
  return queryable;
}

function migrationPool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool({ ...config, max: 4 });
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const callback = args.at(-1);
      if (typeof callback === 'function') {
        args[args.length - 1] = (err: unknown, res: unknown) => callback(err, err ? res : markCharColumns(res));
        return query(...args);
      }
      const out = query(...args);
      return out instanceof Promise ? out.then(markCharColumns) : out;
    };
  });
  return pool;
}

async function migrationAdapter(pool: pg.Pool, schema: string): Promise<SqlDriverAdapter> {
  const adapter = await new PrismaPg(pool, { schema }).connect();
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolation) => withCharColumns(await startTransaction(isolation));
  // adapter-pg splits scripts on every ";", which breaks any migration with a ";" inside a function body, a
  // string or a comment. Send the script whole, as the native engine does: Postgres runs a multi-statement
  // simple query as one implicit transaction, so a failing migration leaves nothing half-applied.
  adapter.executeScript = async (script) => {
    try {
      await pool.query(script);
    } catch (error) {
      (adapter as unknown as { onError: (e: unknown) => never }).onError(error);
    }
  };
  return withCharColumns(adapter);
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(poolConfig(url));
  await client.connect();
  return run(client).finally(() => client.end());
}

// wasm-bindgen keeps module-level state: instantiate the engine once per process. Loaded lazily, and hidden
// from bundlers, so that importing pendingMigrations (e.g. from /api/health) costs nothing.
let engineModule: Promise<typeof SchemaEngine> | undefined;
let lastPanic: string | undefined;
function loadSchemaEngine(): Promise<typeof SchemaEngine> {
  engineModule ??= (async () => {
    // The engine reports a Rust panic's message here, then throws a bare "RuntimeError: unreachable", often
    // from a callback outside any await of ours: print the message so the crash is not a mystery.
    (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY ??= {
      set_message: (message: string) => console.error(`Schema engine panic: ${(lastPanic = message)}`),
    };
    const require = createRequire(import.meta.url);
    const bindings = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    // The package's entry imports the .wasm as an ES module, which Node 20 cannot do without a flag.
    const runtime = (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ pathToFileURL(bindings).href)) as {
      SchemaEngine: typeof SchemaEngine;
      __wbg_set_wasm: (exports: WebAssembly.Exports) => void;
    };
    const bytes = await readFile(path.join(path.dirname(bindings), 'schema_engine_bg.wasm'));
    // The engine arms a 10 s timer per operation and never clears it (the bindings import no clearTimeout),
    // which kept every CLI run alive 10 s after its work. Unref them: our open pools keep the process alive
    // for as long as the engine is actually working.
    const imports: Record<string, unknown> = { ...runtime };
    for (const [key, fn] of Object.entries(runtime as Record<string, unknown>)) {
      if (key.startsWith('__wbg_setTimeout_') && typeof fn === 'function') {
        imports[key] = (...args: unknown[]) => {
          const timer = (fn as (...a: unknown[]) => { unref?: () => void })(...args);
          timer.unref?.();
          return timer;
        };
      }
    }
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': imports as WebAssembly.ModuleImports });
    runtime.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return runtime.SchemaEngine;
  })();
  return engineModule;
}

async function bindFactory(factory: SqlMigrationAwareDriverAdapterFactory) {
  // The engine expects adapters whose methods return Result values instead of throwing; this is the helper
  // Prisma itself uses (a dependency of @prisma/adapter-pg, same version).
  const utils = (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ '@prisma/driver-adapter-utils')) as {
    bindMigrationAwareSqlAdapterFactory: (f: SqlMigrationAwareDriverAdapterFactory) => ErrorCapturingSqlMigrationAwareDriverAdapterFactory;
  };
  return utils.bindMigrationAwareSqlAdapterFactory(factory);
}

/**
 * Runs `work` with an engine connected to `databaseUrl`. Shadow databases (`<db>_shadow_<random>`) are created
 * here and dropped after every pool is closed: the adapter's own connectToShadowDb would reuse the main
 * connection string for them and drop them while its pool is still connected.
 */
async function withEngine<T>(databaseUrl: string, schemaPath: string, work: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const pools: pg.Pool[] = [];
  const shadows: string[] = [];
  const connect = (database?: string): Promise<SqlDriverAdapter> => {
    const pool = migrationPool(poolConfig(databaseUrl, database));
    pools.push(pool);
    return migrationAdapter(pool, schemaName(databaseUrl));
  };
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    connect: () => connect(),
    connectToShadowDb: async () => {
      // Postgres truncates names past 63 bytes; keep the random suffix.
      const shadow = `${databaseName(databaseUrl).slice(0, 40)}_shadow_${randomBytes(4).toString('hex')}`;
      await withClient(databaseUrl, (c) => c.query(`CREATE DATABASE ${quoteIdent(shadow)}`));
      shadows.push(shadow);
      return connect(shadow);
    },
  };
  // The datamodel only tells the engine about multiSchema namespaces; deploying works without one.
  const datamodels: [string, string][] | undefined = existsSync(schemaPath) ? [[schemaPath, await readFile(schemaPath, 'utf8')]] : undefined;
  const engine = await (await loadSchemaEngine()).new({ datamodels }, engineLog, await bindFactory(factory));
  try {
    return await work(engine);
  } catch (error) {
    throw engineError(error);
  } finally {
    engine.free();
    await Promise.all(pools.map((pool) => pool.end()));
    for (const shadow of shadows) {
      await withClient(databaseUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(shadow)} WITH (FORCE)`));
    }
  }
}

/** Engine errors are plain objects or SchemaConnectorErrors; give callers an Error with Prisma's code. */
function engineError(error: unknown): Error {
  const e = error as { code?: string; message?: string };
  if (error instanceof WebAssembly.RuntimeError && lastPanic) return new Error(`Schema engine panic: ${lastPanic}`, { cause: error });
  if (error instanceof Error && !e.code) return error;
  return new Error(e.code ? `${e.code}: ${e.message}` : String(e.message ?? error));
}

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
    const loss = await engine.evaluateDataLoss({ migrationsList, schema, filters: NO_FILTER });
    for (const w of loss.warnings) log(`Warning: ${w.message}`);
    if (loss.unexecutableSteps.length && !options.createOnly) {
      const steps = loss.unexecutableSteps.map((s) => `  - ${s.message}`).join('\n');
      throw new Error(`This migration cannot be applied as generated:\n${steps}\nRe-run with --create-only, edit the SQL, then deploy.`);
    }

    const draft = options.createOnly ?? false;
    const out = await engine.createMigration({ draft, migrationName: migrationSlug(name), migrationsList, schema, filters: NO_FILTER });
    let script = out.migrationScript && withoutKnownExtensions(out.migrationScript, migrationsList);
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

/** `prisma migrate deploy`: apply every pending migration, recording `_prisma_migrations` rows. */
export async function deployMigrations(databaseUrl: string, options: MigrationOptions = {}): Promise<{ applied: string[] }> {
  const { schemaPath, migrationsDir, log } = resolvePaths(options);
  return withEngine(databaseUrl, schemaPath, async (engine) => {
    const migrationsList = await listMigrations(migrationsDir);
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: NO_FILTER });
    for (const m of appliedMigrationNames) log(`Applied migration ${m}`);
    if (!appliedMigrationNames.length) log('No pending migrations to apply.');
    return { applied: appliedMigrationNames };
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
    const script = withoutKnownExtensions(result.stdout ?? '', migrationsList).trim();
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
