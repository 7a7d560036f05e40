import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDatabaseIfMissing } from '../../../lib/dev/dev-database';
import { databaseUrl, startEmbeddedPostgres } from '../../../lib/dev/embedded-postgres';
import { deployMigrations } from '../../../lib/dev/migrations';
import { seedIfEmpty } from '../../../prisma/seed/seed-if-empty';
import { dropDatabase } from '../../integration/support/admin';
import { startSmtpSink } from '../../support/smtp-sink';
import { worldFile } from './e2e-world';
import { E2E_METRICS_TOKEN } from './metrics-token';

async function waitForHeartbeat(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // LISTEN would need a trigger; the worker's first beat comes within seconds, so poll the row.
    for (let attempt = 0; attempt < 600; attempt++) {
      const { rowCount } = await client.query('SELECT 1 FROM "WorkerHeartbeat"');
      if (rowCount) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the worker did not start within 60 s');
  } finally {
    await client.end();
  }
}

// The end-to-end world: a throwaway database (on our own embedded Postgres, or on the server
// DATABASE_URL names), migrated and seeded, the built app (`next start`) and the worker.
// Playwright starts this and stops it with SIGTERM when the run ends.

const port = process.env.E2E_PORT ?? '3100';
// Production needs its own identity-number keys; set here first, so the seed below seals with the same ones
// the app and the worker read.
process.env.DATA_ENCRYPTION_KEYS = `e2e:${randomBytes(32).toString('base64')}`;
process.env.DATA_HASH_KEY = randomBytes(32).toString('base64');
const bin = (name: string) => path.join('node_modules', '.bin', name);
let tmpDir: string | null = null;
let baseUrl = process.env.DATABASE_URL;
let stopServer = async () => {};
if (!baseUrl) {
  tmpDir = await mkdtemp(path.join(os.tmpdir(), 'sejour-e2e-pg-'));
  const server = await startEmbeddedPostgres({ dataDir: path.join(tmpDir, 'pg'), persistent: false });
  baseUrl = server.baseUrl;
  stopServer = server.stop;
}
const name = `sejour_e2e_${randomUUID().slice(0, 8)}`;
await createDatabaseIfMissing(baseUrl, name);
const url = databaseUrl(baseUrl, name);
await deployMigrations(url);
await seedIfEmpty(url);

// A real SMTP server that the worker delivers to; tests read what arrived over its HTTP API.
const sink = await startSmtpSink({ httpPort: Number(process.env.E2E_SMTP_HTTP_PORT ?? 3199) });
const env = {
  ...process.env,
  SMTP_URL: sink.url,
  APP_URL: `http://127.0.0.1:${port}`,
  DATABASE_URL: url,
  PORT: port,
  NODE_ENV: 'production' as const,
  DATA_DIR: tmpDir ?? path.join(os.tmpdir(), name),
  AUTH_SECRET: randomUUID() + randomUUID(),
  METRICS_TOKEN: E2E_METRICS_TOKEN,
  // The public form's time check refuses a form sent within seconds of showing it; Playwright types that fast.
  // tests/integration/public-intake.test.ts holds the check itself.
  INTAKE_MIN_FILL_SECONDS: '0',
  // WebAuthn refuses an IP address as RP ID: the passkey spec opens the app as http://localhost instead.
  WEBAUTHN_RP_ID: 'localhost',
  WEBAUTHN_ORIGIN: `http://localhost:${port}`,
};
await writeFile(worldFile(port), JSON.stringify({ databaseUrl: url, dataDir: env.DATA_DIR }));
// The worker first, and the web app once it has beaten: tests that look at the worker's status then
// never race its start.
const children: ChildProcess[] = [spawn(bin('tsx'), ['lib/jobs/worker-main.ts'], { stdio: 'inherit', env })];
await waitForHeartbeat(url);
// With the preloads the image's command has, so the tests run the server as production does.
const preloads = ['--import', './scripts/render-limit.mjs', '--import', './scripts/http-metrics.mjs'];
children.push(spawn(process.execPath, [...preloads, 'node_modules/next/dist/bin/next', 'start', '--port', port, '--hostname', '127.0.0.1'], { stdio: 'inherit', env }));

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(children.map((child) => (child.exitCode === null ? new Promise((r) => child.once('exit', r)) : null)));
  await sink.stop();
  await rm(worldFile(port), { force: true });
  if (process.env.DATABASE_URL) await dropDatabase(baseUrl!, name).catch(() => {});
  await stopServer();
  if (tmpDir) await rm(tmpDir, { recursive: true, force: true });
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
