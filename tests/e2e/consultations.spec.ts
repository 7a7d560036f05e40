import { createHash, randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { withDatabase } from './support/e2e-world';
import { waitForEmail } from './support/mailbox';
import { signInStaff } from './support/sign-in';
import { openFromHeader } from './support/shell';
import { toast } from './support/toast';

test.use({ locale: 'en-US' });

// The booking itself comes from the firm's public page, built separately: here a person's booking of the
// published time is written as bookSlot writes it (the token's hash only), and the person uses the emailed link.
async function bookAsPerson(slotId: string, person: { name: string; email: string; language: string }) {
  const token = randomBytes(32).toString('base64url');
  await withDatabase((db) =>
    db.query(
      `INSERT INTO "ConsultationBooking" ("id", "firmId", "slotId", "name", "email", "language", "tokenHash")
       SELECT $1, "firmId", "id", $2, $3, $4, $5 FROM "ConsultationSlot" WHERE "id" = $6`,
      [`e2e${randomBytes(8).toString('hex')}`, person.name, person.email, person.language, createHash('sha256').update(token).digest('hex'), slotId],
    ),
  );
  return token;
}

test('an advisor publishes a time; the person who booked it cancels from the emailed link, in German, and the time is free again', async ({ page, browser }) => {
  await signInStaff(page, 'advisor1@peeters.example');
  await openFromHeader(page, 'Consultations');
  await expect(page.getByRole('heading', { level: 1, name: 'Consultations' })).toBeVisible();

  const publish = page.getByRole('region', { name: 'Publish a time' });
  await publish.getByLabel('Date and time (Brussels)').fill('2031-09-15T10:30');
  await publish.getByLabel('Length in minutes').fill('45');
  await publish.getByLabel('Price in euros (VAT included)').fill('35');
  await publish.getByLabel('How').selectOption('VIDEO');
  await publish.getByLabel('Address, or video link').fill('http://insecure.example/room');
  await publish.getByRole('button', { name: 'Publish' }).click();
  await expect(publish.getByRole('alert')).toHaveText('The video link must start with https://.');
  await publish.getByLabel('Address, or video link').fill('https://meet.example/janssens');
  await publish.getByRole('button', { name: 'Publish' }).click();
  await expect(toast(page, 'The time is on the public page.')).toBeVisible();

  const upcoming = page.getByRole('region', { name: 'Upcoming times' });
  const row = upcoming.getByRole('row').filter({ hasText: '15 September 2031 at 10:30' });
  await expect(row).toContainText('45 min');
  await expect(row).toContainText('€35.00');
  await expect(row).toContainText('Video call');
  await expect(row).toContainText('Jan Janssens');
  await expect(row).toContainText('Free');
  await expectNoSeriousA11yViolations(page);

  const slotId = await withDatabase(async (db) => (await db.query<{ id: string }>(`SELECT id FROM "ConsultationSlot" WHERE location = 'https://meet.example/janssens' AND "withdrawnAt" IS NULL`)).rows[0]!.id);
  const email = `anna.schmidt.${Date.now()}@people.example`;
  const token = await bookAsPerson(slotId, { name: 'Anna Schmidt', email, language: 'de' });
  await page.reload();
  await expect(row).toContainText('Booked: Anna Schmidt');
  await expect(row).toContainText(email);
  await expect(row).toContainText('Deutsch');

  const person = await (await browser.newContext({ locale: 'de-DE' })).newPage();
  await person.goto(`/booking/${token}`);
  await expect(person.getByRole('heading', { level: 1, name: 'Ihre Beratung' })).toBeVisible();
  await expect(person.getByText('Montag, 15. September 2031 um 10:30')).toBeVisible();
  await expect(person.getByText('https://meet.example/janssens')).toBeVisible();
  await person.getByRole('link', { name: 'English' }).click();
  await expect(person.getByRole('heading', { level: 1, name: 'Your consultation' })).toBeVisible();
  await person.getByRole('link', { name: 'Deutsch' }).click();
  await expectNoSeriousA11yViolations(person);

  await person.getByRole('button', { name: 'Meine Beratung absagen' }).click();
  await expect(person.getByText('Diese Beratung absagen? Der Termin wird anderen angeboten.')).toBeVisible();
  await person.getByRole('button', { name: 'Ja, absagen' }).click();
  await expect(person.getByText('Ihre Beratung ist abgesagt.')).toBeVisible();
  await person.reload();
  await expect(person.getByRole('heading', { level: 1, name: 'Dieser Link ist nicht gültig' })).toBeVisible();
  // A made-up link says the same, and nothing about anyone's booking.
  await person.goto(`/booking/${randomBytes(32).toString('base64url')}?lang=fr`);
  await expect(person.getByRole('heading', { level: 1, name: 'Ce lien n’est pas valable' })).toBeVisible();

  // The advisor hears of it in their own language (Dutch), and the time shows free again.
  const notice = await waitForEmail('advisor1@peeters.example', /Consultatie geannuleerd: Anna Schmidt/);
  expect(notice.text).toContain(email);
  await page.reload();
  await expect(row).toContainText('Free');
  await expect(row).not.toContainText('Anna Schmidt');

  // Withdrawn by the advisor, the time leaves the list.
  await row.getByRole('button', { name: /Withdraw/ }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Yes, delete' }).click();
  await expect(upcoming.getByRole('row').filter({ hasText: '15 September 2031 at 10:30' })).toHaveCount(0);
});
