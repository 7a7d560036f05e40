import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { signInStaff } from './support/sign-in';
import { openFromHeader } from './support/shell';

test.use({ locale: 'en-US' });

test('an admin imports a Dutch spreadsheet with semicolons: preview, column mapping, report, progress to 100%, then finds the client', async ({ page }) => {
  // Four pages, four axe scans and a commit: more than the default minute on a busy 2-core machine.
  test.setTimeout(150_000);
  const tag = `Imp${Date.now()}`;
  // As a Flemish firm's Excel saves it: semicolons, Dutch titles, day-first dates, names of countries and languages.
  const csv = [
    'Dossiernummer;Voornaam;Naam;Geboortedatum;Nationaliteit;Taal;E-mail;Procedure;Verblijf;Aankomst;Adviseur',
    `${tag}-1;Youssef;${tag};02/04/1990;Marokko;Frans;youssef.${tag.toLowerCase()}@client.example;Inschrijving (niet-EU-onderdaan);lang;05/01/2026;advisor1@peeters.example`,
    `;Lotte;${tag};15-11-1988;Nederland;Nederlands;;;;01/02/2026;`,
    `;Ana;${tag};1995-07-30;Brazilië;English;;Gezinshereniging;;;`,
  ].join('\r\n');

  await signInStaff(page, 'admin@peeters.example');
  await openFromHeader(page, 'Import');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Import clients and cases');
  await expectNoSeriousA11yViolations(page);

  // Step 1: the file is dropped onto the zone.
  const dataTransfer = await page.evaluateHandle((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'klanten.csv', { type: 'text/csv' }));
    return transfer;
  }, csv);
  await page.getByText('Drag a CSV file here, or click to choose one').dispatchEvent('drop', { dataTransfer });
  await expect(page.getByText('Chosen: klanten.csv')).toBeVisible();
  await page.getByRole('button', { name: 'Upload and preview' }).click();
  await expect(page).toHaveURL(/\/import\/[a-z0-9]+$/);
  await expect(page.getByText('3 rows, separated by “;”, encoding utf-8')).toBeVisible();

  // Step 2: the preview shows the rows as read, and the Dutch titles are already mapped.
  const preview = page.getByRole('table', { name: 'The first 3 of 3 rows, as read from the file' });
  await expect(preview.getByRole('columnheader')).toHaveText(['Row', 'Dossiernummer', 'Voornaam', 'Naam', 'Geboortedatum', 'Nationaliteit', 'Taal', 'E-mail', 'Procedure', 'Verblijf', 'Aankomst', 'Adviseur']);
  await expect(preview.getByRole('row').nth(1)).toContainText('Youssef');
  const selected = (label: string) => page.getByLabel(label, { exact: true }).locator('option:checked');
  await expect(selected('First name (required)')).toHaveText('Voornaam');
  await expect(selected('Last name (required)')).toHaveText('Naam');
  await expect(selected('Date of birth')).toHaveText('Geboortedatum');
  await expect(selected('Nationality (required)')).toHaveText('Nationaliteit');
  await expect(selected('Language')).toHaveText('Taal');
  await expect(selected('File number')).toHaveText('Dossiernummer');
  await expect(selected('Arrival date')).toHaveText('Aankomst');
  await expect(selected('Length of stay')).toHaveText('Verblijf');
  await expect(selected('Advisor (email address)')).toHaveText('Adviseur');
  await expect(selected('Phone')).toHaveText('Not imported');
  await expectNoSeriousA11yViolations(page);

  // Step 3: the report, per row.
  await page.getByRole('button', { name: 'Check all rows' }).click();
  const report = page.getByRole('region', { name: 'Check', exact: true });
  await expect(report.getByText('3 rows checked: 3 clients and 2 cases can be imported.')).toBeVisible();
  await expect(report.getByText('1 row has a warning. They will be imported; look at them first.')).toBeVisible();
  await expect(report.getByRole('table', { name: 'Problems by row' }).getByRole('row').nth(1)).toHaveText(/^3\s*Warning\s*Case fields without a procedure: only the client is imported\.$/);
  await expectNoSeriousA11yViolations(page);

  // Step 4: the commit, with its progress bar up to 100%.
  const importing = page.getByRole('region', { name: 'Import', exact: true });
  await importing.getByRole('button', { name: 'Import 3 clients and 2 cases' }).click();
  const bar = importing.getByRole('progressbar', { name: 'Import progress' });
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute('aria-valuenow', '100');
  await expect(bar).toHaveAttribute('aria-valuetext', '3 of 3 rows (100%)');
  await expect(importing.getByText('Imported 3 clients and 2 cases.')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Import steps' }).getByRole('listitem')).toHaveText(['1. Upload (done)', '2. Columns (done)', '3. Check (done)', '4. Import (done)']);
  await expectNoSeriousA11yViolations(page);

  // The imported client is in the clients list, with the case and its computed deadline.
  await openFromHeader(page, 'Clients');
  await page.getByRole('search').getByRole('textbox').fill(tag);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('link', { name: new RegExp(`^${tag}, `) })).toHaveCount(3);
  await page.getByRole('link', { name: `${tag}, Youssef` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${tag}, Youssef`);
  const kase = page.getByRole('listitem').filter({ hasText: `${tag}-1-1` });
  await expect(kase).toContainText('Registration (non-EU national)');
  await expect(kase).toContainText('15 January 2026');
});
