import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { toInputValue } from '../../lib/format/dates';
import { expect, test, type Browser, type Page } from '@playwright/test';
import PizZip from 'pizzip';
import { extractText, getDocumentProxy } from 'unpdf';
import { addDaysPlain, brusselsDate } from '../../lib/dates';
import { isWorkingDay } from '../../lib/rules/calendar';
import { pdfaIdentification } from '../../lib/documents/pdfa/is-pdfa';
import { writeScannedDecisionPng, writeTextDecisionPdf } from '../support/decision-letters';
import { expectNoSeriousA11yViolations } from './support/axe';
import { signInStaff } from './support/sign-in';
import { toast } from './support/toast';
import { chooseOption } from './support/combobox';
import { untilStreamed } from './support/streamed';

test.use({ locale: 'en-US' });
// Reading, two sign-ins, LibreOffice and Ghostscript conversions: more than the default minute on 2 cores.
test.setTimeout(180_000);

const newPerson = async (browser: Browser) => (await browser.newContext({ locale: 'en-US', acceptDownloads: true })).newPage();
const decisionPanel = (page: Page) => page.getByRole('region', { name: 'Decision letter' });
const appealPanel = (page: Page) => page.getByRole('region', { name: 'Appeal to the RvV/CCE (J-Box)' });

async function setFourEyes(page: Page, on: boolean) {
  await page.goto('/settings/members');
  await untilStreamed(page);
  const button = page.getByRole('button', { name: on ? 'Require a second confirmation' : 'Stop requiring it' });
  if (await button.isVisible()) await button.click();
  await expect(page.getByText(on ? 'A second person must confirm every appeal deadline.' : 'Appeal deadlines need no second confirmation.')).toBeVisible();
}

