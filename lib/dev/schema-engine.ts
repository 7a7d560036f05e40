import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type {
  ErrorCapturingSqlMigrationAwareDriverAdapterFactory,
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQueryable,
} from '@prisma/driver-adapter-utils';
import type { SchemaEngine, SchemaFilter } from '@prisma/schema-engine-wasm';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';

// The plumbing under lib/dev/migrations.ts: Prisma's WebAssembly schema engine, loaded by hand on Node 20,
// talking to Postgres through @prisma/adapter-pg with the fixes it needs (see STACK.md, "Prisma offline").

export type MigrationOptions = { schemaPath?: string; migrationsDir?: string; log?: (line: string) => void };

export const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };
// Engine debug logs are JSON lines; only useful when chasing an engine problem.
const engineLog = process.env.DEBUG?.includes('migrations') ? (line: string) => console.error(line) : () => {};

export function resolvePaths(options: MigrationOptions) {
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
export const schemaName = (url: string) => new URL(url).searchParams.get('schema') ?? 'public';
export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

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

export async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
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
export async function withEngine<T>(databaseUrl: string, schemaPath: string, work: (engine: SchemaEngine) => Promise<T>): Promise<T> {
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

