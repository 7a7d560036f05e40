import { expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../../../prisma/seed/demo-people';

/** Signs a seeded staff member in with the demo password and waits for their dashboard. */
export async function signInStaff(page: Page, email: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}
