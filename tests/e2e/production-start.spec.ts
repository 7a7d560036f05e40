import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';

// What a firm that self-hosts does: `npm start` with nothing but its secrets (AUTH_SECRET and the identity-number
// keys), on the embedded default (no
// DATABASE_URL), then its first admin registers and signs in. The build `npm test` made is current, so this
// start does not build again; it starts its own Postgres under a new DATA_DIR, migrates it, and runs web and
// worker in production.

const port = Number(process.env.E2E_PORT ?? 3100) + 50;
const origin = `http://127.0.0.1:${port}`;
let child: ChildProcess | null = null;
let dataDir = '';
let output = '';

/** Resolves when no process of the group is left (signal 0 only asks whether one exists). */
async function groupGone(pgid: number): Promise<void> {
  const alive = () => {
    try {
      process.kill(-pgid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const deadline = Date.now() + 30_000;
  while (alive() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
}

async function answers(url: string): Promise<boolean> {
  return fetch(url).then((response) => response.ok, () => false);
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'sejour-npm-start-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env, DATA_DIR: dataDir, PORT: String(port), APP_URL: origin, AUTH_SECRET: randomBytes(33).toString('base64'),
    DATA_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`, DATA_HASH_KEY: randomBytes(32).toString('base64'),
  };
  for (const name of ['DATABASE_URL', 'NODE_ENV', 'SMTP_URL', 'NODE_OPTIONS']) delete env[name];
  // Its own process group, so the whole tree (npm, the starter, web, worker, Postgres) can be stopped at once.
  const started = spawn('npm', ['start'], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child = started;
  started.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  started.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<never>((_, reject) => started.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`))));
  const healthy = (async () => {
    while (!(await answers(`${origin}/api/health`))) await new Promise((resolve) => setTimeout(resolve, 250));
  })();
  await Promise.race([healthy, exited]);
});

test.afterAll(async () => {
  if (child?.pid && child.exitCode === null) {
    const stopped = new Promise((resolve) => child!.once('exit', resolve));
    process.kill(-child.pid, 'SIGTERM');
    await stopped;
    // npm can exit before the Postgres it started has finished shutting down and writing its files; the data
    // directory can only go once every process of the group is gone.
    await groupGone(child.pid);
  }
  if (dataDir) await rm(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
});

test('npm start on the embedded default serves the production app: a new firm registers and its admin signs in', async ({ page }) => {
  expect(output).toContain('embedded Postgres');
  expect(output).not.toContain('building the app');
  expect(existsSync(path.join(dataDir, 'pg', 'PG_VERSION'))).toBe(true);

  const email = `admin-${randomBytes(4).toString('hex')}@start.example.test`;
  const password = 'a long production password';
  await page.goto(`${origin}/register`);
  await page.getByLabel('Firm name').fill('Cabinet Production');
  await page.getByLabel('Your name').fill('Ada Start');
  await page.getByLabel('Your email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create the firm' }).click();
  // A second server, its worker and its Postgres share two cores with the suite's own, and the first requests to
  // a cold server compile nothing but load every route's chunks and hash a password with argon2id: allow for it.
  const coldStart = { timeout: 20_000 };
  await expect(page).toHaveURL(/\/dashboard$/, coldStart);

  await page.context().clearCookies();
  await page.goto(`${origin}/sign-in`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/dashboard$/, coldStart);
  await expect(page.getByText('Cabinet Production').first()).toBeVisible();

  // The worker runs too, in production: its heartbeat is on the status page.
  const health = await (await fetch(`${origin}/api/health`)).json();
  expect(health.worker.lastBeatAt).not.toBeNull();
});
