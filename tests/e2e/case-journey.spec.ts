import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { signInStaff } from './support/sign-in';
import { chooseOption } from './support/combobox';
import { openFromHeader } from './support/shell';

test.use({ locale: 'en-US' });

async function move(page: Page, step: string, fields: Record<string, string>, expectRefusal = false) {
  const moves = page.getByRole('region', { name: 'Next steps' });
  await moves.getByRole('button', { name: step, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: step });
  const form = dialog.locator('form');
  for (const [label, value] of Object.entries(fields)) {
    const field = form.getByLabel(new RegExp(`^${label.replace(/[/().]/g, '\\$&')}( \\*)?$`));
    if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
    else await field.fill(value);
  }
  await form.getByRole('button', { name: step }).click();
  if (!expectRefusal) await expect(dialog).toHaveCount(0);
}

function due(page: Page, kind: string) {
  return page.getByTestId(`deadline-${kind}`).getByTestId('due');
}

test('an advisor creates a client and a case and moves it from registration to appeal, with the right dates at each step', async ({ page }) => {
  const lastName = `Journey${Date.now()}`;
  await signInStaff(page, 'advisor1@peeters.example');

  await openFromHeader(page, 'Clients');
  await page.getByRole('link', { name: 'New client' }).click();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel('First name').fill('Youssef');
  await page.getByLabel('Last name').fill(lastName);
  await page.getByLabel('Date of birth').fill('1990-04-02');
  await chooseOption(page, 'Nationality', 'Morocco');
  await page.getByLabel('Email address').fill(`${lastName.toLowerCase()}@client.example`);
  await page.getByRole('button', { name: 'Create client' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${lastName}, Youssef`);

  await page.getByRole('link', { name: 'New case' }).click();
  await page.getByLabel('Procedure').selectOption('REGISTRATION_NON_EU');
  await page.getByLabel('Arrival in Belgium').fill('2026-01-05');
  await page.getByRole('button', { name: 'Open the case' }).click();
  await expect(page.getByTestId('case-stage')).toHaveText('Intake');

  await expectNoSeriousA11yViolations(page);
  // Registration: 8 working days from Monday 5 January 2026.
  await expect(due(page, 'REGISTRATION')).toHaveText('15 January 2026');

  await move(page, 'File the application', { 'Filed on': '2026-01-12' });
  await expect(page.getByTestId('case-stage')).toHaveText('Application filed');
  await expect(page.getByTestId('deadline-REGISTRATION')).toContainText('Done');

  // Card issuance.
  await move(page, 'Record the approval', { 'Notified on': '2026-03-02' });
  await expect(page.getByTestId('case-stage')).toHaveText('Approved');
  await move(page, 'Record the card issued', { 'Card type': 'A', 'Card number': 'B12345678', 'Valid from': '2026-03-10', 'Valid until': '2026-12-31' });
  await expect(page.getByTestId('case-stage')).toHaveText('Card issued');
  await expect(due(page, 'CARD_EXPIRY')).toHaveText('31 December 2026');
  // A card: the window runs from the 45th to the 30th day before expiry (firm default, disputed).
  await expect(due(page, 'RENEWAL_WINDOW')).toHaveText('1 December 2026');
  await expect(page.getByTestId('deadline-RENEWAL_WINDOW')).toContainText('16 November 2026');

  // Renewal.
  await move(page, 'Open the renewal', { 'Opened on': '2026-09-25' });
  await move(page, 'File the renewal', { 'Filed on': '2026-09-28' });
  await expect(page.getByTestId('case-stage')).toHaveText('Renewal filed');
  await expect(page.getByTestId('deadline-RENEWAL_WINDOW')).toContainText('Done');

  // Refusal and appeal: 30 days from 2 October end on Sunday 1 November, All Saints, so Monday 2 November.
  await move(page, 'Record a refusal or withdrawal', { Decision: 'REFUSED', 'Notified on': '2026-10-02', 'Appeal regime': 'ORDINARY' });
  await expect(page.getByTestId('case-stage')).toHaveText('Refused');
  await expect(due(page, 'APPEAL')).toHaveText('2 November 2026');
  await move(page, 'File the appeal with the RvV/CCE', { 'RvV/CCE roll number': 'RvV 301.442', 'Filed on': '2026-10-30' });
  await expect(page.getByTestId('case-stage')).toHaveText('Appeal filed');
  await expect(page.getByTestId('deadline-APPEAL')).toContainText('Done');
  await expect(page.getByText('RvV 301.442')).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // A refused move says why, in words.
  await move(page, 'Record the RvV/CCE judgment', { 'Decided on': '2099-01-01', Result: 'ANNULLED' }, true);
  await expect(page.getByRole('dialog', { name: 'Record the RvV/CCE judgment' }).getByRole('alert')).toContainText('future');
  await expect(page.getByTestId('case-stage')).toHaveText('Appeal filed');
});

test("a second advisor's stale save is refused, and nothing is overwritten", async ({ browser }) => {
  const first = await (await browser.newContext({ locale: 'en-US' })).newPage();
  const second = await (await browser.newContext({ locale: 'en-US' })).newPage();
  await signInStaff(first, 'advisor1@peeters.example');
  await signInStaff(second, 'advisor2@peeters.example');

  await first.goto('/clients');
  await first.getByRole('link').filter({ hasText: ',' }).first().click();
  await first.getByRole('region', { name: 'Cases' }).getByRole('link').first().click();
  await first.waitForURL(/\/cases\/[^/]+$/);
  const caseUrl = first.url();
  await second.goto(caseUrl);

  await first.getByLabel('Commune reference').fill('FIRST-SAVE');
  await first.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(first.getByText('Saved. The deadlines were recomputed.')).toBeVisible();

  await second.getByLabel('Commune reference').fill('SECOND-SAVE');
  await second.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(second.getByText('Someone else saved this case while you were editing.')).toBeVisible();

  await second.goto(caseUrl);
  await expect(second.getByLabel('Commune reference')).toHaveValue('FIRST-SAVE');
});
