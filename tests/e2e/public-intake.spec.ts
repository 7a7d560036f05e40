import { expect, test, type Page } from '@playwright/test';
import { brusselsDate, addDaysPlain } from '../../lib/dates';
import { appealDueFromNotification, daysLeft } from '../../lib/rules/inquiry-appeal';
import { writeTextDecisionPdf } from '../support/decision-letters';
import { expectNoSeriousA11yViolations } from './support/axe';

// A person on a small phone, in French, finds the firm's page, books a consultation and sends their refusal
// letter; the advisor then finds the inquiry at the top of the list (see the second half below).
test.use({ viewport: { width: 360, height: 780 }, locale: 'fr-BE' });

async function expectNoHorizontalScroll(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
}

test('a person books a consultation and sends a refusal letter from the firm’s page, in French on a phone', async ({ page }, testInfo) => {
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
  await expect(slots).toHaveCount(10);
  const chosen = slots.first();
  const chosenId = await chosen.getAttribute('value');
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

  // The time is taken: the page no longer offers it.
  await page.goto('/f/peeters-advocaten');
  await expect(page.getByRole('radiogroup', { name: 'Réserver une consultation' }).getByRole('radio')).toHaveCount(9);
  await expect(page.locator(`input[name="slotId"][value="${chosenId}"]`)).toHaveCount(0);
});
