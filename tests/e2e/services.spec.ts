import { expect, test, type Locator, type Page } from '@playwright/test';
import { brusselsDate } from '../../lib/dates';
import { ruleLabel } from '../../lib/rules/labels';
import { expectNoSeriousA11yViolations } from './support/axe';
import { firstLink, waitForEmail } from './support/mailbox';
import { signInStaff } from './support/sign-in';
import { chooseOption } from './support/combobox';
import { openFromHeader } from './support/shell';
import { toast } from './support/toast';

// The firm's service catalogue from the admin's settings to the public page's price table and a client's portal.
test.use({ locale: 'en-US' });

async function addService(page: Page, fields: { name: string; nl: string; description: string; from: string; to: string; kind: 'Fixed fee' | 'Hourly rate'; fee: string; procedure: string }) {
  const form: Locator = page.getByRole('form', { name: 'Add a service' });
  await form.getByLabel('Name (English)').fill(fields.name);
  await form.getByLabel('Name (Nederlands)').fill(fields.nl);
  await form.getByLabel('Description (English)').fill(fields.description);
  await form.getByLabel('Typical time, from (days)').fill(fields.from);
  await form.getByLabel('to (days)').fill(fields.to);
  await form.getByLabel('Fee kind').selectOption({ label: fields.kind });
  await form.getByLabel('Fee excluding VAT (EUR)').fill(fields.fee);
  await form.getByLabel(ruleLabel('en', `procedure.${fields.procedure}` as Parameters<typeof ruleLabel>[1]), { exact: true }).check();
  await form.getByRole('button', { name: 'Add service' }).click();
  await expect(toast(page, 'Service added.')).toBeVisible();
}

