import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { signInStaff } from './support/sign-in';
import { openFromHeader } from './support/shell';

test.use({ locale: 'en-US' });

const clientsTable = (page: Page) => page.getByRole('table', { name: /^Clients/ });
const fileNumbers = (page: Page) => clientsTable(page).locator('tbody tr > :first-child').allInnerTexts();
const pager = (page: Page) => page.getByRole('navigation', { name: 'Pages' });

/**
 * Imports `count` clients through the import pages, as an admin would: more than a page of clients on top of
 * the seeded 40, and more than a page of audit entries (one per client). Their file numbers start with 0, so
 * they come before every seeded or imported number ("2026-0001", "Imp…") from A to Z.
 */
async function importClients(page: Page, prefix: string, count: number) {
  const lines = ['Dossiernummer;Voornaam;Naam;Nationaliteit;Taal'];
  // Named to come last by name, so a journey that opens the first client of the default list still finds its own.
  for (let i = 1; i <= count; i++) lines.push(`${prefix}-${String(i).padStart(2, '0')};Lijst${i};Zzlijst ${prefix};MA;nl`);
  await page.goto('/import');
  const transfer = await page.evaluateHandle((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'lijst.csv', { type: 'text/csv' }));
    return data;
  }, lines.join('\r\n'));
  await page.getByText('Drag a CSV file here, or click to choose one').dispatchEvent('drop', { dataTransfer: transfer });
  await page.getByRole('button', { name: 'Upload and preview' }).click();
  await expect(page).toHaveURL(/\/import\/[a-z0-9]+$/);
  await page.getByRole('button', { name: 'Check all rows' }).click();
  const importing = page.getByRole('region', { name: 'Import', exact: true });
  await importing.getByRole('button', { name: `Import ${count} clients and 0 cases` }).click();
  await expect(importing.getByText(`Imported ${count} clients and 0 cases.`)).toBeVisible({ timeout: 30_000 });
}

