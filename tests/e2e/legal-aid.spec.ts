import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { signInStaff } from './support/sign-in';
import { openFromHeader } from './support/shell';
import { toast } from './support/toast';

test.use({ locale: 'en-US' });

test('an advisor records a legal-aid designation on a demo case, enters two services and downloads the CSV whose total matches the page', async ({ page }) => {
  await signInStaff(page, 'advisor1@peeters.example');
  await page.goto('/cases');
  await page.locator('table a[href^="/cases/"]').first().click();
  await expect(page).toHaveURL(/\/cases\/\w+$/);

  const section = page.getByRole('region', { name: 'Legal aid (pro deo)' });
  const designation = section.getByRole('form', { name: 'Designation' });
  const number = `BJB-${Date.now()}`;
  await designation.getByLabel('Designated on').fill('2026-11-02');
  await designation.getByLabel('Designation number').fill(number);
  await designation.getByLabel('Bar').fill('Brussel (NL)');
  await designation.getByLabel("Client's contribution (EUR)").fill('0');
  await designation.getByRole('button', { name: 'Save designation' }).click();
  await expect(toast(page, 'Designation saved.')).toBeVisible();

  // Two services from the list in force today; the page shows each with its list and the running total.
  const total = section.getByTestId('legal-aid-total');
  await expect(total).toBeVisible();
  const before = Number(await total.textContent());
  const service = section.getByRole('form', { name: 'Enter service' });
  await service.getByLabel('Service').selectOption('RVV_SUSPENSION');
  await service.getByLabel('Performed on').fill('2026-11-03');
  await service.getByRole('button', { name: 'Enter service' }).click();
  await expect(toast(page, 'Service entered.')).toBeVisible();
  await expect(total).not.toHaveText(String(before));
  await service.getByLabel('Service').selectOption('TRAVEL');
  await service.getByLabel('Performed on').fill('2026-11-04');
  await service.getByLabel('Quantity').fill('2');
  await service.getByRole('button', { name: 'Enter service' }).click();
  await expect(section.getByRole('list', { name: 'List 2024' })).toContainText('Travel (per journey)');
  // 15 points for the suspension appeal and 2 × 0.5 for travel on the 2024 list (values to verify).
  await expect(total).toHaveText(String(before + 16));
  const shown = (await total.textContent()) ?? '';
  await expectNoSeriousA11yViolations(page);

  const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('link', { name: 'Closing report (CSV)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^legal-aid-.+\.csv$/);
  const csv = (await readFile(await download.path())).toString('utf8').replace(/^\uFEFF/, '');
  const rows = csv.trimEnd().split('\r\n').map((line) => line.split(';'));
  // The report is written in the designated lawyer's language (the demo advisor works in Dutch), whatever the page's.
  expect(rows[0]).toEqual(['Aanstellingsnummer', 'Balie', 'Cliënt', 'Datum', 'Code', 'Prestatie', 'Aantal', 'Punten', 'Puntenlijst']);
  expect(rows.slice(1).every((row) => row[0] === number)).toBe(true);
  const last = rows.at(-1)!;
  expect(last[5]).toBe('Totaal');
  expect(last[7]).toBe(shown);

  // The yearly overview: the advisor's own line, with the file designated in 2026.
  await openFromHeader(page, 'Legal aid');
  await expect(page.getByRole('heading', { level: 1, name: 'Legal aid: yearly overview' })).toBeVisible();
  await page.getByLabel('Year').selectOption('2026');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/year=2026/);
  const rowsShown = page.getByRole('table').getByRole('row');
  await expect(rowsShown).toHaveCount(2);
  await expect(rowsShown.nth(1).getByRole('rowheader')).toHaveText('Jan Janssens');
  expect(Number(await rowsShown.nth(1).getByRole('cell').first().textContent())).toBeGreaterThanOrEqual(1);
  await expectNoSeriousA11yViolations(page);
});
