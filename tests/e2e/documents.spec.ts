import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { pdf, PNG } from './support/files';
import { firstLink, waitForEmail } from './support/mailbox';
import { signInStaff } from './support/sign-in';
import { chooseOption } from './support/combobox';

test.use({ locale: 'en-US' });

async function createClient(page: Page, { firstName, lastName, email }: { firstName: string; lastName: string; email?: string }) {
  await page.goto('/clients/new');
  await page.getByLabel('First name').fill(firstName);
  await page.getByLabel('Last name').fill(lastName);
  await chooseOption(page, 'Nationality', 'Morocco');
  await page.getByLabel('Language for portal and emails').selectOption('en');
  if (email) await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Create client' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${lastName}, ${firstName}`);
}

const documents = (page: Page) => page.getByRole('region', { name: 'Documents' });
const item = (page: Page, name: RegExp) => documents(page).getByRole('listitem', { name });
const request = (page: Page, name: RegExp) => page.getByRole('region', { name: 'What I must provide' }).getByRole('listitem', { name });
const PASSPORT = /^Passport/;
// A second person needs a context of their own (own cookies); axe needs a page made from a context.
const newPerson = async (browser: Browser) => (await browser.newContext({ locale: 'en-US' })).newPage();
const ACCOMMODATION = /^Proof of accommodation/;

