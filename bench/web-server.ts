import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '../lib/dev/embedded-postgres';
import { productionStartEnv } from './production-env';

// The built app under `next start`, as production runs it, plus the two things the benchmark needs from it: a
// signed-in cookie obtained through the real sign-in, and the memory its processes use.

export type WebServer = { url: string; pid: number; stop: () => Promise<void> };

/**
 * Starts `next start` with the environment `npm start` sets (heap limit, malloc arenas); `overrides` replace
 * any of it (BENCH_WEB_NODE_OPTIONS, say), for the server only.
 */
export async function startWebServer(databaseUrl: string, overrides: Record<string, string> = {}, nodeFlags: string[] = []): Promise<WebServer> {
  if (!existsSync(path.join('.next', 'BUILD_ID'))) throw new Error('no production build: run `npx next build` first');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NODE_ENV: 'production' as const,
    PORT: String(port),
    APP_URL: url,
    AUTH_SECRET: randomBytes(33).toString('base64'),
    LOG_LEVEL: 'warn',
    ...productionStartEnv(),
    ...overrides,
  };
  // Node on Next's own entry, not npx, so the pid we watch and stop is the server's; `nodeFlags` are flags
  // NODE_OPTIONS refuses (--cpu-prof, for a profile of the server).
  const next = path.join('node_modules', 'next', 'dist', 'bin', 'next');
  const child: ChildProcess = spawn(process.execPath, [...nodeFlags, next, 'start', '--port', String(port), '--hostname', '127.0.0.1'], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  };
  for (let attempt = 0; attempt < 600; attempt++) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}`);
    const ok = await fetch(`${url}/api/health`).then((response) => response.ok, () => false);
    if (ok) return { url, pid: child.pid!, stop };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error('next start did not answer /api/health within 60 s');
}

function cookiesFrom(response: Response): string[] {
  return response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]!);
}

/**
 * Signs in the way the browser's form does, through Auth.js' own endpoints: CSRF token, then the provider's
 * callback. Returns the Cookie header of the signed-in session.
 */
async function signInWith(url: string, provider: 'password' | 'magic-link', fields: Record<string, string>, who: string): Promise<string> {
  const csrf = await fetch(`${url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookies = cookiesFrom(csrf);
  const response = await fetch(`${url}/api/auth/callback/${provider}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: csrfCookies.join('; ') },
    body: new URLSearchParams({ ...fields, csrfToken, callbackUrl: url }),
  });
  const session = cookiesFrom(response).find((cookie) => cookie.startsWith('authjs.session-token='));
  if (!session) throw new Error(`sign-in as ${who} failed (HTTP ${response.status}, ${response.headers.get('location')})`);
  return session;
}

/** A staff member's password sign-in. */
export const signIn = (url: string, email: string, password: string) => signInWith(url, 'password', { email, password, totp: '' }, email);

/** A client's sign-in with the one-use token of an emailed portal link (what the link's page posts). */
export const signInWithLink = (url: string, token: string) => signInWith(url, 'magic-link', { token }, 'a portal client');

// ---------- memory ----------

function children(pid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command may contain spaces and parentheses; the ppid is the second field after the last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) out.push(Number(entry));
    } catch {
      // The process ended between readdir and read.
    }
  }
  return out;
}

function tree(pid: number): number[] {
  return [pid, ...children(pid).flatMap(tree)];
}

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/**
 * Samples the resident memory of the server's whole process tree every 50 ms. `peakMb` is the highest total
 * seen; the kernel's own high-water mark (VmHWM) of each process is added in at the end, so a spike between two
 * samples is not missed.
 */
export function watchMemory(pid: number) {
  let peakKb = 0;
  const sample = () => {
    peakKb = Math.max(peakKb, tree(pid).reduce((sum, p) => sum + statusKb(p, 'VmRSS'), 0));
  };
  sample();
  const timer = setInterval(sample, 50);
  return {
    /** Resets the sampled peak (the high-water marks cannot be reset: they cover the process's whole life). */
    reset: () => {
      peakKb = 0;
      sample();
    },
    peakMb: () => peakKb / 1024,
    highWaterMb: () => tree(pid).reduce((sum, p) => sum + statusKb(p, 'VmHWM'), 0) / 1024,
    stop: () => clearInterval(timer),
  };
}
