import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { signInStaff } from './support/sign-in';
import { moreMenuItems, openFromHeader, signOutOfWorkspace } from './support/shell';
import { toast } from './support/toast';

test.use({ locale: 'en-US' });

test('an advisor chooses the daily digest and a pause; an admin sets the firm lead times, and a wrong one is refused', async ({ page }) => {
  await signInStaff(page, 'advisor2@lemaire.example');
  await openFromHeader(page, 'Reminders');
  await expect(page.getByRole('heading', { level: 1, name: 'Reminders' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  const mine = page.getByRole('region', { name: 'My reminders' });
  await mine.getByLabel(/One daily digest/).check();
  await mine.getByLabel('Digest time (Brussels)').selectOption('6');
  await mine.getByLabel('From').fill('2027-07-01');
  await mine.getByLabel(/^Until/).fill('2027-06-01');
  await mine.getByRole('button', { name: 'Save my reminders' }).click();
  await expect(mine.getByRole('alert')).toHaveText('The pause cannot end before it starts.');
  await mine.getByLabel(/^Until/).fill('2027-07-21');
  await mine.getByRole('button', { name: 'Save my reminders' }).click();
  await expect(toast(page, 'Saved.')).toBeVisible();
  await page.reload();
  await expect(mine.getByLabel(/One daily digest/)).toBeChecked();
  await expect(mine.getByLabel('Digest time (Brussels)')).toHaveValue('6');
  // An advisor reads the firm's lead times but cannot change them.
  const firm = page.getByRole('region', { name: "The firm's lead times" });
  await expect(firm.getByLabel('Appeal')).toHaveValue('21, 14, 7, 3, 1');
  await expect(firm.getByText("Only an administrator can change the firm's lead times.")).toBeVisible();
  await signOutOfWorkspace(page);

  await signInStaff(page, 'admin@lemaire.example');
  await page.goto('/account/reminders');
  await firm.getByLabel('Appeal').fill('30, 10, soon');
  await firm.getByRole('button', { name: 'Save lead times' }).click();
  await expect(firm.getByRole('alert')).toContainText('Write whole numbers of days');
  await firm.getByLabel('Appeal').fill('30, 10, 2');
  await firm.getByRole('button', { name: 'Save lead times' }).click();
  await expect(toast(page, 'Saved.')).toBeVisible();
  await page.reload();
  await expect(firm.getByLabel('Appeal')).toHaveValue('30, 10, 2');
  await expect(firm.getByLabel('Card renewal')).toHaveValue('open, 7');
});

test('an admin reads the outbox: what was sent, and each message as the recipient sees it', async ({ page }) => {
  await signInStaff(page, 'admin@peeters.example');
  await openFromHeader(page, 'Outbox');
  await expect(page.getByRole('heading', { level: 1, name: 'Outbox' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('link', { name: /^Sent/ }).click();
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows.nth(1)).toContainText('Sent');
  await rows.nth(1).getByRole('link').first().click();
  await expect(page.getByText('Email in the outbox', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Delivery attempts' })).toBeVisible();
  await expect(page.getByText('Accepted').first()).toBeVisible();
  // The email itself sits in a sandboxed frame: it runs no script, and axe (which must inject one) cannot check it.
  await expect(page.locator('iframe[sandbox=""]')).toHaveCount(1);
  // Advisors have no outbox.
  await signOutOfWorkspace(page);
  await signInStaff(page, 'advisor1@peeters.example');
  expect(await moreMenuItems(page)).not.toContain('Outbox');
  expect((await page.goto('/settings/outbox'))?.status()).toBe(404);
});
