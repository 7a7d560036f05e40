import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import PizZip from 'pizzip';
import { expectNoSeriousA11yViolations } from './support/axe';
import { signInStaff } from './support/sign-in';
import { toast } from './support/toast';
import { chooseOption } from './support/combobox';

test.use({ locale: 'en-US' });

// A GDPR request end to end, as an admin does it: the export of everything on a client, then (the firm keeping
// files 0 years after the last case, and this client never having had one) the erasure, confirmed by typing the
// file number.

test('an admin downloads everything held on a client, then erases the client', async ({ page }) => {
  const lastName = `Gdpr${Date.now()}`;
  await signInStaff(page, 'admin@lemaire.example');

  await page.goto('/settings/firm');
  const retention = page.getByRole('region', { name: 'Retention of client files' });
  await retention.getByLabel('Years after the last case').fill('0');
  await retention.getByRole('button', { name: 'Save' }).click();
  await expect(toast(page, 'The retention period is saved.')).toBeVisible();

  await page.goto('/clients/new');
  await page.getByLabel('First name').fill('Yasmina');
  await page.getByLabel('Last name').fill(lastName);
  await chooseOption(page, 'Nationality', 'Algeria');
  await page.getByLabel('Email address').fill(`${lastName.toLowerCase()}@client.example`);
  await page.getByRole('button', { name: 'Create client' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${lastName}, Yasmina`);
  const clientUrl = page.url();
  await expectNoSeriousA11yViolations(page);

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download everything held on this client (ZIP)' }).click();
  const zip = new PizZip(await readFile(await (await download).path()));
  const index = JSON.parse(zip.file('index.json')!.asText()) as Record<string, unknown>;
  expect(JSON.stringify(index)).toContain(lastName);
  expect(JSON.stringify(index)).toContain(`${lastName.toLowerCase()}@client.example`);

  const erase = page.getByRole('form', { name: 'Erase this client' });
  const label = await erase.getByText(/Type the file number .+ to confirm/).textContent();
  const fileNumber = /Type the file number (.+) to confirm/.exec(label ?? '')![1]!;
  await erase.getByRole('textbox').fill(fileNumber);
  await erase.getByRole('button', { name: 'Erase this client for good' }).click();
  await expect(page).toHaveURL(/\/clients\?erased=1$/);
  await expect(page.getByText('The client was erased.')).toBeVisible();
  await expect(page.getByText(lastName)).toHaveCount(0);

  await page.goto(clientUrl);
  await expect(page.getByText(lastName)).toHaveCount(0);
});