test('the advisor asks for two documents, the client sends them from the portal, one is rejected with a reason, sent again and approved', async ({ page, browser }) => {
  const lastName = `Docs${Date.now()}`;
  const clientEmail = `${lastName.toLowerCase()}@client.example`;

  // The advisor opens a case for a new client and gives the client portal access.
  await signInStaff(page, 'advisor1@peeters.example');
  await createClient(page, { firstName: 'Nadia', lastName, email: clientEmail });
  await page.getByRole('button', { name: 'Invite to the portal' }).click();
  await expect(page.getByText('The client received a portal link by email.')).toBeVisible();
  await page.getByRole('link', { name: 'New case' }).click();
  await page.getByLabel('Procedure').selectOption('REGISTRATION_NON_EU');
  await page.getByRole('button', { name: 'Open the case' }).click();
  await expect(page.getByTestId('case-stage')).toHaveText('Intake');
  const caseUrl = page.url();

  // The procedure's list is there; the advisor asks for two of its documents.
  await expect(item(page, PASSPORT).getByTestId('item-status')).toHaveText('Not requested');
  await item(page, PASSPORT).getByRole('checkbox').check();
  await item(page, ACCOMMODATION).getByRole('checkbox').check();
  await documents(page).getByRole('button', { name: 'Ask the client for the selected documents' }).click();
  await expect(item(page, PASSPORT).getByTestId('item-status')).toHaveText('Requested');
  await expect(item(page, ACCOMMODATION).getByTestId('item-status')).toHaveText('Requested');
  await expect(item(page, /^The right visa/).getByTestId('item-status')).toHaveText('Not requested');
  await expectNoSeriousA11yViolations(page);

  // The client signs in from the invitation and sees exactly the two requests.
  const client = await newPerson(browser);
  const invitation = await waitForEmail(clientEmail, /invited you to your client portal/);
  await client.goto(firstLink(invitation, '/portal/sign-in/verify'));
  await client.getByRole('button', { name: 'Sign in' }).click();
  await expect(client).toHaveURL(/\/portal$/);
  const provide = client.getByRole('region', { name: 'What I must provide' });
  // The request also reached the client by email, naming both documents.
  const asked = await waitForEmail(clientEmail, /needs 2 documents from you/);
  expect(asked.text).toContain('Proof of accommodation');
  await expect(provide.getByRole('listitem')).toHaveCount(2);
  await expect(provide).toContainText('2 documents to send.');
  await expect(provide).not.toContainText('The right visa');

  // A text file dressed up as a PDF is refused with a clear message, and nothing is received.
  await request(client, PASSPORT).locator('input[type=file]').setInputFiles({ name: 'passport.pdf', mimeType: 'application/pdf', buffer: Buffer.from('just some text, not a scan') });
  await expect(request(client, PASSPORT).getByRole('alert')).toContainText('This kind of file is not accepted.');
  await client.reload();
  await expect(request(client, PASSPORT).getByTestId('request-status')).toHaveText('To send');

  await request(client, PASSPORT).locator('input[type=file]').setInputFiles({ name: 'passport-scan.pdf', mimeType: 'application/pdf', buffer: pdf('passport, blurred') });
  await expect(request(client, PASSPORT).getByTestId('request-status')).toHaveText('Received, being checked');
  await request(client, ACCOMMODATION).locator('input[type=file]').setInputFiles({ name: 'lease.png', mimeType: 'image/png', buffer: PNG });
  await expect(request(client, ACCOMMODATION).getByTestId('request-status')).toHaveText('Received, being checked');
  await expect(request(client, ACCOMMODATION)).toContainText('You sent: lease.png');

  // The advisor sees both, rejects the passport scan with a reason and approves the lease.
  await page.goto(caseUrl);
  await expect(item(page, PASSPORT).getByTestId('item-status')).toHaveText('Received, to review');
  await expect(item(page, PASSPORT).getByRole('link', { name: 'passport-scan.pdf' })).toBeVisible();
  // Rejecting asks in a dialog for the reason the client will read; without one it is refused there.
  await item(page, PASSPORT).getByRole('button', { name: 'Reject' }).click();
  const rejecting = page.getByRole('dialog', { name: /^Reject “Passport/ });
  await rejecting.getByRole('button', { name: 'Reject' }).click();
  await expect(rejecting.getByRole('alert')).toContainText('Say why the document is rejected');
  await expectNoSeriousA11yViolations(page);
  await rejecting.getByLabel(/Reason for rejecting/).fill('The photo page is blurred: please scan it again, flat and in colour.');
  await rejecting.getByRole('button', { name: 'Reject' }).click();
  await expect(rejecting).toHaveCount(0);
  await expect(item(page, PASSPORT).getByTestId('item-status')).toHaveText('Rejected');
  await item(page, ACCOMMODATION).getByRole('button', { name: 'Approve' }).click();
  await expect(item(page, ACCOMMODATION).getByTestId('item-status')).toHaveText('Approved');

  // The client reads the reason, by email and in the portal, and sends the passport again.
  expect((await waitForEmail(clientEmail, /Document not accepted/)).text).toContain('The photo page is blurred');
  await client.reload();
  await expect(request(client, PASSPORT).getByTestId('request-status')).toHaveText('Not accepted');
  await expect(request(client, PASSPORT)).toContainText('The photo page is blurred: please scan it again, flat and in colour.');
  await expect(request(client, ACCOMMODATION).getByTestId('request-status')).toHaveText('Accepted');
  await expect(provide).toContainText('One document to send.');
  await expectNoSeriousA11yViolations(client);
  await request(client, PASSPORT).locator('input[type=file]').setInputFiles({ name: 'passport-rescan.pdf', mimeType: 'application/pdf', buffer: pdf('passport, sharp') });
  await expect(request(client, PASSPORT).getByTestId('request-status')).toHaveText('Received, being checked');

  // The advisor sees the new version above the old one, and approves it.
  await page.reload();
  await expect(item(page, PASSPORT).getByTestId('item-status')).toHaveText('Received, to review');
  await expect(item(page, PASSPORT).getByRole('link', { name: 'passport-rescan.pdf' })).toBeVisible();
  await expect(item(page, PASSPORT).getByRole('link', { name: 'passport-scan.pdf' })).toBeVisible();
  await item(page, PASSPORT).getByRole('button', { name: 'Approve' }).click();
  await expect(item(page, PASSPORT).getByTestId('item-status')).toHaveText('Approved');
  await client.reload();
  await expect(request(client, PASSPORT).getByTestId('request-status')).toHaveText('Accepted');
  await expect(provide).toContainText('Nothing to send right now.');

  // The expiry date read off the passport becomes a deadline on the case, and the rules warn on the planned submission date.
  await documents(page).getByLabel('Planned submission date').fill('2027-01-15');
  await documents(page).getByRole('button', { name: 'Save the date' }).click();
  await expect(documents(page)).toContainText('judged on 15 January 2027');
  await item(page, PASSPORT).getByRole('button', { name: 'Details, reuse, remove' }).click();
  await item(page, PASSPORT).getByLabel('Valid until').fill('2027-03-31');
  await item(page, PASSPORT).getByRole('button', { name: 'Save details' }).click();
  await expect(page.getByTestId('deadline-DOCUMENT_EXPIRY').getByTestId('due')).toHaveText('31 March 2027');
  await expect(item(page, PASSPORT)).toContainText('Passport valid for less than 12 months after submission');

  // Downloads: the advisor gets the file as an attachment with nosniff; the whole case as one ZIP named for filing.
  const href = await item(page, PASSPORT).getByRole('link', { name: 'passport-rescan.pdf' }).getAttribute('href');
  const file = await page.request.get(href!);
  expect(file.status()).toBe(200);
  expect(file.headers()['content-disposition']).toContain('attachment; filename="passport-rescan.pdf"');
  expect(file.headers()['x-content-type-options']).toBe('nosniff');
  expect((await file.body()).toString()).toContain('passport, sharp');
  const zip = await page.request.get(`${new URL(caseUrl).pathname.replace('/cases/', '/api/cases/')}/documents/zip`);
  expect(zip.status()).toBe(200);
  expect(zip.headers()['content-disposition']).toMatch(new RegExp(`attachment; filename="REQ-[^"]*-${lastName}\\.zip"`));
  expect((await zip.body()).subarray(0, 2).toString()).toBe('PK');

  // Another firm's advisor and another client get a plain 404 for the same file and the same ZIP.
  const other = await newPerson(browser);
  await signInStaff(other, 'advisor1@lemaire.example');
  expect((await other.request.get(href!)).status()).toBe(404);
  expect((await other.request.get(`${new URL(caseUrl).pathname.replace('/cases/', '/api/cases/')}/documents/zip`)).status()).toBe(404);
  expect((await client.request.get(href!)).status()).toBe(200);
  await other.context().close();
  await client.context().close();
});

