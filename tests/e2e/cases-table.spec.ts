import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { signInStaff } from './support/sign-in';
import { openFromHeader } from './support/shell';
import { untilStreamed } from './support/streamed';

test.use({ locale: 'en-US' });

const table = (page: Page) => page.getByRole('table');
const rows = (page: Page) => table(page).locator('tbody tr');
/** The text of one column in every shown row, by its header. */
async function column(page: Page, header: string): Promise<string[]> {
  const headers = await table(page).locator('thead th').allInnerTexts();
  const index = headers.findIndex((text) => text.replace(/[▲▼↕]/g, '').trim() === header);
  expect(index, `a "${header}" column`).toBeGreaterThanOrEqual(0);
  return rows(page).locator(`> :nth-child(${index + 1})`).allInnerTexts();
}

test('an admin filters, sorts, chooses columns, searches, pages and exports the cases table', async ({ page }) => {
  await signInStaff(page, 'admin@peeters.example');
  await openFromHeader(page, 'Cases');
  await expect(page).toHaveURL(/\/cases$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();
  await expect(table(page).locator('caption')).toHaveText(/Cases sorted by Next deadline, ascending\. Page 1 of \d+\./);
  await expect(table(page).getByRole('columnheader', { name: /Next deadline/ })).toHaveAttribute('aria-sort', 'ascending');
  await expect(rows(page)).toHaveCount(25);
  await expectNoSeriousA11yViolations(page);

  // Filter by a stage: the URL is the saved filter.
  await page.getByRole('button', { name: 'Stage: All stages' }).click();
  await page.getByRole('checkbox', { name: 'Refused', exact: true }).check();
  // The trigger counts the ticks at once; Escape closes the popover and keeps them.
  await expect(page.getByRole('button', { name: 'Stage: 1 stage' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('checkbox', { name: 'Refused', exact: true })).toBeHidden();
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/\/cases\?stage=REFUSED$/);
  await expect(page.getByText('Stage: 1 stage')).toBeVisible();
  await untilStreamed(page);
  const stages = await column(page, 'Stage');
  expect(stages.length).toBeGreaterThan(0);
  expect(new Set(stages)).toEqual(new Set(['Refused']));

  // Sort by next deadline, descending, by its header link.
  await table(page).getByRole('link', { name: /Next deadline/ }).click();
  await expect(page).toHaveURL(/[?&]dir=desc/);
  await expect(page).toHaveURL(/[?&]stage=REFUSED/);
  await expect(table(page).getByRole('columnheader', { name: /Next deadline/ })).toHaveAttribute('aria-sort', 'descending');
  const cells = (await column(page, 'Next deadline')).filter((cell) => cell !== 'None');
  const dates = cells.map((cell) => Date.parse(cell.split('\n')[0]!.replace(/\s*(Overdue|Today|tomorrow|in \d+ days?)$/, '')));
  expect(dates.length).toBeGreaterThan(0);
  expect(dates.every((date) => !Number.isNaN(date))).toBe(true);
  expect(dates).toEqual([...dates].sort((a, b) => b - a));

  // Choose columns: they are part of the URL too.
  await page.getByRole('button', { name: 'Columns', exact: true }).click();
  const chooser = page.getByRole('form', { name: 'Columns' });
  await chooser.getByLabel('Commune').check();
  await chooser.getByLabel('DVZ/OE number').check();
  await chooser.getByLabel('Last updated').uncheck();
  await chooser.getByRole('button', { name: 'Show these columns' }).click();
  await expect(chooser).toBeHidden();
  await expect(page).toHaveURL(/[?&]cols=reference%2Cclient%2Cprocedure%2Cstage%2CnextDeadlineOn%2Cadvisor%2Ccommune%2CdvzFileNumber/);
  await expect(table(page).getByRole('columnheader', { name: 'Commune' })).toBeVisible();
  await expect(table(page).getByRole('columnheader', { name: 'DVZ/OE number' })).toBeVisible();
  await expect(table(page).getByRole('columnheader', { name: /Last updated/ })).toHaveCount(0);
  await expect(page).toHaveURL(/[?&]stage=REFUSED/);
  await expectNoSeriousA11yViolations(page);

  // Clear the filters (the columns stay), then search by a client's name with the keyboard.
  await page.getByRole('link', { name: 'Clear filters' }).click();
  await expect(page).not.toHaveURL(/stage=/);
  await expect(table(page).getByRole('columnheader', { name: 'Commune' })).toBeVisible();
  await untilStreamed(page);
  const someone = (await column(page, 'Client'))[3]!.split('\n')[0]!;
  const lastName = someone.split(',')[0]!;
  const search = page.getByRole('searchbox', { name: 'Search' });
  await search.fill(lastName);
  await search.press('Enter');
  await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(lastName);
  await untilStreamed(page);
  const clients = await column(page, 'Client');
  expect(clients.length).toBeGreaterThan(0);
  expect(clients.every((cell) => cell.toLowerCase().includes(lastName.toLowerCase()))).toBe(true);

  // Page 2 of the whole list.
  await page.getByRole('link', { name: 'Clear filters' }).click();
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Next page' }).click();
  await expect(page).toHaveURL(/[?&]page=2/);
  await expect(table(page).locator('caption')).toHaveText(/Page 2 of \d+\./);
  await expect(page.getByRole('navigation', { name: 'Pages' })).toContainText(/26–\d+ of \d+/);
  const reference = (await column(page, 'Reference'))[0]!;

  // The export is the current filter, as a CSV download with a BOM and the header in the reader's language.
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export to CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^cases-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await download.path())!, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const [header, ...lines] = csv.slice(1).split('\r\n').filter(Boolean);
  expect(header).toBe(
    'Reference;Client;File number;Procedure;Stage;Card;Card valid until;Next deadline;Deadline type;Advisor;Commune;DVZ/OE number;RvV/CCE roll number;Last updated',
  );
  expect(lines.some((line) => line.startsWith(`${reference};`))).toBe(true);
  expect(lines.length).toBeGreaterThan(25);
});

test('the cases table says so when nothing matches, and offers the way back', async ({ page }) => {
  await signInStaff(page, 'admin@peeters.example');
  await page.goto('/cases?q=no-such-client-anywhere');
  await expect(page.getByText('No cases match these filters.')).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  await page.goto('/cases?page=999');
  await expect(page.getByText('There are no cases on this page.')).toBeVisible();
  await page.getByRole('link', { name: 'Go to the first page' }).click();
  await expect(rows(page).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
