import { expect, type Page } from '@playwright/test';

// The workspace header, as a person uses it at a desktop width: the daily pages are links, the firm's management
// pages sit under "More", the person's own pages and sign-out in their account menu.

const MORE = ['Legal aid', 'Import', 'Members', 'Audit log', 'Outbox', 'Firm', 'Services'];
const ACCOUNT = ['Reminders', 'Calendar', 'Security', 'Sessions'];

export const accountMenu = (page: Page) => page.getByRole('banner').getByRole('button', { name: /Account menu$/ });
export const moreMenu = (page: Page) => page.getByRole('navigation', { name: 'Workspace navigation' }).getByRole('button', { name: 'More' });

/** Opens a header page by its English label, through the menu it lives in. */
export async function openFromHeader(page: Page, name: string) {
  if (ACCOUNT.includes(name)) await accountMenu(page).click();
  else if (MORE.includes(name)) await moreMenu(page).click();
  else return page.getByRole('navigation', { name: 'Workspace navigation' }).getByRole('link', { name, exact: true }).click();
  await page.getByRole('menuitem', { name, exact: true }).click();
}

/** The header's entries the person sees under "More" (opens and closes the menu). */
export async function moreMenuItems(page: Page): Promise<string[]> {
  await moreMenu(page).click();
  const items = await page.getByRole('menu').getByRole('menuitem').allInnerTexts();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
  return items;
}

export async function signOutOfWorkspace(page: Page) {
  await accountMenu(page).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
}
