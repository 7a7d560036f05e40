import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { signInStaff } from './support/sign-in';

test.use({ locale: 'en-US' });

// Issue 19: dates are typed and read the Belgian way in every language, and a date-only event shows no time.

test('in Dutch, a task due 07/12/2030 typed day first is stored as 7 December; 31/02/2030 is refused', async ({ page }) => {
  const marker = randomBytes(3).toString('hex');
  await signInStaff(page, 'advisor1@peeters.example');
  await page.context().addCookies([{ name: 'NEXT_LOCALE', value: 'nl', url: page.url() }]);
  await page.goto('/cases');
  await page.locator('table a[href^="/cases/"]').first().click();
  await expect(page).toHaveURL(/\/cases\/[^/]+$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');

  const tasks = page.getByRole('region', { name: 'Taken' });
  const due = tasks.getByLabel('Vervaldatum');
  await expect(due).toHaveAttribute('placeholder', 'dd/mm/jjjj');

  await tasks.getByLabel('Taak', { exact: true }).fill(`Onmogelijke datum ${marker}`);
  await due.fill('31/02/2030');
  await tasks.getByRole('button', { name: 'Taak toevoegen' }).click();
  await expect(tasks.getByText('Vul een geldige datum in.')).toBeVisible();
  await expect(tasks.getByRole('listitem').filter({ hasText: marker })).toHaveCount(0);

  await tasks.getByLabel('Taak', { exact: true }).fill(`Termijn nakijken ${marker}`);
  await due.fill('07/12/2030');
  await tasks.getByRole('button', { name: 'Taak toevoegen' }).click();
  const task = tasks.getByRole('listitem').filter({ hasText: marker });
  await expect(task).toContainText('7 december 2030');
  await expect(task.locator('time')).toHaveAttribute('datetime', '2030-12-07');

  // The seeded history is known by its day only: the case's opening shows a date and no "01:00".
  const opened = page.getByRole('listitem').filter({ hasText: 'Dossier geopend' }).first();
  await expect(opened).toBeVisible();
  await expect(opened).not.toContainText(/\d{1,2}:\d{2}/);
  await expect(opened).toContainText(/\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}/);
});
