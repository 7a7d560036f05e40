import { expect, test, type Page } from '@playwright/test';
import { formatDateLong } from '../../lib/format/dates';
import { brusselsDate } from '../../lib/dates';
import { addWorkingDays, rollBackToWorkingDay } from '../../lib/rules/calendar';
import { addDays, addYears } from '../../lib/rules/plain-date';
import { ruleLabel } from '../../lib/rules/labels';
import { expectNoSeriousA11yViolations } from './support/axe';
import { pdf } from './support/files';
import { firstLink, waitForEmail } from './support/mailbox';
import { signInStaff } from './support/sign-in';
import { chooseOption } from './support/combobox';
import { toast } from './support/toast';

// The client is on a small phone; the advisor works at a desk (a context of their own, see below).
test.use({ viewport: { width: 360, height: 780 }, locale: 'en-US' });

async function expectNoHorizontalScroll(page: Page) {
  const { width, tooWide } = await page.evaluate(() => ({
    width: document.documentElement.scrollWidth,
    // Named in the failure message: the elements that stick out on the right.
    tooWide: [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > 360).slice(0, 5).map((el) => `<${el.tagName.toLowerCase()} class="${el.className}">${el.textContent?.slice(0, 40)}`),
  }));
  expect(width, tooWide.join('\n')).toBeLessThanOrEqual(360);
}

/** Takes one step on the case, filling the step's own fields (as in case-journey.spec.ts). */
async function move(page: Page, step: string, fields: Record<string, string>) {
  const moves = page.getByRole('region', { name: 'Next steps' });
  await moves.getByRole('button', { name: step, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: step });
  const form = dialog.locator('form');
  for (const [label, value] of Object.entries(fields)) {
    const field = form.getByLabel(new RegExp(`^${label}( \\*)?$`));
    if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
    else await field.fill(value);
  }
  await form.getByRole('button', { name: step }).click();
  await expect(dialog).toHaveCount(0);
}

/** A legal date as the portal writes it: long form, in the reader's language. */
const longDate = (locale: 'nl' | 'fr', date: string) => formatDateLong(locale, date);

const PASSPORT = /^Passport/;