test('another client of the same firm gets a 404 for a file that is not theirs', async ({ page, browser }) => {
  const stamp = Date.now();
  await signInStaff(page, 'advisor1@peeters.example');
  // Omar's passport, filed by the advisor.
  await createClient(page, { firstName: 'Omar', lastName: `Owner${stamp}` });
  await page.getByRole('link', { name: 'New case' }).click();
  await page.getByLabel('Procedure').selectOption('REGISTRATION_NON_EU');
  await page.getByRole('button', { name: 'Open the case' }).click();
  await item(page, PASSPORT).locator('input[type=file]').setInputFiles({ name: 'omar-passport.pdf', mimeType: 'application/pdf', buffer: pdf('omar') });
  await expect(item(page, PASSPORT).getByRole('link', { name: 'omar-passport.pdf' })).toBeVisible();
  const href = await item(page, PASSPORT).getByRole('link', { name: 'omar-passport.pdf' }).getAttribute('href');

  // Lina, another client of the same firm, with portal access.
  const linaEmail = `lina${stamp}@client.example`;
  await createClient(page, { firstName: 'Lina', lastName: `Other${stamp}`, email: linaEmail });
  await page.getByRole('button', { name: 'Invite to the portal' }).click();
  await expect(page.getByText('The client received a portal link by email.')).toBeVisible();
  const lina = await newPerson(browser);
  await lina.goto(firstLink(await waitForEmail(linaEmail, /invited you to your client portal/), '/portal/sign-in/verify'));
  await lina.getByRole('button', { name: 'Sign in' }).click();
  await expect(lina).toHaveURL(/\/portal$/);
  expect((await lina.request.get(href!)).status()).toBe(404);
  expect((await lina.request.get(`${href}?inline=1`)).status()).toBe(404);
  expect((await page.request.get(href!)).status()).toBe(200);
  await lina.context().close();
});
