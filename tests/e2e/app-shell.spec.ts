import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';

test.describe('app shell', () => {
  test.use({ locale: 'en-US' });

  test('home page explains Sejour and switches between English, Dutch and French', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Every residence file, every legal deadline, in one place');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    await page.getByLabel('Language').selectOption('nl');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Elk verblijfsdossier, elke wettelijke termijn, op één plek');
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
    await expect(page.getByRole('link', { name: 'Aanmelden', exact: true })).toBeVisible();

    // The choice is remembered across visits.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Elk verblijfsdossier, elke wettelijke termijn, op één plek');

    await page.getByLabel('Taal').selectOption('fr');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Chaque dossier de séjour, chaque délai légal, au même endroit');
    await expect(page.getByText('Conseil du Contentieux des Étrangers')).toBeVisible();
  });

  test('the sign-in page is reachable from the navigation', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('navigation').getByRole('link', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expect(page.getByLabel('Email address')).toBeEditable();
    await expect(page.getByRole('link', { name: 'Are you a client? Get a sign-in link by email' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test('the status page shows the database, the migrations, a live worker, the outbox and the last backup', async ({ page }) => {
    await page.goto('/status');
    const status = page.getByRole('definition');
    await expect(status.nth(0)).toHaveText('OK');
    await expect(status.nth(1)).toHaveText('Up to date');
    await expect(status.nth(2)).toContainText('Last heartbeat');
    await expect(page.getByRole('term')).toHaveText(['Database', 'Migrations', 'Background worker', 'Email outbox', 'Last backup']);
    await expect(status.nth(3)).toHaveText(/^(Nothing waiting|\d+ messages? waiting)$/);
    await expectNoSeriousA11yViolations(page);
  });

  test('the home page has no serious accessibility violations', async ({ page }) => {
    await page.goto('/');
    await expectNoSeriousA11yViolations(page);
  });

  test('an unknown page answers 404 with a way back', async ({ page }) => {
    const response = await page.goto('/no-such-page');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  });
});

test.describe('for a French-speaking browser', () => {
  test.use({ locale: 'fr-BE' });

  test('the first visit is in French', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Chaque dossier de séjour, chaque délai légal, au même endroit');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  });
});

test('pages carry the security headers: a nonce-based CSP that forbids framing, nosniff and a referrer policy', async ({ request }) => {
  const response = await request.get('/sign-in');
  const headers = response.headers();
  expect(headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['x-frame-options']).toBe('DENY');
});

test('the health endpoint answers for load balancers', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(response.headers()['cache-control']).toBe('no-store');
  const body = await response.json();
  expect(body).toMatchObject({ ok: true, database: { ok: true }, migrations: { ok: true, pending: [] } });
});
