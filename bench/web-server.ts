import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '../lib/dev/embedded-postgres';

// The built app under `next start`, as production runs it, plus the two things the benchmark needs from it: a
// signed-in cookie obtained through the real sign-in, and the memory its processes use.

export type WebServer = { url: string; pid: number; stop: () => Promise<void> };

/** `nodeOptions` goes to the server's NODE_OPTIONS (a heap limit, say), and only to it. */
export async function startWebServer(databaseUrl: string, nodeOptions?: string): Promise<WebServer> {
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
    ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}),
  };
  // The binary itself, not npx, so the pid we watch and stop is the server's.
  const child: ChildProcess = spawn(path.join('node_modules', '.bin', 'next'), ['start', '--port', String(port), '--hostname', '127.0.0.1'], {
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
 * Signs in the way the browser's form does, through Auth.js' own endpoints: CSRF token, then the password
 * provider's callback. Returns the Cookie header of the signed-in session.
 */
export async function signIn(url: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookies = cookiesFrom(csrf);
  const response = await fetch(`${url}/api/auth/callback/password`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: csrfCookies.join('; ') },
    body: new URLSearchParams({ email, password, totp: '', csrfToken, callbackUrl: `${url}/dashboard` }),
  });
  const session = cookiesFrom(response).find((cookie) => cookie.startsWith('authjs.session-token='));
  if (!session) throw new Error(`sign-in as ${email} failed (HTTP ${response.status}, ${response.headers.get('location')})`);
  return session;
}

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
