import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { signInStaff } from './support/sign-in';

test.use({ locale: 'en-US' });

// DESIGN.md's role table: assistants work cases but delete nothing. The advisor deletes, after being asked once.

test('an assistant adds a note and a task but is offered no delete; the advisor deletes both after confirming', async ({ page }) => {
  const marker = randomBytes(3).toString('hex');
  const noteText = `Called the commune about the lease (${marker})`;
  const taskTitle = `Ask for the lease ${marker}`;

  await signInStaff(page, 'assistant@peeters.example');
  await page.goto('/cases');
  await page.locator('table a[href^="/cases/"]').first().click();
  await expect(page).toHaveURL(/\/cases\/[^/]+$/);
  const caseUrl = page.url();
  await page.getByLabel('Note', { exact: true }).fill(noteText);
  await page.getByRole('button', { name: 'Add note' }).click();
  const note = page.getByRole('listitem').filter({ hasText: noteText });
  await expect(note).toBeVisible();
  await expect(note.getByRole('button', { name: /^Delete/ })).toHaveCount(0);

  const tasks = page.getByRole('region', { name: 'Tasks' });
  await tasks.getByLabel('Task', { exact: true }).fill(taskTitle);
  await tasks.getByLabel('Due date').fill('2030-01-15');
  await tasks.getByRole('button', { name: 'Add the task' }).click();
  const task = tasks.getByRole('listitem').filter({ hasText: taskTitle });
  await expect(task).toBeVisible();
  await expect(task.getByRole('button', { name: /^Delete/ })).toHaveCount(0);

  await page.context().clearCookies();
  await signInStaff(page, 'advisor1@peeters.example');
  await page.goto(caseUrl);
  // The first click only asks, in a dialog that names the note; cancelling keeps it and gives focus back.
  const asking = page.getByRole('alertdialog');
  await note.getByRole('button', { name: /^Delete/ }).click();
  await expect(asking.getByRole('heading', { name: `Delete “${noteText}”? Colleagues will no longer see it.` })).toBeVisible();
  await expect(asking.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectNoSeriousA11yViolations(page);
  await page.keyboard.press('Escape');
  await expect(asking).toHaveCount(0);
  await expect(note.getByRole('button', { name: /^Delete/ })).toBeFocused();
  await note.getByRole('button', { name: /^Delete/ }).click();
  await asking.getByRole('button', { name: 'Cancel' }).click();
  await expect(note).toBeVisible();
  await note.getByRole('button', { name: /^Delete/ }).click();
  await asking.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(asking).toHaveCount(0);
  await expect(page.getByText(noteText)).toHaveCount(0);

  await task.getByRole('button', { name: /^Delete/ }).click();
  await asking.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(tasks.getByText(taskTitle)).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Timeline' }).getByText('Task deleted').first()).toBeVisible();

  await page.reload();
  await expect(page.getByText(noteText)).toHaveCount(0);
});
