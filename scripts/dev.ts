import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ensureDevDatabase } from '../lib/dev/dev-database';
import { deployMigrations } from '../lib/dev/migrations';
import { printDemoLogins, seedIfEmpty } from '../prisma/seed/seed-if-empty';

// `npm run dev`: the one command a newcomer runs. Database (embedded unless DATABASE_URL is set),
// migrations, demo data on first start, then the web app and the worker side by side.

const port = process.env.PORT ?? '3000';
const say = (line: string) => console.log(`[sejour] ${line}`);

const database = await ensureDevDatabase();
say(database.embedded ? `embedded Postgres on port ${database.embedded.port} (data in .data/pg)` : 'using DATABASE_URL');

const { applied } = await deployMigrations(database.url);
say(applied.length ? `applied ${applied.length} migration(s): ${applied.join(', ')}` : 'migrations up to date');

const seeded = await seedIfEmpty(database.url);
say(seeded ? 'seeded the demo firms (first start)' : 'existing data kept');
await printDemoLogins(database.url, say);
if (!process.env.SMTP_URL) say('no SMTP_URL: emails go to the outbox only');

const childEnv = { ...process.env, DATABASE_URL: database.url, PORT: port };
// The binaries themselves, not `npx`, so that a stop signal reaches the process that must stop.
const bin = (name: string) => path.join('node_modules', '.bin', name);
const children: ChildProcess[] = [
  spawn(bin('next'), ['dev', '--port', port], { stdio: 'inherit', env: childEnv }),
  spawn(bin('tsx'), ['lib/jobs/worker-main.ts'], { stdio: 'inherit', env: childEnv }),
];
say(`web app on http://localhost:${port}`);

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(children.map((child) => (child.exitCode === null ? new Promise((r) => child.once('exit', r)) : null)));
  await database.stop();
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
for (const child of children) child.on('exit', (code) => void shutdown(code ?? 1));
