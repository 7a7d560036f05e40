import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { seriesOf } from '../support/prometheus-text';

// scripts/http-metrics.mjs, preloaded into a real Node server after render-limit as the image preloads both into
// next start: every request lands in the request histogram under its route pattern, never its ids.

const root = process.cwd();
let child: ChildProcess | null = null;
afterEach(() => {
  child?.kill();
  child = null;
});

/** Starts the server in `cwd` (where the preload looks for .next/routes-manifest.json). */
async function startServer(cwd: string): Promise<string> {
  const preload = (name: string) => ['--import', path.join(root, 'scripts', name)];
  child = spawn(process.execPath, [...preload('render-limit.mjs'), ...preload('http-metrics.mjs'), path.join(root, 'tests/unit/support/metrics-server.mjs')], {
    cwd,
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

/** The histogram's _count series: "METHOD route status" -> requests. */
async function requestCounts(base: string): Promise<Record<string, number>> {
  const text = await (await fetch(`${base}/_metrics`)).text();
  const counts = seriesOf(text, 'sejour_http_request_duration_seconds_count').map(({ labels, value }) => [`${labels.method} ${labels.route} ${labels.status}`, value]);
  return Object.fromEntries(counts);
}

const cuid = () => `c${Math.random().toString(36).slice(2).padEnd(12, '0')}${Date.now().toString(36)}`.slice(0, 25);

describe('request metrics', () => {
  it("labels each request with the build's route pattern, and every unknown path of a scanner with one label", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sejour-http-metrics-'));
    mkdirSync(path.join(dir, '.next'));
    writeFileSync(
      path.join(dir, '.next', 'routes-manifest.json'),
      JSON.stringify({
        staticRoutes: [{ page: '/cases', regex: '^/cases(?:/)?$' }],
        dynamicRoutes: [{ page: '/cases/[id]', regex: '^/cases/([^/]+?)(?:/)?$' }],
      }),
    );
    const base = await startServer(dir);
    for (const url of ['/cases', '/cases?page=2', `/cases/${cuid()}`, `/cases/${cuid()}`, '/cases/x/y', '/wp-login.php', '/.env', '/_next/static/chunks/a.js', '/_next/static/media/b.woff2']) {
      await fetch(base + url);
    }
    await fetch(`${base}/cases`, { method: 'POST' });

    expect(await requestCounts(base)).toEqual({
      'GET /cases 200': 2,
      'GET /cases/[id] 200': 2,
      'GET /cases/(unmatched) 200': 1,
      'GET (unmatched) 404': 2,
      'GET /_next/static 404': 2,
      'POST /cases 200': 1,
    });
  });

  it('without a build to read, still folds ids into :id', async () => {
    const base = await startServer(mkdtempSync(path.join(os.tmpdir(), 'sejour-http-metrics-')));
    await fetch(`${base}/cases/${cuid()}/documents/12`);
    await fetch(`${base}/cases/${cuid()}/documents/345`);
    await fetch(`${base}/cases/0b8f3c2e-4a1d-4f6e-9c7b-2d5e8a1f3b6c`);
    expect(await requestCounts(base)).toEqual({ 'GET /cases/:id/documents 200': 2, 'GET /cases/:id 200': 1 });
  });
});
