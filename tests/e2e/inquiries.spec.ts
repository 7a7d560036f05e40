import { expect, test } from '@playwright/test';
import { formatDateLong } from '../../lib/format/dates';
import { brusselsDate } from '../../lib/dates';
import { addDays } from '../../lib/rules/plain-date';
import { appealDueFromNotification, daysLeft } from '../../lib/rules/inquiry-appeal';
import { expectNoSeriousA11yViolations } from './support/axe';
import { seedInquiry } from './support/inquiries';
import { signInStaff } from './support/sign-in';
import { chooseOption } from './support/combobox';

test.use({ locale: 'en-US' });

// Staff work an inquiry from the public page: the list puts an appeal about to run out on top, the page shows what
// the person wrote as text, the conflict check is run, and the inquiry becomes a client with a refusal case whose
// appeal deadline is computed. Past a possible conflict, only the admin converts, and says why.

test('an advisor checks an urgent refusal inquiry for conflicts and converts it into a client and a case', async ({ page: advisor }) => {
  const tag = `Inq${Date.now().toString(36)}`;
  const notifiedOn = addDays(brusselsDate(), -25);
  const dueOn = appealDueFromNotification(notifiedOn);
  const left = daysLeft(dueOn, brusselsDate());
  const urgent = await seedInquiry('peeters-advocaten', {
    firstName: 'Amal', lastName: `Urgent${tag}`, email: `urgent-${tag.toLowerCase()}@people.example`, topic: 'REFUSAL',
    question: 'They refused my card.\nWhat can I do?\n<b>not bold</b>', refusalNotifiedOn: notifiedOn,
    letter: { fileName: 'bijlage-20.pdf', bytes: Buffer.from(`%PDF-1.4\n% ${tag}\n`) },
  });
  // Newer, but with no deadline: below the urgent one.
  await seedInquiry('peeters-advocaten', { firstName: 'Bo', lastName: `Later${tag}`, email: `later-${tag.toLowerCase()}@people.example`, topic: 'WORK', question: 'A work permit?' });

  await signInStaff(advisor, 'advisor1@peeters.example');
  await advisor.getByRole('link', { name: 'Inquiries' }).first().click();
  await expect(advisor).toHaveURL(/\/inquiries$/);
  const names = advisor.getByRole('rowheader');
  await expect(names.filter({ hasText: tag })).toHaveText([`Urgent${tag}, Amal`, `Later${tag}, Bo`]);
  const row = advisor.getByRole('row', { name: new RegExp(`Urgent${tag}`) });
  await expect(row.getByTestId('appeal-badge')).toHaveText(`${left} days left`);
  await expectNoSeriousA11yViolations(advisor);

  await row.getByRole('link', { name: `Urgent${tag}, Amal` }).click();
  await expect(advisor.getByRole('heading', { level: 1 })).toHaveText(`Urgent${tag}, Amal`);
  // What the person typed, as text: the line breaks kept, the markup shown, not applied.
  await expect(advisor.getByTestId('inquiry-question')).toHaveText('They refused my card.\nWhat can I do?\n<b>not bold</b>');
  await expect(advisor.getByTestId('inquiry-question').locator('b')).toHaveCount(0);
  const letter = advisor.waitForEvent('download');
  await advisor.getByRole('link', { name: 'Download bijlage-20.pdf' }).click();
  expect((await letter).suggestedFilename()).toBe('bijlage-20.pdf');

  const conflict = advisor.getByRole('region', { name: 'Conflict check' });
  await expect(conflict).toContainText('Not checked yet.');
  await conflict.getByRole('button', { name: 'Run the conflict check' }).click();
  await expect(conflict.getByTestId('conflict-result')).toContainText('No match: clear.');
  await expect(conflict).toContainText('Checked by Jan Janssens');

  const convert = advisor.getByRole('form', { name: 'Convert into a client' });
  await expect(convert.getByRole('combobox', { name: 'Nationality' })).toHaveText(/^Morocco/);
  // They wrote in German: the client's language starts as English, the one of the app's closest to hand.
  await expect(convert.getByLabel("Client's language")).toHaveValue('en');
  await expect(convert.getByLabel('Procedure')).toHaveValue('APPEAL_RVV');
  await expectNoSeriousA11yViolations(advisor);
  await convert.getByRole('button', { name: 'Convert' }).click();
  await expect(advisor.getByText(/Converted into client \d{4}-\d{4}\./)).toBeVisible();
  await advisor.getByRole('link', { name: 'Open the case' }).click();
  await expect(advisor.getByTestId('case-stage')).toHaveText('Refused');
  await expect(advisor.getByTestId('deadline-APPEAL').getByTestId('due')).toHaveText(formatDateLong('en', dueOn));
  await expect(advisor.getByRole('region', { name: 'Documents' })).toContainText('bijlage-20');

  // The inquiry now says what it became, and the open list no longer shows it.
  await advisor.goto(`/inquiries/${urgent.id}`);
  await expect(advisor.getByTestId('inquiry-status')).toHaveText('Converted');
  await advisor.goto('/inquiries');
  await expect(advisor.getByRole('rowheader').filter({ hasText: tag })).toHaveText([`Later${tag}, Bo`]);
});