test('the clients list sorts by file number both ways, pages and shows an empty search; the audit log pages to older entries', async ({ page }) => {
  test.setTimeout(150_000);
  const prefix = `0${Date.now()}`;
  const mine = (n: number) => `${prefix}-${String(n).padStart(2, '0')}`;
  await signInStaff(page, 'admin@peeters.example');
  await importClients(page, prefix, 55);

  // The imports list: the file just imported is on top, newest first; its file-name header sorts it.
  await page.goto('/import');
  const imports = page.getByRole('table', { name: /^Recent imports/ });
  await expect(imports.getByRole('columnheader', { name: 'Uploaded' })).toHaveAttribute('aria-sort', 'descending');
  await expect(imports.locator('tbody tr').first()).toContainText('lijst.csv');
  await imports.getByRole('link', { name: 'File', exact: true }).click();
  await expect(page).toHaveURL(/\/import\?sort=fileName&dir=asc$/);
  await expect(imports.getByRole('columnheader', { name: 'File', exact: true })).toHaveAttribute('aria-sort', 'ascending');
  await expect(imports.getByRole('columnheader', { name: 'Uploaded' })).toHaveAttribute('aria-sort', 'none');

  // By name by default.
  await openFromHeader(page, 'Clients');
  await expect(page).toHaveURL(/\/clients$/);
  await expect(clientsTable(page)).toHaveAccessibleName('Clients, sorted by Name, ascending');
  await expect(clientsTable(page).getByRole('columnheader', { name: 'Name', exact: true })).toHaveAttribute('aria-sort', 'ascending');
  await expect(clientsTable(page).getByRole('columnheader', { name: 'File number' })).toHaveAttribute('aria-sort', 'none');
  await expect(clientsTable(page).locator('tbody tr')).toHaveCount(50);
  await expectNoSeriousA11yViolations(page);

  // File number, A to Z: the imported numbers first, in order.
  await clientsTable(page).getByRole('link', { name: 'File number' }).click();
  await expect(page).toHaveURL(/\/clients\?sort=fileNumber&dir=asc$/);
  await expect(clientsTable(page).getByRole('columnheader', { name: 'File number' })).toHaveAttribute('aria-sort', 'ascending');
  await expect(clientsTable(page).getByRole('columnheader', { name: 'Name', exact: true })).toHaveAttribute('aria-sort', 'none');
  await expect(clientsTable(page).getByRole('columnheader', { name: 'File number' })).toContainText('▲');
  await expect.poll(async () => (await fileNumbers(page)).slice(0, 3)).toEqual([mine(1), mine(2), mine(3)]);

  // Page 2 keeps the order, and carries on where page 1 stopped; then back.
  await pager(page).getByRole('link', { name: 'Next page' }).click();
  await expect(page).toHaveURL(/\/clients\?sort=fileNumber&dir=asc&page=2$/);
  await expect(pager(page)).toContainText(/Page 2 of \d+/);
  await expect.poll(async () => (await fileNumbers(page)).slice(0, 5)).toEqual([51, 52, 53, 54, 55].map(mine));
  await pager(page).getByRole('link', { name: 'Previous page' }).click();
  await expect(page).toHaveURL(/\/clients\?sort=fileNumber&dir=asc$/);
  await expect(pager(page)).toContainText(/Page 1 of \d+/);
  await expect.poll(async () => (await fileNumbers(page))[0]).toBe(mine(1));

  // Z to A from a later page starts again on page 1, with none of the imported numbers on top.
  await pager(page).getByRole('link', { name: 'Next page' }).click();
  await clientsTable(page).getByRole('link', { name: 'File number' }).click();
  await expect(page).toHaveURL(/\/clients\?sort=fileNumber&dir=desc$/);
  await expect(clientsTable(page).getByRole('columnheader', { name: 'File number' })).toHaveAttribute('aria-sort', 'descending');
  await expect(clientsTable(page)).toHaveAccessibleName('Clients, sorted by File number, descending');
  const descending = await fileNumbers(page);
  expect(descending).toHaveLength(50);
  expect(descending.slice(0, 5).some((number) => number.startsWith(prefix))).toBe(false);

  // A search keeps the order; one that finds nobody shows the empty state instead of the table.
  const search = page.getByRole('search').getByRole('textbox');
  await search.fill(prefix);
  await search.press('Enter');
  await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(prefix);
  await expect(page).toHaveURL(/[?&]sort=fileNumber/);
  // The list streams in after the address changed: the rows are read until they are the search's.
  await expect.poll(async () => (await fileNumbers(page)).slice(0, 2)).toEqual([mine(55), mine(54)]);
  await search.fill(`nobody-${prefix}`);
  await search.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'No clients match.' })).toContainText('Check the spelling, or search by file number.');
  await expect(clientsTable(page)).toHaveCount(0);
  await expect(pager(page)).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('link', { name: 'Show all clients' }).click();
  await expect(page).toHaveURL(/\/clients$/);

  // A sort key the list does not know: the default order, not an error page.
  await page.goto('/clients?sort=birthDate&dir=sideways');
  await expect(clientsTable(page)).toHaveAccessibleName('Clients, sorted by Name, ascending');

  // The audit log: 50 entries, then older ones after the last shown, and back to the newest.
  await page.goto('/settings/audit');
  const audit = page.getByRole('table', { name: 'Audit log' });
  await expect(audit.locator('tbody tr')).toHaveCount(50);
  const newestFirst = (await audit.locator('tbody tr').first().textContent()) ?? '';
  await expect(pager(page).getByText('Newest entries')).toHaveAttribute('aria-disabled', 'true');
  await pager(page).getByRole('link', { name: 'Older entries' }).click();
  await expect(page).toHaveURL(/\/settings\/audit\?cursor=\d+$/);
  await expect(audit.locator('tbody tr').first()).not.toHaveText(newestFirst);
  await expect(audit.locator('tbody tr').first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await pager(page).getByRole('link', { name: 'Newest entries' }).click();
  await expect(page).toHaveURL(/\/settings\/audit$/);
  await expect(audit.locator('tbody tr').first()).toHaveText(newestFirst);
});