test('a Dutch-speaking client follows their case on a phone: own language after the emailed link, deadlines, upload, a message the advisor sees', async ({ page: client, browser }, testInfo) => {
  const lastName = `Portal${Date.now()}`;
  const clientEmail = `${lastName.toLowerCase()}@client.example`;
  const arrivedOn = brusselsDate();
  const registrationDue = addWorkingDays(arrivedOn, 8);

  // The advisor, at a desk, records a Dutch-speaking client, invites them, opens a case and asks for the passport.
  const advisorContext = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  const advisor = await advisorContext.newPage();
  await signInStaff(advisor, 'advisor1@peeters.example');
  await advisor.goto('/clients/new');
  await advisor.getByLabel('First name').fill('Nadia');
  await advisor.getByLabel('Last name').fill(lastName);
  await chooseOption(advisor, 'Nationality', 'Morocco');
  await advisor.getByLabel('Language for portal and emails').selectOption('nl');
  await advisor.getByLabel('Email address').fill(clientEmail);
  await advisor.getByRole('button', { name: 'Create client' }).click();
  await expect(advisor.getByRole('heading', { level: 1 })).toHaveText(`${lastName}, Nadia`);
  await advisor.getByRole('button', { name: 'Invite to the portal' }).click();
  await expect(advisor.getByText('The client received a portal link by email.')).toBeVisible();
  await advisor.getByRole('link', { name: 'New case' }).click();
  await advisor.getByLabel('Procedure').selectOption('REGISTRATION_NON_EU');
  await advisor.getByLabel('Arrival in Belgium').fill(arrivedOn);
  await advisor.getByRole('button', { name: 'Open the case' }).click();
  await expect(advisor.getByTestId('case-stage')).toHaveText('Intake');
  const caseUrl = advisor.url();
  const documents = advisor.getByRole('region', { name: 'Documents' });
  const passport = documents.getByRole('listitem', { name: PASSPORT });
  await passport.getByRole('checkbox').check();
  await documents.getByRole('button', { name: 'Ask the client for the selected documents' }).click();
  await expect(passport.getByTestId('item-status')).toHaveText('Requested');

  // The invitation is in Dutch; after the link the portal speaks Dutch although this browser asks for English.
  const invitation = await waitForEmail(clientEmail, /uitgenodigd|portaal/i);
  await client.goto(firstLink(invitation, '/portal/sign-in/verify'));
  await client.getByRole('button', { name: 'Sign in' }).click();
  await expect(client).toHaveURL(/\/portal$/);
  await expect(client.getByRole('heading', { level: 1 })).toHaveText('Welkom, Nadia');
  await expect(client.getByRole('heading', { name: 'Wat ik moet doen' })).toBeVisible();
  const registration = client.getByTestId('todo-REGISTRATION');
  await expect(registration).toContainText('Inschrijving bij de gemeente');
  await expect(registration.getByTestId('todo-when')).toHaveText(`Uiterlijk op ${longDate('nl', registrationDue)}`);
  const card = client.getByTestId('portal-case');
  await expect(card).toContainText('Intake');
  await expect(card).toContainText('Uw adviseur bereidt uw aanvraag voor');
  await expect(card.getByRole('link', { name: 'advisor1@peeters.example' })).toHaveAttribute('href', 'mailto:advisor1@peeters.example');
  await expect(client.getByRole('region', { name: 'Wat ik moet bezorgen' }).getByRole('listitem')).toHaveCount(1);
  await expectNoHorizontalScroll(client);
  await expectNoSeriousA11yViolations(client);
  await client.screenshot({ path: testInfo.outputPath('portal-home-360-nl.png'), fullPage: true });

  // The client switches to French, and the whole portal follows.
  await client.getByRole('combobox', { name: 'Taal' }).selectOption('fr');
  await expect(client.getByRole('heading', { name: 'Ce que je dois faire' })).toBeVisible();
  await expect(registration).toContainText('Inscription à la commune');
  await expect(registration.getByTestId('todo-when')).toHaveText(`Au plus tard le ${longDate('fr', registrationDue)}`);
  await expect(card).toContainText('Votre conseiller prépare votre demande');

  // The client sends the passport from the phone.
  const request = client.getByRole('region', { name: 'Ce que je dois fournir' }).getByRole('listitem', { name: /^Passeport/ });
  await request.locator('input[type=file]').setInputFiles({ name: 'paspoort.pdf', mimeType: 'application/pdf', buffer: pdf('passport') });
  await expect(request.getByTestId('request-status')).toHaveText('Reçu, en cours de vérification');
  await expectNoHorizontalScroll(client);
  await client.screenshot({ path: testInfo.outputPath('portal-home-360-fr.png'), fullPage: true });

  // The case page: the story so far, newest first, and the conversation.
  await card.getByRole('link', { name: 'Historique et messages' }).click();
  await expect(client.getByRole('heading', { level: 1 })).toHaveText(ruleLabel('fr', 'procedure.REGISTRATION_NON_EU'));
  const timeline = client.getByTestId('portal-timeline').getByRole('listitem');
  await expect(timeline.first()).toContainText('Document reçu');
  await expect(timeline.nth(1)).toContainText('Votre conseiller vous a demandé des documents');
  await expect(timeline.last()).toContainText('Dossier ouvert');
  const messages = client.getByRole('region', { name: 'Messages' });
  await expect(messages).toContainText('Pas encore de message');

  // An empty message is refused in the client's language; a real one is sent, shown, and the box emptied.
  await messages.getByRole('button', { name: 'Envoyer le message' }).click();
  await expect(messages.getByRole('alert')).toHaveText("Écrivez d'abord un message.");
  const body = 'Bonjour, mon rendez-vous à la commune est le 9 décembre. Dois-je apporter autre chose ?';
  await messages.getByLabel('Votre message').fill(body);
  const send = messages.getByRole('button', { name: 'Envoyer le message' });
  await send.click();
  await expect(toast(client, 'Envoyé. Votre conseiller a été prévenu.')).toBeVisible();
  // On a phone the toast comes from the top: it never covers the full-width button just pressed.
  const [shown, pressed] = [(await toast(client, 'Envoyé. Votre conseiller a été prévenu.').boundingBox())!, (await send.boundingBox())!];
  expect(shown.y + shown.height, 'the toast ends in the top half of the screen').toBeLessThan(780 / 2);
  expect(shown.y + shown.height <= pressed.y || pressed.y + pressed.height <= shown.y, 'the toast and the send button overlap').toBe(true);
  await expect(client.getByTestId('message-mine')).toHaveCount(1);
  await expect(client.getByTestId('message-mine')).toContainText(body);
  await expect(client.getByTestId('message-mine')).toContainText('Vous');
  await expect(messages.getByLabel('Votre message')).toHaveValue('');
  await expect(timeline.first()).toContainText('Vous avez envoyé un message');
  await expectNoHorizontalScroll(client);
  await expectNoSeriousA11yViolations(client);
  await client.screenshot({ path: testInfo.outputPath('portal-case-360-fr.png'), fullPage: true });

  // A case id that is not the client's is simply not found.
  expect((await client.goto('/portal/cases/not-a-case-of-mine'))?.status()).toBe(404);

  // The advisor sees the passport waiting for review and the message marked as the client's, and got an email in Dutch.
  await advisor.goto(caseUrl);
  await expect(passport.getByTestId('item-status')).toHaveText('Received, to review');
  const note = advisor.getByRole('region', { name: 'Notes' }).getByTestId('note-from-client');
  await expect(note).toContainText('From the client');
  await expect(note).toContainText(body);
  const email = await waitForEmail('advisor1@peeters.example', new RegExp(`^Bericht van Nadia ${lastName} over `));
  expect(email.text).toContain(body);

  // Later the card is issued: the client finds it under "My card", with the window to ask for its renewal.
  const validUntil = addYears(arrivedOn, 1);
  await move(advisor, 'File the application', { 'Filed on': arrivedOn });
  await move(advisor, 'Record the approval', { 'Notified on': arrivedOn });
  await move(advisor, 'Record the card issued', { 'Card type': 'A', 'Card number': 'B12345678', 'Valid from': arrivedOn, 'Valid until': validUntil });
  await expect(advisor.getByTestId('case-stage')).toHaveText('Card issued');
  await client.goto('/portal');
  await expect(card.getByTestId('portal-stage')).toHaveText(ruleLabel('fr', 'stage.CARD_ISSUED'));
  await expect(client.getByTestId('todo-REGISTRATION')).toHaveCount(0);
  const myCard = client.getByRole('region', { name: 'Ma carte' });
  await expect(myCard).toContainText(ruleLabel('fr', 'card.A'));
  await expect(myCard).toContainText('B12345678');
  await expect(myCard).toContainText(longDate('fr', validUntil));
  // The firm's default window: from the 45th to the 30th day before the card expires (a last day off work moves earlier).
  const renewalCloses = rollBackToWorkingDay(addDays(validUntil, -30));
  await expect(myCard).toContainText(`Entre le ${longDate('fr', addDays(validUntil, -45))} et le ${longDate('fr', renewalCloses)}`);
  await expect(myCard).toContainText('La loi belge vous demande de solliciter une nouvelle carte');
  await expectNoHorizontalScroll(client);
  await expectNoSeriousA11yViolations(client);
  await client.screenshot({ path: testInfo.outputPath('portal-home-360-card-fr.png'), fullPage: true });
  await advisorContext.close();
});