test('an admin lists two services; the public page shows them with timelines and costs; an advisor bills a case from them; its client sees the service, its timeline and the fee note', async ({ page: admin, browser }) => {
  const stamp = Date.now().toString(36);
  const registration = `Commune file ${stamp}`;
  const permit = `Work permit file ${stamp}`;

  await signInStaff(admin, 'admin@peeters.example');
  await openFromHeader(admin, 'Services');
  await expect(admin).toHaveURL(/\/settings\/services$/);
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Services and fees');
  await addService(admin, { name: registration, nl: `Gemeentedossier ${stamp}`, description: 'Everything for the commune.', from: '28', to: '56', kind: 'Fixed fee', fee: '500', procedure: 'REGISTRATION_NON_EU' });
  await addService(admin, { name: permit, nl: `Werkvergunning ${stamp}`, description: 'The single permit, start to end.', from: '10', to: '', kind: 'Hourly rate', fee: '100,00', procedure: 'SINGLE_PERMIT' });

  // A slip is refused in words, and nothing is added.
  const form = admin.getByRole('form', { name: 'Add a service' });
  await form.getByLabel('Name (English)').fill(`Broken ${stamp}`);
  await form.getByLabel('Typical time, from (days)').fill('30');
  await form.getByLabel('to (days)').fill('10');
  await form.getByLabel('Fee excluding VAT (EUR)').fill('10');
  await form.getByRole('button', { name: 'Add service' }).click();
  await expect(form.getByText('The shortest time cannot be longer than the longest.')).toBeVisible();

  const rows = admin.getByTestId('service-row');
  const registrationRow = rows.filter({ hasText: registration });
  await expect(registrationRow).toContainText('4–8 weeks');
  await expect(registrationRow).toContainText('€500.00 excl. VAT · €605.00 incl. VAT (21 % VAT)');
  const permitRow = rows.filter({ hasText: permit });
  await expect(permitRow).toContainText('about 10 days');
  await expect(permitRow).toContainText('€100.00 excl. VAT per hour · €121.00 incl. VAT (21 % VAT) per hour');
  await expect(rows.filter({ hasText: `Broken ${stamp}` })).toHaveCount(0);
  await expectNoSeriousA11yViolations(admin);

  // The public page: the firm's table instead of the generic words, in the page's language (Dutch names here).
  const visitor = await (await browser.newContext({ locale: 'en-US' })).newPage();
  await visitor.goto('/f/peeters-advocaten?lang=en');
  const table = visitor.getByRole('table', { name: /Our services/ });
  await expect(table.getByRole('row', { name: new RegExp(registration) })).toContainText('4–8 weeks');
  await expect(table.getByRole('row', { name: new RegExp(registration) })).toContainText('€605.00');
  await expect(table.getByRole('row', { name: new RegExp(permit) })).toContainText('about 10 days');
  await expect(table.getByRole('row', { name: new RegExp(permit) })).toContainText('€121.00 per hour');
  await expect(visitor.getByText('A consultation with a lawyer, at the office, by phone or by video call.')).toHaveCount(0);
  await visitor.goto('/f/peeters-advocaten?lang=nl');
  await expect(visitor.getByRole('table').getByRole('row', { name: new RegExp(`Gemeentedossier ${stamp}`) })).toContainText('4–8 weken');
  await expect(visitor.getByRole('table')).toContainText('121,00 per uur');

  // A client with a registration case sees the registration service for their case, not the permit.
  const lastName = `Services${stamp}`;
  const clientEmail = `${lastName.toLowerCase()}@client.example`;
  await admin.goto('/clients/new');
  await admin.getByLabel('First name').fill('Sara');
  await admin.getByLabel('Last name').fill(lastName);
  await chooseOption(admin, 'Nationality', 'Morocco');
  await admin.getByLabel('Language for portal and emails').selectOption('en');
  await admin.getByLabel('Email address').fill(clientEmail);
  await admin.getByRole('button', { name: 'Create client' }).click();
  await admin.getByRole('button', { name: 'Invite to the portal' }).click();
  await expect(admin.getByText('The client received a portal link by email.')).toBeVisible();
  await admin.getByRole('link', { name: 'New case' }).click();
  await admin.getByLabel('Procedure').selectOption('REGISTRATION_NON_EU');
  await admin.getByLabel('Arrival in Belgium').fill(brusselsDate());
  await admin.getByRole('button', { name: 'Open the case' }).click();
  await expect(admin.getByTestId('case-stage')).toHaveText('Intake');
  const caseUrl = admin.url();

  // An advisor bills the case from the catalogue: 45 minutes of the hourly service and the fixed fee, their names,
  // rates and VAT taken from the services, then a fee note for both.
  const advisor = await (await browser.newContext({ locale: 'en-US' })).newPage();
  await signInStaff(advisor, 'advisor1@peeters.example');
  await advisor.goto(caseUrl);
  const billing = advisor.getByRole('region', { name: 'Time and fees' });
  await billing.getByRole('button', { name: 'Record time' }).click();
  const timeForm = advisor.getByRole('dialog', { name: 'Record time' });
  await timeForm.getByLabel('Service from the catalogue').selectOption({ label: `${permit} · €100.00` });
  await timeForm.getByLabel('Minutes').fill('45');
  await timeForm.getByRole('button', { name: 'Record time' }).click();
  await expect(toast(advisor, 'Time recorded.')).toBeVisible();
  await expect(timeForm).toBeHidden();
  await billing.getByRole('button', { name: 'Add a fixed fee' }).click();
  const feeForm = advisor.getByRole('dialog', { name: 'Add a fixed fee' });
  await feeForm.getByLabel('Service from the catalogue').selectOption({ label: `${registration} · €500.00` });
  await feeForm.getByRole('button', { name: 'Add a fixed fee' }).click();
  await expect(toast(advisor, 'Fee added.')).toBeVisible();
  await expect(feeForm).toBeHidden();
  await expect(billing.getByRole('list', { name: 'Unbilled time' })).toContainText(`45 min · ${permit} · €75.00`);
  await expect(billing.getByRole('list', { name: 'Unbilled fixed fees' })).toContainText(`1 × ${registration} · €500.00`);
  await expect(billing.getByTestId('unbilled-total')).toHaveText('Unbilled total excl. VAT: €575.00 (0.75 h)');
  await billing.getByRole('button', { name: 'Issue a fee note' }).click();
  const issueForm = advisor.getByRole('dialog', { name: 'Issue a fee note' });
  await expect(issueForm.getByRole('checkbox', { name: `${permit} · €75.00` })).toBeChecked();
  await expect(issueForm.getByRole('checkbox', { name: `${registration} · €500.00` })).toBeChecked();
  await issueForm.getByRole('button', { name: 'Issue fee note' }).click();
  // 575.00 + 21 % VAT (120.75).
  const issued = billing.getByTestId('fee-note').filter({ hasText: '€695.75' });
  await expect(issued).toContainText('Issued');
  const number = (await issued.innerText()).match(/\d{4}\/\d{4}/)?.[0] ?? '';
  expect(number).not.toBe('');
  await expect(billing.getByText('Nothing unbilled on this case.')).toBeVisible();

  const client = await (await browser.newContext({ locale: 'en-US' })).newPage();
  const invitation = await waitForEmail(clientEmail, /invited you to your client portal/);
  await client.goto(firstLink(invitation, '/portal/sign-in/verify'));
  await client.getByRole('button', { name: 'Sign in' }).click();
  await expect(client).toHaveURL(/\/portal$/);
  await client.getByTestId('portal-case').locator('a[href^="/portal/cases/"]').click();
  const services = client.getByRole('region', { name: 'Services for your case' });
  await expect(services.getByRole('heading', { name: registration })).toBeVisible();
  await expect(services).toContainText('Usually takes: 4–8 weeks');
  await expect(services).toContainText('Cost: €605.00 incl. VAT');
  await expect(services.getByRole('heading', { name: permit })).toHaveCount(0);
  // The fee note, with the total the advisor issued.
  const notes = client.getByRole('region', { name: 'Fee notes' });
  await expect(notes.getByTestId('portal-fee-note')).toHaveCount(1);
  await expect(notes.getByTestId('portal-fee-note')).toContainText(`${number} ·`);
  await expect(notes.getByTestId('portal-fee-note')).toContainText('€695.75 · Issued');
  await expect(notes.getByRole('link', { name: `Download PDF ${number}` })).toHaveAttribute('href', /^\/api\/portal\/fee-notes\//);
  await expectNoSeriousA11yViolations(client);
});
