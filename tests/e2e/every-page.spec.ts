import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { LOCALE_COOKIE } from '../../lib/i18n/config';
import { expectNoSeriousA11yViolations } from './support/axe';
import { discoverActions, fillPattern, urlPattern } from './support/attack-surface';
import { PAGE_PARAMS } from './support/route-attacks';
import { buildVictimWorld } from './support/victim-world';

// Every page the build has, in English, Dutch and French, scanned by axe as the person it is for: the staff pages
// as the firm's admin, the portal's as its client, the rest signed out. The list comes from the build, so a new
// page is scanned the day it appears. Dynamic pages get the demo firm's objects (the attacker walk's world, here
// seen by their owner); the portal's case page the client's own case.

const LOCALES = ['en', 'nl', 'fr'] as const;
// Not scanned: the development mailbox (off in production), and an outbox message, whose email preview sits in a
// sandboxed frame that axe cannot enter (the scan waits on it until the test times out); the page's own controls
// are the outbox list's, scanned here.
const SKIPPED = new Set(['/dev/mailbox', '/settings/outbox/[id]']);

type Audience = 'staff' | 'portal' | 'anonymous';

function discoverPages(): { pattern: string; audience: Audience }[] {
  const manifest = JSON.parse(readFileSync(path.resolve('.next/server/app-paths-manifest.json'), 'utf8')) as Record<string, string>;
  return Object.keys(manifest)
    .filter((appPath) => appPath.endsWith('/page') && !appPath.startsWith('/_'))
    .map((appPath) => ({
      pattern: urlPattern(appPath),
      audience: appPath.startsWith('/(app)/') ? ('staff' as const) : appPath.startsWith('/portal/(client)/') ? ('portal' as const) : ('anonymous' as const),
    }))
    .filter((page) => !SKIPPED.has(page.pattern));
}

async function chooseLocale(page: Page, locale: string, baseURL: string) {
  await page.context().addCookies([{ name: LOCALE_COOKIE, value: locale, url: baseURL }]);
}

test('every page, in English, Dutch and French, has no serious or critical accessibility violation and nothing its CSP refuses', async ({ browser, baseURL }) => {
  test.setTimeout(600_000);
  const pages = discoverPages();
  expect(pages.length).toBeGreaterThan(30);
  const { targets, portalClient, firmAdmin } = await buildVictimWorld(browser, discoverActions(), baseURL!);
  await portalClient.goto('/portal');
  const ownCase = await portalClient.locator('a[href^="/portal/cases/"]').first().getAttribute('href');
  expect(ownCase).toMatch(/^\/portal\/cases\//);
  const anonymous = await (await browser.newContext({ locale: 'en-US' })).newPage();
  const by: Record<Audience, Page> = { staff: firmAdmin, portal: portalClient, anonymous };
  // What the page's Content-Security-Policy refused (an inline script, an eval, a foreign image): each is a
  // feature broken in the browser, or at least an entry in its console.
  for (const page of Object.values(by)) {
    await page.addInitScript(() => {
      const refused: string[] = [];
      (window as unknown as { __cspRefused: string[] }).__cspRefused = refused;
      document.addEventListener('securitypolicyviolation', (event) => refused.push(`${event.effectiveDirective} ${event.blockedURI} in ${event.sourceFile}:${event.lineNumber}`));
    });
  }

  const scanned: string[] = [];
  for (const locale of LOCALES) {
    for (const page of Object.values(by)) await chooseLocale(page, locale, baseURL!);
    for (const { pattern, audience } of pages) {
      const params = PAGE_PARAMS[pattern];
      let url = pattern === '/portal/cases/[id]' ? ownCase! : params ? fillPattern(pattern, params(targets)) : pattern;
      // The public firm page takes its language from the address (it also speaks German), not the app's cookie.
      if (pattern === '/f/[slug]') url += `?lang=${locale}`;
      const visitor = by[audience];
      await test.step(`${locale} ${url} (${audience})`, async () => {
        const response = await visitor.goto(url);
        expect(response?.status(), `${locale} ${url}`).toBeLessThan(500);
        await expect(visitor.locator('html')).toHaveAttribute('lang', locale);
        await expectNoSeriousA11yViolations(visitor);
        expect(await visitor.evaluate(() => (window as unknown as { __cspRefused?: string[] }).__cspRefused ?? ['no listener']), `${locale} ${url}: refused by its CSP`).toEqual([]);
      });
      scanned.push(`${locale} ${url}`);
    }
  }
  expect(scanned.length).toBe(pages.length * LOCALES.length);
});
