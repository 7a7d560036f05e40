import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { brusselsDate } from '../../lib/dates';
import { withDatabase } from './support/e2e-world';
import { firstLink } from './support/mailbox';
import { signInStaff } from './support/sign-in';
import type { SinkMessage } from '../support/smtp-sink';
import { toast } from './support/toast';

// An advisor bills the demo portal client's case: time and a fixed fee, a fee note issued and its PDF downloaded;
// the client then finds the note on their case in the portal, in their own language (Dutch), and downloads it.

test.use({ locale: 'en-US' });

const SINK = `http://127.0.0.1:${process.env.E2E_SMTP_HTTP_PORT ?? 3199}`;
const PORTAL_EMAIL = 'portal@peeters.example';

async function sinkMessages(): Promise<SinkMessage[]> {
  return (await (await fetch(`${SINK}/messages?to=${encodeURIComponent(PORTAL_EMAIL)}`)).json()) as SinkMessage[];
}

async function expectPdfDownload(page: Page, click: () => Promise<void>, name = /^fee-note-\d{4}-\d{4}\.pdf$/) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  expect(download.suggestedFilename()).toMatch(name);
  const bytes = await readFile((await download.path())!);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
}

test('an advisor records time and a fixed fee, issues a fee note and downloads it; the portal client sees and downloads it', async ({ page, browser }) => {
  const { caseId } = await withDatabase(async (db) => {
    const { rows } = await db.query<{ id: string }>(
      `SELECT c.id FROM "Case" c JOIN "Client" cl ON cl.id = c."clientId" WHERE cl.email = $1 AND c."deletedAt" IS NULL ORDER BY c."createdAt" LIMIT 1`,
      [PORTAL_EMAIL],
    );
    return { caseId: rows[0]!.id };
  });
  const year = brusselsDate().slice(0, 4);

  // The admin fills in the firm's billing details (the demo seed has them; saving them again must keep them valid).
  const adminContext = await browser.newContext({ locale: 'en-US' });
  const admin = await adminContext.newPage();
  await signInStaff(admin, 'admin@peeters.example');
  await admin.goto('/settings/firm');
  const billing = admin.getByRole('form', { name: 'Billing details' });
  for (const [label, value] of [
    ['Legal name', 'Peeters Advocaten BV'], ['Street and number', 'Louizalaan 100'], ['Postal code', '1050'], ['City', 'Brussel'], ['Country (ISO code)', 'BE'],
    ['Enterprise number (KBO/BCE)', '0403.170.701'], ['VAT number', 'BE 0403.170.701'], ['IBAN', 'BE68 5390 0754 7034'], ['BIC', 'GKCCBEBB'], ['Billing email', 'billing@peeters.example'],
  ] as const) await billing.getByLabel(label, { exact: true }).fill(value);
  await billing.getByRole('button', { name: 'Save billing details' }).click();
  await expect(toast(admin, 'Billing details saved.')).toBeVisible();
  await admin.reload();
  await expect(admin.getByTestId('billing-status')).toHaveText('Complete: fee notes can be issued.');
  await adminContext.close();

  await signInStaff(page, 'advisor1@peeters.example');
  await page.goto(`/cases/${caseId}`);
  const section = page.getByRole('region', { name: 'Time and fees' });

  await section.getByRole('button', { name: 'Record time' }).click();
  const timeForm = page.getByRole('dialog', { name: 'Record time' });
  await timeForm.getByLabel('Minutes').fill('90');
  await timeForm.getByLabel('Description').fill('Preparing the single permit file');
  await timeForm.getByLabel('Hourly rate excl. VAT (€)').fill('120');
  await timeForm.getByRole('button', { name: 'Record time' }).click();
  await expect(toast(page, 'Time recorded.')).toBeVisible();
  await expect(timeForm).toBeHidden();

  await section.getByRole('button', { name: 'Add a fixed fee' }).click();
  const feeForm = page.getByRole('dialog', { name: 'Add a fixed fee' });
  await feeForm.getByLabel('Description').fill('Single permit application');
  await feeForm.getByLabel('Amount excl. VAT (€)').fill('750');
  await feeForm.getByRole('button', { name: 'Add a fixed fee' }).click();
  await expect(toast(page, 'Fee added.')).toBeVisible();
  await expect(feeForm).toBeHidden();
  // 1.5 h at 120.00 and 750.00.
  await expect(section.getByTestId('unbilled-total')).toHaveText('Unbilled total excl. VAT: €930.00 (1.5 h)');

  await section.getByRole('button', { name: 'Issue a fee note' }).click();
  const issueForm = page.getByRole('dialog', { name: 'Issue a fee note' });
  await issueForm.getByRole('button', { name: 'Issue fee note' }).click();
  // 930.00 + 21 % VAT (195.30). Everything billed, the issue form gives way to the new note.
  const note = section.getByTestId('fee-note').filter({ hasText: '€1,125.30' });
  await expect(note).toBeVisible();
  await expect(note).toContainText(new RegExp(`${year}/\\d{4}`));
  await expect(note).toContainText('Issued');
  await expect(section.getByText('Nothing unbilled on this case.')).toBeVisible();
  await expectPdfDownload(page, () => note.getByRole('link', { name: /^PDF/ }).click());

  // The demo portal client signs in by the emailed link and finds the note on their case, in Dutch.
  const client = await (await browser.newContext({ locale: 'en-US' })).newPage();
  const before = (await sinkMessages()).length;
  await client.goto('/portal/sign-in');
  await client.getByLabel('Email address').fill(PORTAL_EMAIL);
  await client.getByRole('button', { name: 'Send me a sign-in link' }).click();
  let link = '';
  await expect.poll(async () => {
    const fresh = (await sinkMessages()).slice(before).filter((m) => /aanmeldlink/i.test(m.subject)).at(-1);
    link = fresh ? firstLink(fresh, '/portal/sign-in/verify') : '';
    return link !== '';
  }, { timeout: 30_000 }).toBe(true);
  await client.goto(link);
  await client.getByRole('button', { name: 'Sign in' }).click();
  await expect(client).toHaveURL(/\/portal$/);
  await client.goto(`/portal/cases/${caseId}`);
  const portalNotes = client.getByRole('region', { name: "Ereloonnota's" });
  const row = portalNotes.getByTestId('portal-fee-note').filter({ hasText: /1\.125,30/ });
  await expect(row).toContainText('Uitgeschreven');
  await expectPdfDownload(client, () => row.getByRole('link', { name: /^PDF downloaden/ }).click());

  // Issued in error: the advisor cancels it with a credit note, after being asked once.
  const number = (await note.innerText()).match(/\d{4}\/\d{4}/)![0];
  // The credit note carries the same amount, so from here the note is found by its number.
  const original = section.getByTestId('fee-note').filter({ hasText: new RegExp(`^${number.replace('/', '\\/')} · `) });
  await original.getByRole('button', { name: /^Cancel with a credit note/ }).click();
  const asking = page.getByRole('alertdialog', { name: /Issue a credit note that cancels this fee note\?/ });
  await expect(asking).toContainText(number);
  await asking.getByRole('button', { name: 'Yes, issue the credit note' }).click();
  await expect(asking).toBeHidden();
  const credit = section.getByTestId('fee-note').filter({ hasText: `cancels ${number}` });
  await expect(credit).toContainText(/^Credit note \d{4}\/\d{4} · .+ · €1,125\.30 · cancels/);
  await expect(original).toContainText('Cancelled');
  await expect(original).toContainText('cancelled by credit note');
  await expect(original.getByRole('button', { name: /^Mark paid/ })).toHaveCount(0);
  await expect(credit.getByRole('button')).toHaveCount(0);
  // The time and the fee are to bill again, for a corrected note.
  await expect(section.getByTestId('unbilled-total')).toHaveText('Unbilled total excl. VAT: €930.00 (1.5 h)');
  await expectPdfDownload(page, () => credit.getByRole('link', { name: /^PDF/ }).click(), /^credit-note-\d{4}-\d{4}\.pdf$/);

  // The client sees the credit note beside the cancelled note, in Dutch.
  await client.reload();
  const creditRow = portalNotes.getByTestId('portal-fee-note').filter({ hasText: /^Creditnota/ });
  await expect(creditRow).toContainText(`annuleert ereloonnota ${number}`);
  await expect(portalNotes.getByTestId('portal-fee-note').filter({ hasText: new RegExp(`^${number.replace('/', '\\/')} · `) })).toContainText('Geannuleerd');
  await expectPdfDownload(client, () => creditRow.getByRole('link', { name: /^PDF downloaden/ }).click(), /^credit-note-\d{4}-\d{4}\.pdf$/);
});