test('past a possible conflict the advisor is refused and the admin converts with a reason', async ({ page: advisor, browser }) => {
  const tag = `Conf${Date.now().toString(36)}`;
  // The firm acts for a client whose case names Karim as the other side; Karim writes in.
  await signInStaff(advisor, 'advisor1@peeters.example');
  await advisor.goto('/clients/new');
  await advisor.getByLabel('First name').fill('Sara');
  await advisor.getByLabel('Last name').fill(`Client${tag}`);
  await chooseOption(advisor, 'Nationality', 'Belgium');
  await advisor.getByRole('button', { name: 'Create client' }).click();
  await advisor.getByRole('link', { name: /new case/i }).first().click();
  await advisor.getByLabel('Procedure').selectOption('FAMILY_REUNIFICATION');
  await advisor.getByRole('button', { name: 'Open the case' }).click();
  await expect(advisor).toHaveURL(/\/cases\/[^/]+$/);
  const parties = advisor.getByRole('region', { name: 'Other parties' });
  const add = parties.getByRole('form', { name: 'Add other party' });
  await add.getByLabel("Other party's name").fill(`Karim Opponent${tag}`);
  await add.getByLabel('Role in the case').selectOption('FORMER_PARTNER');
  await add.getByRole('button', { name: 'Add other party' }).click();
  await expect(parties.getByRole('list', { name: 'Other parties' })).toContainText(`Karim Opponent${tag} · Former partner`);

  const inquiry = await seedInquiry('peeters-advocaten', { firstName: `opponent${tag}`, lastName: 'KARIM', email: `karim-${tag.toLowerCase()}@people.example`, topic: 'FAMILY_REUNIFICATION', question: 'My ex-wife…' });
  await advisor.goto(`/inquiries/${inquiry.id}`);
  const conflict = advisor.getByRole('region', { name: 'Conflict check' });
  await conflict.getByRole('button', { name: 'Run the conflict check' }).click();
  await expect(conflict.getByTestId('conflict-result')).toContainText('Possible conflict');
  await expect(conflict.getByTestId('conflict-result')).toContainText(`Karim Opponent${tag} (Former partner)`);
  const convert = advisor.getByRole('form', { name: 'Convert into a client' });
  await convert.getByLabel('Why converting is right despite the matches').fill('I know them');
  await convert.getByRole('button', { name: 'Convert' }).click();
  await expect(convert.getByRole('alert')).toHaveText('Only an admin can convert an inquiry past a possible conflict.');

  const admin = await (await browser.newContext({ locale: 'en-US' })).newPage();
  await signInStaff(admin, 'admin@peeters.example');
  await admin.goto(`/inquiries/${inquiry.id}`);
  const adminForm = admin.getByRole('form', { name: 'Convert into a client' });
  await adminForm.getByRole('button', { name: 'Convert' }).click();
  await expect(adminForm.getByText('Say why converting is right despite the possible conflict.')).toBeVisible();
  await adminForm.getByLabel('Why converting is right despite the matches').fill('Different matter: his own registration, agreed with the partner.');
  await adminForm.getByRole('button', { name: 'Convert' }).click();
  await expect(admin.getByText(/Converted into client \d{4}-\d{4}\./)).toBeVisible();
});
