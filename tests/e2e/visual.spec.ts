import { expect, test, type Browser, type Page } from '@playwright/test';
import { brusselsDate } from '../../lib/dates';
import { chooseOption } from './support/combobox';
import { firstLink, waitForEmail } from './support/mailbox';
import { untilStreamed } from './support/streamed';

// The main pages as pictures, at a laptop's 1440 px and a phone's 360 px, compared with the ones committed beside
// this file (`npx playwright test tests/e2e/visual.spec.ts --update-snapshots` after a deliberate change of look).
// The pages show a firm of their own, registered here with fixed names and facts, so what other specs add to the
// demo firm never changes them. Dates that move with today (timestamps, "3 days ago") are masked; the legal
// dates themselves come from fixed facts and stay.

test.use({ locale: 'en-US', timezoneId: 'Europe/Brussels' });

const WIDTHS = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 360, height: 740 },
] as const;

const ADMIN = { email: 'visual.admin@atelier.example', password: 'a visual check password' };
const CLIENT_EMAIL = 'amina.visual@client.example';

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext({ locale: 'en-US', timezoneId: 'Europe/Brussels' })).newPage();
}

/** What changes from one day to the next: every machine-readable time and the relative phrase beside it. */
const moving = (page: Page) => [page.locator('time'), page.locator('time + span')];

/**
 * Masking hides what moves, but "327 days overdue" is wider than "326 days overdue" and can rewrap a column. So
 * what moves first gets one fixed text, the same every day (and every year), and is masked on top.
 */
async function pinMoving(page: Page) {
  await page.locator('time').evaluateAll((times) => {
    for (const time of times) {
      time.textContent = '1 January 2026';
      if (time.nextElementSibling?.tagName === 'SPAN') time.nextElementSibling.textContent = ' (in 2 days)';
    }
  });
  // File numbers and case references start with the year they were made in (2026-0001-1): the pictures show 2026.
  await page.evaluate(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (/\b20\d\d-\d{4}/.test(node.textContent ?? '')) node.textContent = node.textContent!.replace(/\b20\d\d-(\d{4})/g, '2026-$1');
    }
  });
  // Date fields that start at today (a legal-aid designation, a service performed).
  const [year, month, day] = brusselsDate().split('-');
  await page.locator('input').evaluateAll((inputs, today) => {
    for (const input of inputs as HTMLInputElement[]) if (input.value === today) input.value = '01/01/2026';
  }, `${day}/${month}/${year}`);
}

async function expectLooks(page: Page, path: string, name: string) {
  for (const size of WIDTHS) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.goto(path);
    await expect(page.locator('main')).toBeVisible();
    await untilStreamed(page);
    await page.evaluate(() => document.fonts.ready);
    // Nothing pushes the page sideways: a phone user never scrolls left and right to read a deadline.
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${path} at ${size.width} px`).toBeLessThanOrEqual(size.width);
    await pinMoving(page);
    await expect(page).toHaveScreenshot(`${name}-${size.name}.png`, { fullPage: true, mask: moving(page), maxDiffPixelRatio: 0.01 });
  }
}

test('the main pages look as they were approved, at 1440 px and 360 px', async ({ browser }) => {
  test.setTimeout(180_000);
  const visitor = await newPage(browser);
  await expectLooks(visitor, '/sign-in', 'sign-in');
  await expectLooks(visitor, '/portal/sign-in', 'portal-sign-in');

  // The firm, its client and her case, as an admin makes them.
  const admin = await newPage(browser);
  await admin.goto('/register');
  await admin.getByLabel('Firm name').fill('Atelier Visuel Advocaten');
  await admin.getByLabel('Your name').fill('Vera Visser');
  await admin.getByLabel('Your email address').fill(ADMIN.email);
  await admin.getByLabel('Password').fill(ADMIN.password);
  await admin.getByRole('button', { name: 'Create the firm' }).click();
  await expect(admin).toHaveURL(/\/dashboard$/);

  await admin.goto('/clients/new');
  await admin.getByLabel('First name').fill('Amina');
  await admin.getByLabel('Last name').fill('Benali');
  await admin.getByLabel('Date of birth').fill('1990-04-02');
  await chooseOption(admin, 'Nationality', 'Morocco');
  await admin.getByLabel('Email address').fill(CLIENT_EMAIL);
  await admin.getByLabel('Language for portal and emails').selectOption('en');
  await admin.getByRole('button', { name: 'Create client' }).click();
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Benali, Amina');
  const clientPath = new URL(admin.url()).pathname;
  await admin.getByRole('button', { name: 'Invite to the portal' }).click();
  await expect(admin.getByText('The client received a portal link by email.').first()).toBeVisible();

  await admin.getByRole('link', { name: 'New case' }).click();
  await admin.getByLabel('Procedure').selectOption('REGISTRATION_NON_EU');
  await admin.getByLabel('Arrival in Belgium').fill('05/01/2026');
  await admin.getByRole('button', { name: 'Open the case' }).click();
  await expect(admin.getByTestId('case-stage')).toHaveText('Intake');
  const casePath = new URL(admin.url()).pathname;

  await expectLooks(admin, '/dashboard', 'dashboard');
  await expectLooks(admin, '/cases', 'cases');
  await expectLooks(admin, casePath, 'case');
  await expectLooks(admin, '/clients', 'clients');
  await expectLooks(admin, clientPath, 'client');

  // The client, signed in from her invitation.
  const client = await newPage(browser);
  const invitation = await waitForEmail(CLIENT_EMAIL, /invited you to your client portal/);
  await client.goto(firstLink(invitation, '/portal/sign-in/verify'));
  await client.getByRole('button', { name: 'Sign in' }).click();
  await expect(client).toHaveURL(/\/portal$/);
  await expectLooks(client, '/portal', 'portal');
  await client.getByRole('link', { name: 'Timeline and messages' }).first().click();
  await expect(client).toHaveURL(/\/portal\/cases\//);
  await expectLooks(client, new URL(client.url()).pathname, 'portal-case');
});
