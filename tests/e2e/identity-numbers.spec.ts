import { randomInt } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { signInStaff } from './support/sign-in';
import { chooseOption } from './support/combobox';

test.use({ locale: 'en-US' });

// An advisor records a client's national register and passport numbers, reads them back on the client page, and
// finds the client by typing the whole number, as it is usually written, into the clients search. The numbers are
// stored sealed, so the search goes by the exact number: part of it finds nothing.

function nationalRegisterNumber(): string {
  const base = `9${String(randomInt(10 ** 8)).padStart(8, '0')}`;
  return `${base}${String(97 - (Number(base) % 97)).padStart(2, '0')}`;
}
const dotted = (d: string) => `${d.slice(0, 2)}.${d.slice(2, 4)}.${d.slice(4, 6)}-${d.slice(6, 9)}.${d.slice(9)}`;

test('an advisor records identity numbers, sees them on the client page and finds the client by the exact number', async ({ page }) => {
  const lastName = `Sealed${Date.now()}`;
  const nrn = nationalRegisterNumber();
  const passport = `EP${randomInt(10 ** 7)}`;
  await signInStaff(page, 'advisor2@peeters.example');

  await page.goto('/clients/new');
  await page.getByLabel('First name').fill('Nour');
  await page.getByLabel('Last name').fill(lastName);
  await chooseOption(page, 'Nationality', 'Morocco');
  await page.getByLabel('National register number').fill(dotted(nrn));
  await page.getByLabel('Passport number').fill(passport.toLowerCase());
  await page.getByRole('button', { name: 'Create client' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${lastName}, Nour`);
  const identity = page.getByRole('region', { name: 'Identity numbers' });
  await expect(identity).toContainText(`National register number: ${nrn}`);
  await expect(identity).toContainText(`Passport number: ${passport}`);

  const search = async (q: string) => {
    await page.goto('/clients');
    await page.getByRole('textbox', { name: 'Search by name, file number or exact identity number' }).fill(q);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(page).toHaveURL(/[?&]q=/);
  };
  await search(dotted(nrn));
  await expect(page.getByRole('link', { name: new RegExp(lastName) })).toBeVisible();
  // The list shows who it is, never the number itself.
  await expect(page.getByText(nrn)).toHaveCount(0);
  await search(nrn.slice(0, 6));
  await expect(page.getByText('No clients match.')).toBeVisible();
});
