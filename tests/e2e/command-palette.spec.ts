import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { withDatabase } from './support/e2e-world';
import { accountMenu } from './support/shell';
import { signInStaff } from './support/sign-in';

test.use({ locale: 'en-US' });

type Target = { caseId: string; reference: string; dvz: string; rvv: string; clientId: string; fileNumber: string; firstName: string; lastName: string };

/** A seeded case of the Peeters firm that carries both a DVZ file number and an RvV roll number. */
async function caseWithEveryNumber(): Promise<Target> {
  return withDatabase(async (db) => {
    const { rows } = await db.query<Target>(
      `SELECT c.id AS "caseId", c.reference, c."dvzFileNumber" AS dvz, c."rvvRollNumber" AS rvv, cl.id AS "clientId", cl."fileNumber" AS "fileNumber", cl."firstName" AS "firstName", cl."lastName" AS "lastName"
         FROM "Case" c JOIN "Client" cl ON cl.id = c."clientId" JOIN "Firm" f ON f.id = c."firmId"
        WHERE f.slug = 'peeters-advocaten' AND c."dvzFileNumber" IS NOT NULL AND c."rvvRollNumber" IS NOT NULL AND c."deletedAt" IS NULL AND cl."deletedAt" IS NULL
        ORDER BY c.reference LIMIT 1`,
    );
    expect(rows).toHaveLength(1);
    return rows[0]!;
  });
}

/**
 * What in the header reaches past the window's right edge (nothing should: no sideways scroll because of it). The
 * dashboard's deadline table is wider than a phone on its own; that is the page's, not the header's.
 */
const headerOverflow = (page: Page) =>
  page.getByRole('banner').evaluate((header) => [header, ...header.querySelectorAll('*')].filter((node) => node.getBoundingClientRect().right > window.innerWidth + 0.5).map((node) => node.outerHTML.slice(0, 80)));

const palette = (page: Page) => page.getByRole('dialog', { name: 'Search and commands' });

async function searchAndOpen(page: Page, query: string, option: RegExp | string) {
  await page.keyboard.press('Control+K');
  await expect(palette(page)).toBeVisible();
  await palette(page).getByRole('combobox').fill(query);
  await palette(page).getByRole('option', { name: option }).first().click();
  await expect(palette(page)).toHaveCount(0);
}

