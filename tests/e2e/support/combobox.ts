import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Picks an option from a searchable choice (components/ui/combobox.tsx) as a keyboard user would: open it, type
 * part of the name, pick the option. `scope` is where the labelled trigger is; the list opens in a popover.
 */
export async function chooseOption(page: Page, label: string | RegExp, search: string, option: string | RegExp = search, scope: Page | Locator = page) {
  const trigger = scope.getByRole('combobox', { name: label, exact: typeof label === 'string' });
  await trigger.click();
  const list = page.getByRole('listbox');
  await expect(list).toBeVisible();
  await page.keyboard.type(search);
  await list.getByRole('option', { name: option }).first().click();
  await expect(list).toHaveCount(0);
}
