import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';

// scripts/render-limit.mjs, preloaded into a real Node server as npm start preloads it into next start: the
// server handles RENDER_CONCURRENCY requests at a time, in arrival order, and skips clients that left.

type Stats = { active: number; most: number; rendered: string[]; open: number };

let child: ChildProcess | null = null;
afterEach(() => {
  child?.kill();
  child = null;
});

async function startServer(concurrency: number): Promise<string> {
  child = spawn(process.execPath, ['--import', './scripts/render-limit.mjs', 'tests/unit/support/held-server.mjs'], {
    env: { ...process.env, RENDER_CONCURRENCY: String(concurrency) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<string>((resolve, reject) => {
    child!.stdout!.on('data', (chunk: Buffer) => {
      const match = /port (\d+)/.exec(chunk.toString());
      if (match) resolve(match[1]!);
    });
    child!.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return `http://127.0.0.1:${port}`;
}

/** A request on its own connection, so that aborting it closes a socket the server sees. */
function request(url: string, signal?: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false, signal }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve(body));
    });
    req.on('error', reject);
  });
}

const stats = async (base: string) => JSON.parse(await request(`${base}/_next/static/stats`)) as Stats;

async function until(base: string, done: (s: Stats) => boolean): Promise<Stats> {
  for (;;) {
    const s = await stats(base);
    if (done(s)) return s;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('render limit', () => {
  it('handles two requests at a time and the rest in the order they came', async () => {
    const base = await startServer(2);
    const answers: Promise<string>[] = [];
    for (const name of ['a', 'b', 'c', 'd', 'e']) {
      answers.push(request(`${base}/work/${name}`));
      // Each arrives before the next is sent, so arrival order is the order written here.
      await until(base, (s) => s.open >= answers.length + 1);
    }
    await until(base, (s) => s.rendered.length === 2);
    for (let released = 1; released <= 5; released++) {
      await request(`${base}/_next/static/release`);
      await until(base, (s) => s.rendered.length === Math.min(5, released + 2));
    }
    expect(await Promise.all(answers)).toEqual(['done', 'done', 'done', 'done', 'done']);
    const after = await stats(base);
    expect(after.most).toBe(2);
    expect(after.rendered).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('never renders a request whose client left while it waited', async () => {
    const base = await startServer(2);
    const kept = [request(`${base}/work/first`), request(`${base}/work/second`)];
    await until(base, (s) => s.rendered.length === 2);
    const leaving = new AbortController();
    const abandoned = ['x', 'y', 'z'].map((name) => request(`${base}/work/${name}`, leaving.signal).catch(() => 'aborted'));
    await until(base, (s) => s.open === 2 + 3 + 1);
    leaving.abort();
    await until(base, (s) => s.open === 2 + 1);
    expect(await Promise.all(abandoned)).toEqual(['aborted', 'aborted', 'aborted']);

    await request(`${base}/_next/static/release`);
    await request(`${base}/_next/static/release`);
    expect(await Promise.all(kept)).toEqual(['done', 'done']);
    const last = request(`${base}/work/last`);
    await until(base, (s) => s.rendered.includes('last'));
    await request(`${base}/_next/static/release`);
    expect(await last).toBe('done');
    expect((await stats(base)).rendered).toEqual(['first', 'second', 'last']);
  });
});