test('the command palette finds a case by its reference, DVZ and RvV numbers, and a client by file number and name', async ({ page }) => {
  const target = await caseWithEveryNumber();
  await signInStaff(page, 'advisor1@peeters.example');

  // The button in the header opens it too, with the actions of the person's role before anything is typed.
  await page.getByRole('banner').getByRole('button', { name: 'Search…' }).click();
  await expect(palette(page).getByRole('option', { name: 'New client' })).toBeVisible();
  await expect(palette(page).getByRole('option', { name: 'Go to Cases' })).toBeVisible();
  await expect(palette(page).getByRole('option', { name: 'Go to Audit log' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await palette(page).getByRole('combobox').fill('x');
  await expect(palette(page).getByText('Type at least two characters to search clients and cases.')).toBeVisible();
  await palette(page).getByRole('combobox').fill('zzqqxx-nothing');
  await expect(palette(page).getByText('Nothing found.')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(palette(page)).toHaveCount(0);

  for (const number of [target.reference, target.dvz, target.rvv]) {
    await searchAndOpen(page, number, new RegExp(`^${target.reference.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `));
    await expect(page).toHaveURL(new RegExp(`/cases/${target.caseId}$`));
    await expect(page.getByRole('heading', { level: 1 })).toContainText(target.reference);
  }
  const clientOption = new RegExp(`^${target.firstName} ${target.lastName} ${target.fileNumber}$`);
  await searchAndOpen(page, target.fileNumber, clientOption);
  await expect(page).toHaveURL(new RegExp(`/clients/${target.clientId}$`));
  await searchAndOpen(page, `${target.firstName} ${target.lastName}`, clientOption);
  await expect(page).toHaveURL(new RegExp(`/clients/${target.clientId}$`));

  // An action: the keyboard alone, from the palette.
  await page.keyboard.press('Control+K');
  await palette(page).getByRole('combobox').fill('new case');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/cases\/new$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('New case');
});

test('a new case opened without a client starts by searching the firm for one', async ({ page }) => {
  const target = await caseWithEveryNumber();
  await signInStaff(page, 'advisor1@peeters.example');
  await page.goto('/cases');
  await page.getByRole('main').getByRole('link', { name: 'New case' }).click();
  await expect(page).toHaveURL(/\/cases\/new$/);

  // Typing asks the server (thousands of clients): a file number finds the one client, and nothing else is offered.
  const trigger = page.getByRole('combobox', { name: 'Client', exact: true });
  await trigger.click();
  await page.keyboard.type(target.fileNumber);
  const list = page.getByRole('listbox');
  await expect(list.getByRole('option')).toHaveText([`${target.firstName} ${target.lastName}${target.fileNumber}`]);
  await expectNoSeriousA11yViolations(page);
  await page.keyboard.press('Enter');
  await expect(trigger).toContainText(`${target.firstName} ${target.lastName}`);
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page).toHaveURL(new RegExp(`/cases/new\\?clientId=${target.clientId}$`));
  await expect(page.getByRole('main')).toContainText(`Client: ${target.lastName}, ${target.firstName} (${target.fileNumber})`);
  await page.getByLabel('Procedure').selectOption('REGISTRATION_NON_EU');
  await page.getByRole('button', { name: 'Open the case' }).click();
  await expect(page.getByTestId('case-stage')).toHaveText('Intake');
  await expect(page.getByRole('main')).toContainText(target.fileNumber);

  // "Change" goes back to the choice; an unknown name offers nothing to open a case on.
  await page.goto(`/cases/new?clientId=${target.clientId}`);
  await page.getByRole('link', { name: 'Change' }).click();
  await expect(page).toHaveURL(/\/cases\/new$/);
  await trigger.click();
  await page.keyboard.type('zzqqxx-nobody');
  await expect(list.getByText('Nothing matches.')).toBeVisible();
});

test('? lists the shortcuts, g c goes to the cases, and neither fires while typing in a field', async ({ page }) => {
  await signInStaff(page, 'admin@peeters.example');
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help.getByRole('term')).toContainText(['Search clients and cases, run a command', 'Show these shortcuts', 'New client', 'New case', 'Go to Dashboard', 'Go to Cases']);
  await expectNoSeriousA11yViolations(page);
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);

  await page.keyboard.press('g');
  await page.keyboard.press('c');
  await expect(page).toHaveURL(/\/cases$/);
  await expect(page.getByRole('navigation', { name: 'Workspace navigation' }).getByRole('link', { name: 'Cases', exact: true })).toHaveAttribute('aria-current', 'page');

  // In the search field of the cases page, the same keys are just text.
  const search = page.getByRole('searchbox').first();
  await search.fill('');
  await search.pressSequentially('g d?');
  await expect(search).toHaveValue('g d?');
  await expect(page).toHaveURL(/\/cases$/);
  await expect(help).toHaveCount(0);

  await page.locator('body').click({ position: { x: 5, y: 200 } });
  await page.keyboard.press('n');
  await page.keyboard.press('c');
  await expect(page).toHaveURL(/\/clients\/new$/);
});

test.describe('the header', () => {
  test('at 1440 px: one row, the current page marked, management pages under More, the person in a menu', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await signInStaff(page, 'admin@peeters.example');
    const nav = page.getByRole('navigation', { name: 'Workspace navigation' });
    await expect(nav.getByRole('link', { name: 'Dashboard', exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(nav.getByRole('link', { name: 'Cases', exact: true })).not.toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('button', { name: 'Menu', exact: true })).toBeHidden();
    const banner = (await page.getByRole('banner').boundingBox())!;
    expect(banner.height).toBeLessThanOrEqual(64);
    const tops = await Promise.all(
      [nav.getByRole('link', { name: 'Dashboard', exact: true }), nav.getByRole('button', { name: 'More' }), page.getByRole('button', { name: 'Search…' }), accountMenu(page)].map(async (item) => (await item.boundingBox())!.y),
    );
    expect(Math.max(...tops) - Math.min(...tops)).toBeLessThan(8);

    await accountMenu(page).click();
    const menu = page.getByRole('menu');
    await expect(menu).toContainText('Peeters');
    await expect(menu.getByRole('menuitem', { name: 'Sessions' })).toBeVisible();
    await expect(menu.getByRole('menuitemradio', { name: 'Nederlands' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await menu.getByRole('menuitemradio', { name: 'Nederlands' }).click();
    await expect(page.getByRole('navigation', { name: 'Navigatie van de werkruimte' }).getByRole('link', { name: 'Overzicht', exact: true })).toHaveAttribute('aria-current', 'page');
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('banner').getByRole('button', { name: /Accountmenu$/ }).click();
    await page.getByRole('menuitemradio', { name: 'Français' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('banner').getByRole('button', { name: /Menu du compte$/ }).click();
    await page.getByRole('menuitemradio', { name: 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });

  test('at 360 px: a menu button, a header within the width, and the pages in a panel', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await signInStaff(page, 'admin@peeters.example');
    expect(await headerOverflow(page)).toEqual([]);
    await expect(page.getByRole('navigation', { name: 'Workspace navigation' })).toBeHidden();
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('button', { name: 'Menu', exact: true }).click();
    const panel = page.getByRole('dialog', { name: 'Sejour' });
    await expect(panel.getByRole('link', { name: 'Dashboard', exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(panel.getByRole('link', { name: 'Audit log', exact: true })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await panel.getByRole('link', { name: 'Cases', exact: true }).click();
    await expect(page).toHaveURL(/\/cases$/);
    await expect(panel).toHaveCount(0);
    expect(await headerOverflow(page)).toEqual([]);

    // The search and the person's menu stay in reach on a phone.
    await page.getByRole('button', { name: 'Search…' }).click();
    await expect(palette(page)).toBeVisible();
    await page.keyboard.press('Escape');
    await accountMenu(page).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
  });
});
