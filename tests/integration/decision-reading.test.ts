import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { readDocumentText } from '@/lib/documents/read-document-text';
import { AppError } from '@/lib/errors';
import { readDecisionLetter } from '@/lib/rules/decision-letter/read-decision-letter';
import {
  writeCorruptPdf, writeEncryptedPdf, writeLetterWithoutDates, writeScannedDecisionPdf, writeScannedDecisionPng, writeTextDecisionPdf, type LetterFacts,
} from '../support/decision-letters';

// The real readers on real-shaped files, without a database: the PDF text layer (unpdf), and tesseract OCR of
// a Ghostscript-rendered scan, both as a photo (PNG) and as a scanner's image-only PDF. The OCR cases are what
// a lawyer's phone or office scanner produces; each takes about 1-2 s on the 2-core CI machine.

const dir = await mkdtemp(path.join(tmpdir(), 'sejour-reading-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

const FACTS: LetterFacts = { decisionDate: '2026-11-12', notifiedOn: '2026-11-14', dvzFileNumber: '1234567', clientName: 'Youssef Benali' };
const AS_OF = '2026-12-04';

const FORMS = [
  ['text PDF', 'pdf', 'application/pdf', writeTextDecisionPdf, 'TEXT'],
  ['photographed page (PNG)', 'png', 'image/png', writeScannedDecisionPng, 'OCR'],
  ['scanner PDF without a text layer', 'pdf', 'application/pdf', writeScannedDecisionPdf, 'OCR'],
] as const;

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('VALIDATION');
  return error as AppError;
}

describe('reading a decision letter from a file', () => {
  describe.each(['nl', 'fr'] as const)('in %s', (lang) => {
    it.each(FORMS)('proposes every fact of an Annex 20 refusal from a %s', async (_label, ext, mime, write, method) => {
      const file = path.join(dir, `letter-${lang}-${method}-${ext}-${Math.random().toString(36).slice(2)}.${ext}`);
      await write(file, lang, FACTS);
      const read = await readDocumentText(file, mime);
      expect(read.method).toBe(method);
      expect(read.pages).toBe(1);

      const p = readDecisionLetter(read.text, { asOf: AS_OF, applicationFiledOn: '2026-02-01' });
      expect(p.language).toBe(lang);
      expect(p.decisionType?.value).toBe('ANNEX_20');
      expect(p.outcome?.value).toBe('REFUSED');
      expect(p.decisionDate?.value).toBe(FACTS.decisionDate);
      expect(p.notifiedOn?.value).toBe(FACTS.notifiedOn);
      expect(p.notificationMethod?.value).toBe('IN_PERSON');
      expect(p.dvzFileNumber?.value).toBe(FACTS.dvzFileNumber);
      expect(p.regime?.value).toBe('ORDINARY');
      expect(p.statedPeriodDays?.value).toBe(30);
      expect(p.flags).toEqual({});
      // The highlight must land on the letter's own words, OCR included.
      expect(read.text.slice(p.dvzFileNumber!.start, p.dvzFileNumber!.end)).toContain(FACTS.dvzFileNumber);
      expect(read.text.slice(p.notifiedOn!.start, p.notifiedOn!.end)).toMatch(/14 novem(?:ber|bre) 2026$/);
    });
  });

  it('proposes no date for a letter that gives none', async () => {
    const file = path.join(dir, 'no-dates.pdf');
    await writeLetterWithoutDates(file);
    const read = await readDocumentText(file, 'application/pdf');
    expect(read.method).toBe('TEXT');
    const p = readDecisionLetter(read.text, { asOf: AS_OF });
    expect(p).toMatchObject({ decisionDate: null, notifiedOn: null, notificationMethod: null, flags: {} });
  });

  it('refuses a corrupt PDF', async () => {
    const file = path.join(dir, 'corrupt.pdf');
    await writeCorruptPdf(file);
    expect((await refusal(readDocumentText(file, 'application/pdf'))).userMessage).toBe('decisions.read.corrupt');
  });

  it('refuses a password-protected PDF', async () => {
    const file = path.join(dir, 'encrypted.pdf');
    await writeEncryptedPdf(file);
    expect((await refusal(readDocumentText(file, 'application/pdf'))).userMessage).toBe('decisions.read.passwordProtected');
  });

  it('refuses a kind of file OCR cannot read', async () => {
    const file = path.join(dir, 'photo.heic');
    await writeFile(file, Buffer.alloc(64));
    expect((await refusal(readDocumentText(file, 'image/heic'))).userMessage).toBe('decisions.read.unsupportedType');
  });

  it('refuses a blank page: there is no text to read', async () => {
    const file = path.join(dir, 'blank.pdf');
    const pdf = await PDFDocument.create();
    pdf.addPage([595, 842]);
    await writeFile(file, await pdf.save());
    expect((await refusal(readDocumentText(file, 'application/pdf'))).userMessage).toBe('decisions.read.noText');
  });
});
