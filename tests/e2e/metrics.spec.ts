import { randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { seriesValue } from '../support/prometheus-text';
import { E2E_METRICS_TOKEN } from './support/metrics-token';

// /api/metrics on the built server, started with the image's preloads: the request histogram (counted by the
// preload, outside Next) and the sign-in failures (counted inside Next's bundle) come out of one registry.

test.use({ locale: 'en-US' });

async function scrape(request: APIRequestContext): Promise<string> {
  const response = await request.get('/api/metrics', { headers: { Authorization: `Bearer ${E2E_METRICS_TOKEN}` } });
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('text/plain; version=0.0.4');
  return response.text();
}

const value = (text: string, name: string, labels: Record<string, string>) => seriesValue(text, name, labels) ?? 0;

test('refuses a scrape without the token, or with a wrong one', async ({ request }) => {
  expect((await request.get('/api/metrics')).status()).toBe(401);
  const wrong = await request.get('/api/metrics', { headers: { Authorization: `Bearer ${E2E_METRICS_TOKEN}x` } });
  expect(wrong.status()).toBe(401);
  expect(wrong.headers()['www-authenticate']).toContain('Bearer');
});

test('counts the pages loaded by their route pattern, and failed sign-ins', async ({ page, request }) => {
  const before = await scrape(request);
  await page.goto('/status');
  await expect(page.getByRole('heading', { name: 'System status' })).toBeVisible();
  // A dynamic route: the token in the path is folded into the pattern, never a label of its own.
  const token = randomUUID();
  expect((await request.get(`/api/calendar/${token}`)).status()).toBe(404);

  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(`nobody-${token.slice(0, 8)}@example.com`);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('The email address or password is not correct.')).toBeVisible();

  const after = await scrape(request);
  const count = (text: string, labels: Record<string, string>) => value(text, 'sejour_http_request_duration_seconds_count', labels);
  // At least: the navigation's links prefetch the page too, and those are requests for it as well.
  expect(count(after, { method: 'GET', route: '/status', status: '200' })).toBeGreaterThanOrEqual(count(before, { method: 'GET', route: '/status', status: '200' }) + 1);
  expect(count(after, { method: 'GET', route: '/api/calendar/[token]', status: '404' })).toBeGreaterThanOrEqual(1);
  expect(after).not.toContain(token);
  expect(count(after, { route: '/_next/static', status: '200' })).toBeGreaterThan(0);
  expect(value(after, 'sejour_sign_in_failures_total', { reason: 'password' })).toBe(value(before, 'sejour_sign_in_failures_total', { reason: 'password' }) + 1);
  // The database side of the scrape answered too.
  expect(value(after, 'sejour_database_up', {})).toBe(1);
});
