import { expect, test } from '@playwright/test';
import { withDatabase } from './support/e2e-world';
import { signInStaff } from './support/sign-in';

// The kit's dialog and collapsible as a keyboard user meets them on a case: a step's dialog opens from its button,
// keeps focus inside, shows a refusal beside what was typed without closing, and Escape or Cancel leave everything
// as it was, focus back on the button. Nothing is recorded here, so the case stays as the other specs left it.

test.use({ locale: 'en-US' });

test('a step’s dialog keeps focus, shows a refusal inside, and Escape or Cancel record nothing', async ({ page }) => {
  // A case of the demo firm with nothing billed or unbilled, and with documents on its checklist.
  const caseId = await withDatabase(async (db) => (await db.query<{ id: string }>(
    `SELECT c.id FROM "Case" c JOIN "Firm" f ON f.id = c."firmId"
      WHERE f.slug = 'peeters-advocaten' AND c."deletedAt" IS NULL
        AND NOT EXISTS (SELECT 1 FROM "TimeEntry" t WHERE t."caseId" = c.id) AND NOT EXISTS (SELECT 1 FROM "FeeItem" i WHERE i."caseId" = c.id)
        AND EXISTS (SELECT 1 FROM "ChecklistItem" k WHERE k."caseId" = c.id)
      ORDER BY c."createdAt" LIMIT 1`,
  )).rows[0]!.id);
  await signInStaff(page, 'advisor1@peeters.example');
  await page.goto(`/cases/${caseId}`);
  const section = page.getByRole('region', { name: 'Time and fees' });
  await expect(section.getByText('Nothing unbilled on this case.')).toBeVisible();

  // Opened from the keyboard, the dialog takes focus, and Tab never leaves it.
  const trigger = section.getByRole('button', { name: 'Record time' });
  await trigger.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Record time' });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator(':focus')).toHaveCount(1);
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    await expect(dialog.locator(':focus')).toHaveCount(1);
  }

  // A refused save: the message in the dialog, in words, and what was typed still there.
  await dialog.getByLabel('Minutes').fill('45');
  await dialog.getByLabel('Description').fill('Call with the commune');
  await dialog.getByLabel('Hourly rate excl. VAT (€)').fill('a lot');
  await dialog.getByRole('button', { name: 'Record time' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Enter an amount in euros, e.g. 120 or 120.50.');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Description')).toHaveValue('Call with the commune');
  await expect(dialog.getByLabel('Minutes')).toHaveValue('45');

  // Escape closes it, nothing recorded, focus back on the button that opened it.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(trigger).toBeFocused();
  await expect(section.getByText('Nothing unbilled on this case.')).toBeVisible();

  // Opened again, it starts empty; Cancel closes it the same way.
  await trigger.click();
  await expect(dialog.getByLabel('Description')).toHaveValue('');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await dialog.getByLabel('Minutes').fill('30');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(trigger).toBeFocused();
  await page.reload();
  await expect(section.getByText('Nothing unbilled on this case.')).toBeVisible();

  // A collapsible says whether it is open, and shows its content only then.
  const more = page.getByRole('button', { name: 'Details, reuse, remove' }).first();
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await more.press('Enter');
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  const panel = page.locator(`#${await more.getAttribute('aria-controls')}`);
  await expect(panel).toBeVisible();
  await more.press('Enter');
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await expect(panel).toBeHidden();
});