test('a refusal read from its letter, its deadline confirmed by a colleague, and the J-Box packet built, downloaded and filed', async ({ page, browser }) => {
  const work = await mkdtemp(path.join(tmpdir(), 'sejour-e2e-appeal-'));
  const today = brusselsDate();
  // A notification about ten days ago whose 30th day is a working day, so the deadline is that plain date.
  let back = 10;
  while (!isWorkingDay(addDaysPlain(today, 30 - back))) back++;
  const facts = { decisionDate: addDaysPlain(today, -back - 4), notifiedOn: addDaysPlain(today, -back), dvzFileNumber: '7654321', clientName: 'Youssef Appeal' };
  const appealDue = addDaysPlain(facts.notifiedOn, 30);
  const letter = path.join(work, 'bijlage-20.pdf');
  await writeTextDecisionPdf(letter, 'nl', facts);
  const payslip = path.join(work, 'loonfiche-oktober.png');
  await writeScannedDecisionPng(payslip, 'nl', facts);

  // The firm's admin asks for four eyes on appeal deadlines.
  const admin = await newPerson(browser);
  await signInStaff(admin, 'admin@peeters.example');
  await setFourEyes(admin, true);

  // The advisor opens a case for a new client and uploads the refusal.
  await signInStaff(page, 'advisor1@peeters.example');
  const lastName = `Appeal${Date.now()}`;
  await page.goto('/clients/new');
  await page.getByLabel('First name').fill('Youssef');
  await page.getByLabel('Last name').fill(lastName);
  await chooseOption(page, 'Nationality', 'Morocco');
  await page.getByLabel('Language for portal and emails').selectOption('nl');
  await page.getByRole('button', { name: 'Create client' }).click();
  await page.getByRole('link', { name: 'New case' }).click();
  await page.getByLabel('Procedure').selectOption('REGISTRATION_NON_EU');
  await page.getByRole('button', { name: 'Open the case' }).click();
  await expect(page.getByTestId('case-stage')).toHaveText('Intake');
  const caseUrl = page.url();
  await decisionPanel(page).locator('input[type=file]').setInputFiles(letter);

  // The reader's proposal: every field filled from the letter, each passage highlighted.
  const review = page.getByTestId('decision-intake');
  await expect(review).toBeVisible();
  await expect(review.locator('select[name=decisionType]')).toHaveValue('ANNEX_20');
  await expect(review.locator('select[name=outcome]')).toHaveValue('REFUSED');
  await expect(review.locator('input[name=decisionDate]')).toHaveValue(toInputValue('en', facts.decisionDate));
  await expect(review.locator('input[name=notifiedOn]')).toHaveValue(toInputValue('en', facts.notifiedOn));
  await expect(review.locator('select[name=notificationMethod]')).toHaveValue('IN_PERSON');
  await expect(review.locator('input[name=dvzFileNumber]')).toHaveValue(facts.dvzFileNumber);
  await expect(review.locator('select[name=regime]')).toHaveValue('ORDINARY');
  await expect(review.locator('mark[data-field=notifiedOn]')).toContainText('ter kennis gebracht op');
  await expect(review.locator('mark[data-field=dvzFileNumber]')).toContainText(facts.dvzFileNumber);
  await expectNoSeriousA11yViolations(page);
  await review.getByRole('button', { name: 'Confirm these facts' }).click();
  await expect(page.getByTestId('case-stage')).toHaveText('Refused');
  await expect(page.getByTestId('deadline-unconfirmed')).toBeVisible();
  await expect(page.getByTestId('appeal-deadline').locator(`time[datetime="${appealDue}"]`)).toBeVisible();
  await expect(decisionPanel(page)).toContainText('a colleague confirms the deadline');

  // A colleague finds it among the deadlines to confirm and confirms it.
  const colleague = await newPerson(browser);
  await signInStaff(colleague, 'advisor2@peeters.example');
  const toConfirm = colleague.getByTestId('unconfirmed-deadlines');
  await expect(toConfirm).toContainText(lastName);
  await toConfirm.getByRole('listitem').filter({ hasText: lastName }).getByRole('link').click();
  await colleague.getByRole('button', { name: /^I checked the letter: confirm / }).click();
  await expect(colleague.getByTestId('deadline-confirmed')).toContainText('Confirmed by Sarah Wouters');

  // The advisor adds a payslip, drafts the petition and chooses what goes into the filing.
  await page.goto(caseUrl);
  await expect(page.getByTestId('deadline-confirmed')).toBeVisible();
  await page.getByRole('button', { name: 'Upload a document that is not on the list' }).click();
  // The opened panel is the last of the section; its dropzone's file input is the last one.
  await page.getByRole('region', { name: 'Documents' }).locator('input[type=file]').last().setInputFiles(payslip);
  await expect(page.getByText('loonfiche-oktober.png').first()).toBeVisible();
  await appealPanel(page).getByRole('button', { name: 'Draft the petition from the template' }).click();
  await expect(toast(page, 'Draft petition added to the client’s documents.')).toBeVisible();
  await page.reload();
  const contents = appealPanel(page).getByRole('form', { name: 'Contents of the filing' });
  await expect(contents.getByLabel('Petition')).toHaveValue(/.+/);
  await expect(contents.getByLabel('Contested decision')).toHaveValue(/.+/);
  await contents.getByRole('checkbox', { name: /loonfiche-oktober/ }).check();
  await contents.getByRole('button', { name: 'Save the contents' }).click();
  await expect(toast(page, 'Saved.')).toBeVisible();

  // The packet: PDF/A files in J-Box order with the inventory, as listed and as downloaded.
  await appealPanel(page).getByRole('button', { name: 'Build the J-Box packet' }).click();
  const files = page.getByTestId('packet-file');
  await expect(files).toHaveCount(4, { timeout: 90_000 });
  await expect(files.nth(0)).toContainText('01_verzoekschrift.pdf');
  await expect(files.nth(2)).toContainText('03_inventaris.pdf');
  const [download] = await Promise.all([page.waitForEvent('download'), appealPanel(page).getByRole('link', { name: 'Download the packet (ZIP)' }).click()]);
  const saved = path.join(work, download.suggestedFilename());
  await download.saveAs(saved);
  const zip = new PizZip(await readFile(saved));
  const names = Object.keys(zip.files);
  expect(names).toEqual(['01_verzoekschrift.pdf', '02_bestreden_beslissing.pdf', '03_inventaris.pdf', '04_stuk_1_loonfiche_oktober.pdf']);
  for (const name of names) expect(pdfaIdentification(new Uint8Array(zip.file(name)!.asUint8Array())), name).toMatchObject({ part: 2 });
  const inventory = await extractText(await getDocumentProxy(new Uint8Array(zip.file('03_inventaris.pdf')!.asUint8Array())), { mergePages: true });
  expect(inventory.text).toContain('Inventaris van de stukken');
  expect(inventory.text).toContain('loonfiche-oktober');

  // Filed through J-Box an hour ago; then the roll number arrives.
  const anHourAgo = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(new Date(Date.now() - 3_600_000)).replace(' ', 'T');
  const submission = appealPanel(page).getByRole('form', { name: 'Record the J-Box submission' });
  await submission.getByLabel('Submitted on (date and time, Brussels)').fill(anHourAgo);
  await submission.getByLabel('J-Box receipt').fill('JBOX-E2E-0001');
  await submission.getByRole('button', { name: 'Record the submission' }).click();
  await expect(page.getByTestId('case-stage')).toHaveText('Appeal filed');
  await expect(page.getByTestId('submission')).toContainText('JBOX-E2E-0001');
  const roll = page.getByRole('form', { name: 'Roll number' });
  await roll.getByLabel('RvV/CCE roll number').fill('312 456');
  await roll.getByRole('button', { name: 'Save the roll number' }).click();
  await expect(page.getByTestId('submission')).toContainText('Roll number 312 456');
  await expect(page.locator('header').filter({ hasText: lastName })).toContainText('RvV/CCE roll number: 312 456');
  await expect(page.getByRole('region', { name: 'Timeline' })).toContainText('RvV/CCE roll number 312 456 recorded');

  // Another firm's admin gets the 404 of a case that does not exist, for the page and for the packet.
  const stranger = await newPerson(browser);
  await signInStaff(stranger, 'admin@lemaire.example');
  expect((await stranger.request.get(`${caseUrl.replace('/cases/', '/api/cases/')}/appeal/packet`)).status()).toBe(404);
  const caseId = new URL(caseUrl).pathname.split('/').pop()!;
  const intoTheirCase = await stranger.request.post(`/api/decisions/upload?caseId=${caseId}`, {
    headers: { 'Content-Type': 'application/octet-stream', 'X-File-Name': 'bijlage-20.pdf', Origin: new URL(caseUrl).origin },
    data: await readFile(letter),
  });
  expect(intoTheirCase.status()).toBe(404);
  expect((await stranger.goto(caseUrl))?.status()).toBe(404);

  await setFourEyes(admin, false);
});
