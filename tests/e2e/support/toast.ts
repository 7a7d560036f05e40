import type { Locator, Page } from '@playwright/test';

/**
 * The toast that reports an action's result (components/ui/toaster.tsx). Toasts live in one region outside the
 * form that caused them; the newest one with the text is the action just run.
 */
export function toast(page: Page, text: string | RegExp): Locator {
  return page.getByRole('region', { name: /^(Notifications|Meldingen)\b/ }).getByText(text).last();
}
