import { randomBytes } from 'node:crypto';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import { expect, test, type Page } from '@playwright/test';
import { signOutOfWorkspace } from './support/shell';

// Second factors as an attacker meets them: a TOTP code seen once cannot sign in again, and a passkey removed
// from the account no longer opens it even though the authenticator still holds it. Each test registers its own
// firm, so the seeded demo people stay as the other specs expect them.

test.use({ locale: 'en-US' });

const PASSWORD = 'a long second-factor password';

async function registerFirm(page: Page, origin = ''): Promise<string> {
  const email = `admin-${randomBytes(4).toString('hex')}@second-factor.example.test`;
  await page.goto(`${origin}/register`);
  await page.getByLabel('Firm name').fill(`Cabinet ${email.slice(6, 14)}`);
  await page.getByLabel('Your name').fill('Ada Factor');
  await page.getByLabel('Your email address').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create the firm' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  return email;
}

async function signInWithPassword(page: Page, email: string, origin = '') {
  await page.goto(`${origin}/sign-in`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function signOut(page: Page) {
  await signOutOfWorkspace(page);
  await expect(page).toHaveURL(/\/sign-in$/);
}

/** The code an authenticator app shows `steps` half-minutes from now. */
function codeFor(manualKey: string, steps = 0): string {
  return generateHOTP(decodeBase32IgnorePadding(manualKey.replace(/\s/g, '')), BigInt(Math.floor(Date.now() / 30_000) + steps), 6);
}

test('a TOTP code that signed in once is refused the second time, with a message that says so', async ({ page }) => {
  const email = await registerFirm(page);
  await page.goto('/account/security');
  const key = (await page.getByTestId('totp-key').textContent())!;
  await page.getByLabel('6-digit code').fill(codeFor(key));
  await page.getByRole('button', { name: 'Turn on' }).click();
  await expect(page.getByTestId('recovery-codes').getByRole('listitem')).toHaveCount(10);
  await page.getByRole('button', { name: 'I have saved these codes' }).click();
  await expect(page.getByText('Two-factor authentication is on.')).toBeVisible();
  await signOut(page);

  // The app's next code (the current one turned two-factor on).
  const code = codeFor(key, 1);
  await signInWithPassword(page, email);
  await page.getByLabel('Authentication code').fill(code);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await signOut(page);

  // Someone who saw that code (and knows the password) tries it again within its half-minute.
  await signInWithPassword(page, email);
  await page.getByLabel('Authentication code').fill(code);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByText('This code was already used. Wait for the next code in your app and enter that one.')).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/sign-in$/);
});

test('a passkey signs in on its own; once removed from the account it is refused', async ({ page, context }) => {
  // WebAuthn needs a domain: the same server, reached as localhost (its RP ID in the e2e environment).
  const origin = `http://localhost:${process.env.E2E_PORT ?? '3100'}`;
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });

  await registerFirm(page, origin);
  await page.goto(`${origin}/account/security`);
  await expect(page.getByText('You have no passkeys yet.')).toBeVisible();
  await page.getByLabel('Name of the new passkey').fill('Work laptop');
  await page.getByRole('button', { name: 'Add a passkey' }).click();
  // The first second factor: recovery codes, shown once.
  await expect(page.getByTestId('recovery-codes').getByRole('listitem')).toHaveCount(10);
  await page.getByRole('button', { name: 'I have saved these codes' }).click();
  await expect(page.getByTestId('passkey')).toHaveCount(1);
  await expect(page.getByTestId('passkey')).toContainText('Work laptop');
  await expect(page.getByTestId('passkey')).toContainText('not used yet');
  await signOut(page);

  await page.goto(`${origin}/sign-in`);
  await page.getByRole('button', { name: 'Continue with a passkey' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  await page.goto(`${origin}/account/security`);
  await expect(page.getByTestId('passkey')).toContainText('last used');
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Remove Work laptop' }).click();
  await expect(page.getByText('You have no passkeys yet.')).toBeVisible();
  await signOut(page);

  // The authenticator still holds the credential and offers it; the server no longer knows it.
  await page.goto(`${origin}/sign-in`);
  await page.getByRole('button', { name: 'Continue with a passkey' }).click();
  await expect(page.getByText('This passkey was not accepted. It may have been removed from your account.')).toBeVisible();
  await page.goto(`${origin}/dashboard`);
  await expect(page).toHaveURL(/\/sign-in$/);
});
