import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ensureDevDatabase } from '../lib/dev/dev-database';
import { deployMigrations } from '../lib/dev/migrations';
import { staleBuildReason } from '../lib/dev/build-freshness';
import { parseFieldKeys } from '../lib/env';
import { PRODUCTION_PROCESS_ENV, WORKER_NODE_OPTIONS, webNodeOptions } from '../lib/dev/production-processes';

// `npm start`: Sejour in production on one machine. The database is DATABASE_URL's, or without it the embedded
// Postgres under DATA_DIR (./.data by default); migrations are applied; the app is built when the build is missing
// or older than the code; then the web server (`next start`) and the worker run as production processes, and
// stop together. No demo data: the first firm registers at /register.

const say = (line: string) => console.log(`[sejour] ${line}`);
const port = process.env.PORT || '3000';
// lib/env and Next read it; typed read-only for application code, which must not change it.
(process.env as Record<string, string>).NODE_ENV = 'production';

if (!process.env.AUTH_SECRET) {
  // The same rule lib/env applies in production, said before anything starts.
  console.error('[sejour] AUTH_SECRET is required in production: generate one once (openssl rand -base64 33) and keep it, for example in .env or your service manager.');
  process.exit(1);
}
try {
  // The identity numbers' keys, by the same rules (required in production), also before anything starts.
  parseFieldKeys(process.env);
} catch (error) {
  console.error(`[sejour] ${(error as Error).message}`);
  process.exit(1);
}

const database = await ensureDevDatabase();
say(database.embedded ? `embedded Postgres on port ${database.embedded.port} (data in ${path.resolve(process.env.DATA_DIR || '.data', 'pg')})` : 'using DATABASE_URL');
const { applied } = await deployMigrations(database.url, { log: () => {} });
say(applied.length ? `applied ${applied.length} migration(s)` : 'migrations up to date');

const stale = await staleBuildReason();
if (stale) {
  say(`building the app (${stale}); this takes a minute`);
  const build = spawnSync(path.join('node_modules', '.bin', 'next'), ['build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (build.status !== 0) {
    await database.stop();
    console.error('[sejour] the build failed; see above');
    process.exit(1);
  }
}

const childEnv = { ...process.env, ...PRODUCTION_PROCESS_ENV, DATABASE_URL: database.url, PORT: port };
const children: ChildProcess[] = [
  spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '--port', port], { stdio: 'inherit', env: { ...childEnv, NODE_OPTIONS: webNodeOptions() } }),
  spawn(path.join('node_modules', '.bin', 'tsx'), ['lib/jobs/worker-main.ts'], { stdio: 'inherit', env: { ...childEnv, NODE_OPTIONS: WORKER_NODE_OPTIONS } }),
];
say(`Sejour on ${process.env.APP_URL || `http://localhost:${port}`} (web and worker, production)`);

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(children.map((child) => (child.exitCode === null && child.signalCode === null ? new Promise((r) => child.once('exit', r)) : null)));
  await database.stop();
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
// One process gone means the installation is not whole: stop the other, and exit non-zero so a service
// manager restarts the pair.
for (const child of children) child.on('exit', (code) => void shutdown(stopping ? 0 : code || 1));
