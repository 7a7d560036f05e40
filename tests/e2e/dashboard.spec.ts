import { expect, test } from '@playwright/test';
import { ruleLabel } from '../../lib/rules/labels';
import { parseIcal, prop, unescapeText } from '../support/ical';
import { expectNoSeriousA11yViolations } from './support/axe';
import { signInStaff } from './support/sign-in';

test.use({ locale: 'en-US' });

test('an advisor sees their deadlines and the stages, then subscribes to their calendar feed', async ({ page, request, context }) => {
  await signInStaff(page, 'advisor1@peeters.example');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();

  // The demo seed gives advisor1 renewals with the card expiring in 10 to 29 days, and no missed deadline.
  const due = page.getByRole('region', { name: 'My deadlines and tasks' });
  const overdue = due.getByRole('group', { name: /^Overdue/ });
  await expect(overdue.getByRole('heading')).toHaveText(/^Overdue \(\d+ items?\)$/);
  await expect(overdue.getByText('Nothing is overdue.').or(overdue.getByRole('table'))).toBeVisible();
  const week = due.getByRole('group', { name: /^Next 7 days/ });
  await expect(week.getByRole('heading')).toHaveText(/^Next 7 days \(\d+ items?\)$/);
  const month = due.getByRole('group', { name: /^In 8 to 30 days/ });
  const expiry = month.getByRole('row').filter({ hasText: 'Card expiry' }).first();
  await expect(expiry).toBeVisible();
  await expect(expiry.getByRole('cell').last()).toHaveText(/^in \d+ days$/);
  await expect(expiry.getByRole('link')).toHaveAttribute('href', /^\/cases\/[\w-]+$/);

  // The chart says every number in text; advisor1 has application-filed cases, the firm 40 cases in all.
  const mine = page.getByRole('figure', { name: /^My cases/ });
  await expect(mine.getByRole('listitem').filter({ hasText: 'Application filed' })).toHaveText(/Application filed\s*[1-9]\d*$/);
  // Other journeys add cases to this demo firm, so at least the 40 seeded ones, and the bars add up to the total.
  const firm = page.getByRole('figure', { name: /^The whole firm/ });
  const total = Number((await firm.textContent())?.match(/(\d+) cases in total/)?.[1]);
  expect(total).toBeGreaterThanOrEqual(40);
  const bars = await firm.getByRole('listitem').allTextContents();
  expect(bars.reduce((sum, bar) => sum + Number(bar.match(/(\d+)$/)?.[1] ?? 0), 0)).toBe(total);
  await page.getByRole('button', { name: 'Show the figures as a table' }).click();
  await expect(page.getByRole('table', { name: 'Cases by stage, mine and the firm\'s' }).getByRole('row', { name: /Application filed/ })).toBeVisible();

  // Some demo decisions are long past their legal period; the firm view lists them.
  await page.getByRole('link', { name: 'The whole firm' }).click();
  await expect(page).toHaveURL(/\/dashboard\?scope=firm$/);
  const decisions = page.getByRole('region', { name: 'Overdue authority decisions' });
  await expect(decisions.getByRole('listitem').first()).toContainText(/\d+ days? late/);
  await expect(page.getByRole('region', { name: 'Recent activity' }).getByRole('listitem').first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await due.getByRole('link', { name: 'Show these in Outlook or Google Calendar' }).click();
  await expect(page).toHaveURL(/\/account\/calendar$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Calendar subscription' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Google Calendar' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByRole('button', { name: 'Create a feed address' }).click();
  const address = page.getByLabel('Feed address');
  await expect(address).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+\/api\/calendar\/[\w-]{43}\.ics$/);
  const url = await address.inputValue();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy the address' }).click();
  await expect(page.getByText('The address is copied.')).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // What Outlook or Google would fetch: no cookies, only the secret URL.
  const feed = await request.get(url, { headers: { cookie: '' } });
  expect(feed.status()).toBe(200);
  expect(feed.headers()['content-type']).toBe('text/calendar; charset=utf-8');
  expect(feed.headers()['cache-control']).toBe('private, no-store');
  const calendar = parseIcal(await feed.text());
  expect(calendar.name).toBe('VCALENDAR');
  const events = calendar.components.filter((component) => component.name === 'VEVENT');
  expect(events.length).toBeGreaterThan(0);
  for (const event of events) {
    expect(prop(event, 'DTSTART').params.VALUE).toBe('DATE');
    expect(prop(event, 'UID').value).toMatch(/^(deadline|task)-[\w-]+@sejour$/);
  }
  // advisor1 works in Dutch: the feed speaks their language, whatever the screen language.
  const expiryLabel = ruleLabel('nl', 'deadline.CARD_EXPIRY');
  expect(events.some((event) => unescapeText(prop(event, 'SUMMARY').value).startsWith(`${expiryLabel} · `))).toBe(true);

  // A new address revokes the old one at once; stopping the feed revokes that one too.
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Create a new address' }).click();
  await expect(address).not.toHaveValue(url);
  const second = await address.inputValue();
  expect((await request.get(url)).status()).toBe(404);
  expect((await request.get(second)).status()).toBe(200);
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Stop the feed' }).click();
  await expect(page.getByText('The feed is stopped. Its address no longer works.')).toBeVisible();
  await expect(page.getByLabel('Feed address')).toHaveCount(0);
  expect((await request.get(second)).status()).toBe(404);
});
