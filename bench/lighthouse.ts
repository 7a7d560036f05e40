import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import lighthouse from 'lighthouse';
import { chromium, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../prisma/seed/demo-people';
import { findChromium } from '../tests/e2e/support/find-chromium';

// Lighthouse 12's accessibility and best-practices scores for the pages people live in: the dashboard, the
// cases list and a case as staff (desktop), the portal and a portal case as the Dutch demo client (phone), and
// the firm's public page. It runs the e2e world (tests/e2e/support/server.ts: embedded Postgres, the seeded demo
// firm, an SMTP sink, the worker and `next start` on the current build) and signs in inside the browser that
// Lighthouse then drives, so the audited pages are the signed-in ones. `npm run bench:lighthouse`.

const PORT = Number(process.env.LH_PORT ?? 3250);
const SINK_PORT = PORT + 49;
const DEBUG_PORT = PORT + 1000;
const origin = `http://127.0.0.1:${PORT}`;
const MINIMUM = 95;

if (!existsSync('.next/BUILD_ID')) throw new Error('no production build: run `npx next build` first');

const server = spawn('npx', ['tsx', 'tests/e2e/support/server.ts'], { env: { ...process.env, E2E_PORT: String(PORT), E2E_SMTP_HTTP_PORT: String(SINK_PORT) }, stdio: ['ignore', 'ignore', 'inherit'], detached: true });
const stopServer = () => {
  try {
    process.kill(-server.pid!, 'SIGTERM');
  } catch {
    // already gone
  }
};

async function until(check: () => Promise<boolean>, what: string, ms = 240_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function portalLink(page: Page, email: string): Promise<string> {
  await page.goto(`${origin}/portal/sign-in`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('form button[type="submit"]').click();
  let link = '';
  await until(async () => {
    const messages = (await (await fetch(`http://127.0.0.1:${SINK_PORT}/messages?to=${encodeURIComponent(email)}`)).json()) as { text: string }[];
    link = messages.at(-1)?.text.match(/https?:\/\/\S*\/portal\/sign-in\/verify\S*/)?.[0] ?? '';
    return Boolean(link);
  }, 'the portal sign-in email', 30_000);
  return link;
}

/** What a failing audit found (Chrome's issue type, the element), short enough to read in a terminal. */
function detailsOf(audit: { details?: unknown }): string {
  const items = (audit.details as { items?: unknown[] } | undefined)?.items ?? [];
  return items.length ? `\n    ${items.slice(0, 3).map((item) => JSON.stringify(item).slice(0, 400)).join('\n    ')}` : '';
}

type Row = { page: string; shown: string; accessibility: number; bestPractices: number; failing: string[] };

try {
  await until(async () => (await fetch(`${origin}/api/health`)).ok, 'the app');
  // A persistent context is the browser's default one, where Lighthouse opens its tab: the cookies are shared.
  const context = await chromium.launchPersistentContext(await mkdtemp(path.join(os.tmpdir(), 'sejour-lh-')), {
    executablePath: findChromium() ?? undefined,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', `--remote-debugging-port=${DEBUG_PORT}`],
  });
  const page = await context.newPage();
  const rows: Row[] = [];
  const audit = async (name: string, path: string, formFactor: 'desktop' | 'mobile') => {
    const result = await lighthouse(`${origin}${path}`, {
      port: DEBUG_PORT,
      onlyCategories: ['accessibility', 'best-practices'],
      formFactor,
      screenEmulation: formFactor === 'desktop' ? { mobile: false, width: 1440, height: 900, deviceScaleFactor: 1, disabled: false } : { mobile: true, width: 360, height: 740, deviceScaleFactor: 2, disabled: false },
      logLevel: 'error',
      // The signed-in session lives in the browser's cookies; a storage reset would sign it out.
      disableStorageReset: true,
    });
    const lhr = result!.lhr;
    const refs = [...lhr.categories.accessibility!.auditRefs, ...lhr.categories['best-practices']!.auditRefs].filter((ref) => ref.weight > 0);
    const failing = refs.map((ref) => lhr.audits[ref.id]!).filter((a) => a.score !== null && a.score < 1).map((a) => `${a.id}: ${a.title}${detailsOf(a)}`);
    rows.push({ page: name, shown: new URL(lhr.finalDisplayedUrl).pathname, accessibility: Math.round(lhr.categories.accessibility!.score! * 100), bestPractices: Math.round(lhr.categories['best-practices']!.score! * 100), failing });
  };

  await page.goto(`${origin}/sign-in`);
  await page.locator('input[name="email"]').fill('admin@peeters.example');
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('form button[type="submit"]').first().click();
  await page.waitForURL(/\/dashboard$/);
  await page.goto(`${origin}/cases`);
  const casePath = await page.locator('table a[href^="/cases/"]').first().getAttribute('href');
  await audit('dashboard (staff, 1440 px)', '/dashboard', 'desktop');
  await audit('cases list (staff, 1440 px)', '/cases', 'desktop');
  await audit('a case (staff, 1440 px)', casePath!, 'desktop');
  await audit('public firm page (360 px)', '/f/peeters-advocaten', 'mobile');

  await context.clearCookies();
  await page.goto(await portalLink(page, 'portal@peeters.example'));
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL(/\/portal$/);
  const portalCase = await page.locator('a[href^="/portal/cases/"]').first().getAttribute('href');
  await audit('portal home (client, 360 px)', '/portal', 'mobile');
  await audit('portal case (client, 360 px)', portalCase!, 'mobile');
  await context.close();

  console.log(`\nLighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version}: accessibility and best practices (minimum ${MINIMUM})\n`);
  // The page Lighthouse ended on: a sign-in page here would mean the session was lost and the figure is not the page's.
  console.log('| page | ended on | accessibility | best practices |\n|---|---|---|---|');
  for (const row of rows) console.log(`| ${row.page} | ${row.shown} | ${row.accessibility} | ${row.bestPractices} |`);
  for (const row of rows) if (row.failing.length) console.log(`\n${row.page}, audits below full marks:\n  ${row.failing.join('\n  ')}`);
  process.exitCode = rows.every((row) => row.accessibility >= MINIMUM && row.bestPractices >= MINIMUM) ? 0 : 1;
} finally {
  stopServer();
}
