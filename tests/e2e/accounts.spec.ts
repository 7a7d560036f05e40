import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../../prisma/seed/demo-people';
import { firstLink, waitForEmail } from './support/mailbox';
import { moreMenuItems, openFromHeader, signOutOfWorkspace } from './support/shell';

test.use({ locale: 'en-US' });

const ADMIN = 'admin@peeters.example';

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The code an authenticator app shows `steps` half-minutes from now (the app accepts one step either side). */
function codeFor(manualKey: string, steps = 0): string {
  return generateHOTP(decodeBase32IgnorePadding(manualKey.replace(/\s/g, '')), BigInt(Math.floor(Date.now() / 30_000) + steps), 6);
}

test('an admin invites an advisor, who joins by the emailed link and signs in with password and TOTP', async ({ page }) => {
  const advisor = `new.advisor.${Date.now()}@peeters.example`;
  const password = 'correct horse battery staple';

  await signIn(page, ADMIN, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();

  await openFromHeader(page, 'Members');
  const invite = page.getByRole('region', { name: 'Invite a colleague' });
  await invite.getByLabel('Email address').fill(advisor);
  await invite.getByLabel('Role').selectOption('ADVISOR');
  await invite.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText('Invitation sent.')).toBeVisible();
  await signOutOfWorkspace(page);
  await expect(page).toHaveURL(/\/sign-in$/);

  const email = await waitForEmail(advisor, /invited you to join Peeters & Janssens Advocaten/);
  await page.goto(firstLink(email, '/invitations/'));
  await expect(page.getByText('You are invited to join Peeters & Janssens Advocaten as Advisor.')).toBeVisible();
  await page.getByLabel('Your name').fill('Lotte Vermeulen');
  await page.getByLabel('Choose a password').fill(password);
  await page.getByRole('button', { name: 'Accept the invitation' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByText('Lotte Vermeulen')).toBeVisible();

  // The link works once.
  await page.goto(firstLink(email, '/invitations/'));
  await expect(page.getByText('This invitation has expired, was already used or was withdrawn.')).toBeVisible();

  await page.goto('/account/security');
  const key = (await page.getByTestId('totp-key').textContent())!;
  await page.getByLabel('6-digit code').fill('000000');
  await page.getByRole('button', { name: 'Turn on' }).click();
  await expect(page.getByText('That code is not correct.')).toBeVisible();
  await page.getByLabel('6-digit code').fill(codeFor(key));
  await page.getByRole('button', { name: 'Turn on' }).click();
  // The first second factor comes with recovery codes, shown this once.
  await expect(page.getByTestId('recovery-codes').getByRole('listitem')).toHaveCount(10);
  await page.getByRole('button', { name: 'I have saved these codes' }).click();
  await expect(page.getByText('Two-factor authentication is on.')).toBeVisible();
  await signOutOfWorkspace(page);

  await signIn(page, advisor, password);
  await expect(page.getByLabel('Authentication code')).toBeVisible();
  // A code works once: the one that turned two-factor on is spent, so the app's next one signs in.
  await page.getByLabel('Authentication code').fill(codeFor(key, 1));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  // An advisor does not manage members or read the audit log.
  const more = await moreMenuItems(page);
  expect(more).toContain('Members');
  expect(more).not.toContain('Audit log');
});

test('a wrong password gets a message that reveals nothing, and the audit log shows the attempt', async ({ page }) => {
  await signIn(page, 'nobody@peeters.example', 'wrong password 123');
  await expect(page.getByText('The email address or password is not correct.')).toBeVisible();
  await signIn(page, ADMIN, 'wrong password 123');
  await expect(page.getByText('The email address or password is not correct.')).toBeVisible();

  await signIn(page, ADMIN, DEMO_PASSWORD);
  await openFromHeader(page, 'Audit log');
  await page.getByLabel('Action').selectOption('auth.sign_in_failed');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page.getByRole('cell', { name: 'auth.sign_in_failed' }).first()).toBeVisible();
});

test('a client signs in to the portal by the emailed link, once', async ({ page }) => {
  await page.goto('/portal/sign-in');
  await page.getByLabel('Email address').fill('portal@peeters.example');
  await page.getByRole('button', { name: 'Send me a sign-in link' }).click();
  await expect(page.getByText('If this address is known to us, a sign-in link is on its way.')).toBeVisible();

  // The email is in the client's own language (Dutch for this client).
  const email = await waitForEmail('portal@peeters.example', /aanmeldlink/i);
  const link = firstLink(email, '/portal/sign-in/verify');
  await page.goto(link);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/portal$/);
  // The portal, too, opens in the client's language, whatever the browser asks for.
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Welkom');

  await page.getByRole('button', { name: 'Afmelden' }).click();
  // The browser keeps that language after signing out.
  await page.goto(link);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(page.getByText('Deze aanmeldlink is verlopen of werd al gebruikt.')).toBeVisible();
});
