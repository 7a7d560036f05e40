import { expect, test, type Page } from '@playwright/test';
import { formatDateLong } from '../../lib/format/dates';
import { brusselsDate, addDaysPlain } from '../../lib/dates';
import { appealDueFromNotification, daysLeft } from '../../lib/rules/inquiry-appeal';
import { writeTextDecisionPdf } from '../support/decision-letters';
import { expectNoSeriousA11yViolations } from './support/axe';
import { withDatabase } from './support/e2e-world';
import { firstLink, waitForEmail } from './support/mailbox';
import { signInStaff } from './support/sign-in';

// A person on a small phone, in French, finds the firm's page, books a consultation and sends their refusal
// letter; the advisor then finds the inquiry at the top of the list (see the second half below).
test.use({ viewport: { width: 360, height: 780 }, locale: 'fr-BE' });

async function expectNoHorizontalScroll(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
}

test('a person books a consultation and sends a refusal letter from the firm’s page, in French on a phone; the advisor converts it', async ({ page, browser }, testInfo) => {
  // Notified 24 days ago: fewer than 10 days are left of the ordinary 30.
  const today = brusselsDate();
  const notifiedOn = addDaysPlain(today, -24);
  const left = daysLeft(appealDueFromNotification(notifiedOn), today);
  expect(left).toBeLessThan(10);
  const letter = testInfo.outputPath('decision.pdf');
  await writeTextDecisionPdf(letter, 'fr', { decisionDate: addDaysPlain(today, -30), notifiedOn, dvzFileNumber: '8123456', clientName: 'Yasmine Benali' });

  await page.goto('/f/peeters-advocaten');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Peeters & Janssens Advocaten : droit du séjour et des étrangers');
  await expect(page.getByText('Réservez une consultation dans les 24 heures, dès 29 euros.')).toBeVisible();
  await expectNoHorizontalScroll(page);
  await expectNoSeriousA11yViolations(page);

  const slots = page.getByRole('radiogroup', { name: 'Réserver une consultation' }).getByRole('radio');
  // The demo firm's times, plus any another spec published; one of them is the "no time" choice.
  const offered = await slots.count();
  expect(offered).toBeGreaterThan(1);
  const chosen = slots.first();
  const chosenId = await chosen.getAttribute('value');
  const startsAtUtc = await withDatabase(async (db) => {
    // Prisma keeps UTC in a column without a zone: formatted in SQL, the test's own zone cannot shift it.
    const { rows } = await db.query<{ utc: string }>(`SELECT to_char("startsAt", 'YYYYMMDD"T"HH24MISS"Z"') AS utc FROM "ConsultationSlot" WHERE id = $1`, [chosenId]);
    return rows[0]!.utc;
  });
  await chosen.check();

  await page.getByRole('textbox', { name: 'Prénom', exact: true }).fill('Yasmine');
  await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Benali');
  await page.getByRole('textbox', { name: 'E-mail', exact: true }).fill('yasmine.benali@people.example');
  await page.getByRole('textbox', { name: 'Téléphone', exact: true }).fill('+32 470 11 22 33');
  await page.getByRole('combobox', { name: 'Nationalité', exact: true }).selectOption('MA');
  await page.getByRole('textbox', { name: 'Commune ou ville', exact: true }).fill('Molenbeek-Saint-Jean');
  await page.getByRole('combobox', { name: "De quoi s'agit-il ?", exact: true }).selectOption('REFUSAL');
  await page.getByLabel('Date à laquelle la décision vous a été notifiée', { exact: false }).fill(notifiedOn);
  // The person sees the time left before sending anything.
  const notice = page.getByRole('note');
  await expect(notice).toContainText(`Il reste ${left} jour`);
  await page.getByRole('textbox', { name: "Racontez-nous ce qui s'est passé et ce que vous souhaitez", exact: true }).fill('Ma demande de regroupement familial avec mon mari a été refusée.');
  await page.getByLabel('La lettre de décision (facultatif)').setInputFiles(letter);
  await page.getByLabel(/J'accepte que le cabinet/).check();
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: testInfo.outputPath('public-page-360-fr.png'), fullPage: true });
  await page.getByRole('button', { name: 'Envoyer' }).click();

  const sent = page.getByRole('status');
  await expect(sent.getByRole('heading')).toHaveText('Merci, nous avons bien reçu votre message.');
  await expect(sent).toContainText('Votre consultation est réservée pour le');
  await expect(sent).toContainText('yasmine.benali@people.example');
  await expect(sent.getByRole('note')).toContainText(`Il reste ${left} jour`);
  await page.screenshot({ path: testInfo.outputPath('public-page-sent-360-fr.png'), fullPage: true });

  // The confirmation arrives in French, with the invitation for the calendar and the link to cancel or move.
  const confirmation = await waitForEmail('yasmine.benali@people.example', /^Votre consultation est réservée : Peeters & Janssens Advocaten$/);
  expect(confirmation.text).toContain('Bonjour Yasmine Benali,');
  const invitation = confirmation.attachments.find((a) => a.filename.endsWith('.ics'));
  expect(invitation?.content).toContain('METHOD:REQUEST');
  expect(invitation?.content).toContain(`DTSTART:${startsAtUtc}`);
  expect(firstLink(confirmation, '/booking/')).toMatch(/\/booking\/[\w-]{20,}/);

  // The time is taken: the page no longer offers it.
  await page.goto('/f/peeters-advocaten');
  await expect(page.getByRole('radiogroup', { name: 'Réserver une consultation' }).getByRole('radio')).toHaveCount(offered - 1);
  await expect(page.locator(`input[name="slotId"][value="${chosenId}"]`)).toHaveCount(0);

  // At the desk, the advisor finds it at the top of the firm's list with the days left, and converts it.
  const advisor = await (await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } })).newPage();
  await signInStaff(advisor, 'advisor1@peeters.example');
  await advisor.getByRole('link', { name: 'Inquiries' }).first().click();
  await expect(advisor.getByRole('rowheader').first()).toHaveText('Benali, Yasmine');
  const row = advisor.getByRole('row', { name: /Benali, Yasmine/ });
  await expect(row.getByTestId('appeal-badge')).toHaveText(`${left} days left`);
  await row.getByRole('link', { name: 'Benali, Yasmine' }).click();
  await expect(advisor.getByTestId('inquiry-question')).toHaveText('Ma demande de regroupement familial avec mon mari a été refusée.');
  await expect(advisor.getByRole('link', { name: 'Download decision.pdf' })).toBeVisible();
  const conflict = advisor.getByRole('region', { name: 'Conflict check' });
  await conflict.getByRole('button', { name: 'Run the conflict check' }).click();
  await expect(conflict.getByTestId('conflict-result')).toContainText('No match: clear.');
  const convert = advisor.getByRole('form', { name: 'Convert into a client' });
  await expect(convert.getByLabel("Client's language")).toHaveValue('fr');
  await convert.getByRole('button', { name: 'Convert' }).click();
  await expect(advisor.getByText(/Converted into client \d{4}-\d{4}\./)).toBeVisible();
  await advisor.getByRole('link', { name: 'Open the case' }).click();
  await expect(advisor.getByTestId('case-stage')).toHaveText('Refused');
  await expect(advisor.getByTestId('deadline-APPEAL').getByTestId('due')).toHaveText(formatDateLong('en', appealDueFromNotification(notifiedOn)));
  await expect(advisor.getByRole('region', { name: 'Documents' })).toContainText('decision');
});

test('a letter larger than the 10 MB Next hands a route by default reaches the form whole', async ({ request, baseURL }) => {
  // 12 MB: the form is read to its end (a made-up form token is then refused, in French, and nothing is kept);
  // cut short, the form would not parse at all and the person would read the generic error.
  const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(12 * 1024 * 1024, 0x20), Buffer.from('\n%%EOF\n')]);
  const response = await request.post('/f/peeters-advocaten/intake', {
    headers: { Origin: new URL(baseURL!).origin, Accept: 'application/json' },
    multipart: { formToken: '1.forged', language: 'fr', letter: { name: 'scan.pdf', mimeType: 'application/pdf', buffer: big } },
  });
  expect(response.status()).toBe(422);
  expect(await response.json()).toMatchObject({ code: 'VALIDATION', message: 'Ce formulaire est trop ancien. Rechargez la page et envoyez-le à nouveau.' });
});
