import { randomBytes } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { openFromHeader } from './support/shell';
import { toast } from './support/toast';

test.use({ locale: 'en-US' });

// A firm of its own, so ending sessions and changing the password never touch the seeded people other specs use.

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function secondBrowser(browser: Browser) {
  const context = await browser.newContext({ locale: 'en-US', userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15' });
  return context.newPage();
}

test('a member ends a session on another device, and a password change signs every other device out', async ({ page, browser }) => {
  const email = `ada-${randomBytes(4).toString('hex')}@sessions.example.test`;
  const password = 'the first long password';
  await page.goto('/register');
  await page.getByLabel('Firm name').fill('Cabinet Sessions');
  await page.getByLabel('Your name').fill('Ada Sessions');
  await page.getByLabel('Your email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create the firm' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  const other = await secondBrowser(browser);
  await signIn(other, email, password);
  await expect(other).toHaveURL(/\/dashboard$/);

  // Here: the list shows both, this one marked; the Mac is ended from here.
  await openFromHeader(page, 'Sessions');
  await expect(page.getByRole('heading', { name: 'Sessions and password' })).toBeVisible();
  const rows = page.getByTestId('session-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'This device' })).toHaveCount(1);
  const mac = rows.filter({ hasText: 'Safari' }).filter({ hasText: 'macOS' });
  await expect(mac).toHaveCount(1);
  await mac.getByRole('button', { name: /^End/ }).click();
  await expect(rows).toHaveCount(1);
  await expect(page.getByText('You are signed in on this device only.')).toBeVisible();

  // There: the cookie is still in the browser, but the next page is the sign-in screen.
  await other.goto('/cases');
  await expect(other).toHaveURL(/\/sign-in/);

  // Signed in again there, then the password changes here: there is signed out, the old password is refused.
  await signIn(other, email, password);
  await expect(other).toHaveURL(/\/dashboard$/);
  await page.reload();
  await expect(rows).toHaveCount(2);
  const newPassword = 'the second, longer password';
  await page.getByLabel('Current password').fill('not the password at all');
  await page.getByLabel('New password', { exact: true }).fill(newPassword);
  await page.getByLabel('New password again').fill(newPassword);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('This is not your current password.')).toBeVisible();
  await expect(page.getByLabel('New password', { exact: true })).toHaveValue(newPassword);

  await page.getByLabel('Current password').fill(password);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(toast(page, 'Your password was changed and your other sessions were ended.')).toBeVisible();
  await other.goto('/dashboard');
  await expect(other).toHaveURL(/\/sign-in/);
  await signIn(other, email, password);
  await expect(other.getByText('The email address or password is not correct.')).toBeVisible();
  await signIn(other, email, newPassword);
  await expect(other).toHaveURL(/\/dashboard$/);

  // This device was never signed out.
  await page.goto('/dashboard');
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  await other.context().close();
});
