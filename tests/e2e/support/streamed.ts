import { expect, type Page } from '@playwright/test';

/**
 * Waits until the page has streamed in. Pages with a `loading.tsx` first show a skeleton (a region marked
 * `aria-busy="true"`, components/states/page-skeleton.tsx) and swap the page in after the load event, so a check
 * that does not wait on its own (`isVisible()`, `count()`, reading `innerText`) must wait for this first.
 */
export async function untilStreamed(page: Page): Promise<void> {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}
