import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import { createTranslator } from 'use-intl/core';
import { encodable } from '@/lib/documents/win-ansi-text';
import { formatDateLong } from '@/lib/format/dates';
import { loadMessages } from '@/lib/i18n/messages';
import { formatIban } from './check-digits';
import type { FeeNoteDocument } from './fee-note-document';
import { basisPointsToPercent, thousandthsToDecimal } from './fee-note-math';
import { VAT_NOTES } from './vat-category';

// The fee note as PDF, in the client's language (labels from the feeNotes catalogue). Standard fonts (WinAnsi):
// characters outside it fall back to their unaccented form, never to an error.

const PAGE: [number, number] = [595.28, 841.89];
const MARGIN = 50;
const SIZE = 9.5;
const LINE = 13;
// description | quantity | unit price | VAT | amount (495 pt)
const COLUMNS = [235, 55, 75, 50, 80];

function wrap(text: string, font: PDFFont, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/(?<=\s)/)) {
    if (font.widthOfTextAtSize(line + word, SIZE) <= width || !line) line += word;
    else {
      lines.push(line.trimEnd());
      line = word;
    }
  }
  lines.push(line.trimEnd());
  return lines;
}

export async function buildFeeNotePdf(note: FeeNoteDocument): Promise<Uint8Array> {
  const locale = note.language;
  const translate = createTranslator({ locale, messages: await loadMessages(locale), namespace: 'feeNotes.pdf' });
  const t = (key: string, values?: Record<string, string>) => translate(key as never, values as never);
  const money = new Intl.NumberFormat(`${locale}-BE`, { style: 'currency', currency: 'EUR' });
  const eur = (cents: number) => money.format(cents / 100).replace(/\u00a0|\u202f/g, ' ');
  const date = (plain: string) => formatDateLong(locale, plain);

  const doc = await PDFDocument.create();
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const clean = encodable(regular);
  const credit = note.credits;
  const title = `${t(credit ? 'creditTitle' : 'title')} ${note.number}`;
  doc.setTitle(title);
  doc.setLanguage(`${locale}-BE`);
  let page: PDFPage = doc.addPage(PAGE);
  let y = PAGE[1] - MARGIN;
  const newPageIfNeeded = (height: number) => {
    if (y - height >= MARGIN) return;
    page = doc.addPage(PAGE);
    y = PAGE[1] - MARGIN;
  };
  const text = (value: string, x: number, options: { font?: PDFFont; size?: number; right?: number } = {}) => {
    const font = options.font ?? regular;
    const size = options.size ?? SIZE;
    const printable = clean(value);
    const left = options.right !== undefined ? options.right - font.widthOfTextAtSize(printable, size) : x;
    page.drawText(printable, { x: left, y, size, font, color: rgb(0.1, 0.1, 0.12) });
  };
  const block = (lines: (string | null)[], x: number, top: number) => {
    let line = top;
    for (const value of lines) {
      if (!value) continue;
      page.drawText(clean(value), { x, y: line, size: SIZE, font: regular });
      line -= LINE;
    }
    return line;
  };

  const { seller, buyer } = note;
  text(seller.legalName, MARGIN, { font: bold, size: 12 });
  y -= LINE + 4;
  const sellerEnd = block([seller.street, `${seller.postalCode} ${seller.city}`, seller.country, `${t('enterpriseNumber')}: ${seller.enterpriseNumber}`, `${t('vatNumber')}: ${seller.vatNumber}`, seller.email], MARGIN, y);
  const buyerEnd = block([t('buyer'), buyer.name, buyer.street, [buyer.postalCode, buyer.city].filter(Boolean).join(' ') || null, buyer.country, buyer.vatNumber ? `${t('vatNumber')}: ${buyer.vatNumber}` : null], 330, y);
  y = Math.min(sellerEnd, buyerEnd) - LINE;

  text(title, MARGIN, { font: bold, size: 15 });
  y -= LINE + 6;
  // A credit note names the note it cancels where a fee note says when it falls due.
  const second = credit ? [t('credits'), t('creditsValue', { number: credit.number, date: date(credit.issuedOn) })] : [t('dueOn'), date(note.dueOn)];
  for (const [label, value] of [[t('issuedOn'), date(note.issuedOn)], second, [t('case'), note.caseReference]]) {
    text(`${label}: ${value}`, MARGIN);
    y -= LINE;
  }
  y -= LINE / 2;

  const header = [t('description'), t('quantity'), t('unitPrice'), t('vatRate'), t('amount')];
  const rightEdges = COLUMNS.map((_, i) => MARGIN + COLUMNS.slice(0, i + 1).reduce((a, b) => a + b, 0));
  header.forEach((label, i) => text(label, MARGIN, i === 0 ? { font: bold } : { font: bold, right: rightEdges[i] }));
  y -= 4;
  page.drawLine({ start: { x: MARGIN, y }, end: { x: PAGE[0] - MARGIN, y }, thickness: 0.5, color: rgb(0.6, 0.6, 0.6) });
  y -= LINE;
  for (const line of note.lines) {
    const description = wrap(clean(line.description), regular, COLUMNS[0]! - 6);
    newPageIfNeeded(description.length * LINE);
    text(thousandthsToDecimal(line.quantityThousandths), 0, { right: rightEdges[1] });
    text(eur(line.unitCents), 0, { right: rightEdges[2] });
    text(`${basisPointsToPercent(line.vatRateBasisPoints)} % ${line.vatCategory}`, 0, { right: rightEdges[3] });
    text(eur(line.lineExclCents), 0, { right: rightEdges[4] });
    for (const part of description) {
      text(part, MARGIN);
      y -= LINE;
    }
  }
  y -= LINE / 2;
  newPageIfNeeded(LINE * (note.breakdown.length + 8));
  text(t('vatBreakdown'), MARGIN, { font: bold });
  y -= LINE;
  for (const row of note.breakdown) {
    text(`${row.category} ${basisPointsToPercent(row.rateBasisPoints)} %: ${t('taxable')} ${eur(row.taxableCents)} · ${t('vat')} ${eur(row.vatCents)}`, MARGIN);
    y -= LINE;
    if (row.category !== 'S') {
      for (const part of wrap(clean(VAT_NOTES[row.category]), regular, 480)) {
        text(part, MARGIN);
        y -= LINE;
      }
    }
  }
  y -= LINE / 2;
  for (const [label, cents, font] of [[t('totalExcl'), note.totalExclCents, regular], [t('vat'), note.vatCents, regular], [t('totalIncl'), note.totalInclCents, bold]] as const) {
    text(label, 330, { font });
    text(eur(cents), 0, { font, right: PAGE[0] - MARGIN });
    y -= LINE;
  }
  y -= LINE;
  if (credit) {
    // Nothing to pay: the amount is credited against the cancelled note, or refunded if that note was paid.
    text(t(credit.paid ? 'refunded' : 'credited', { number: credit.number, amount: eur(note.totalInclCents) }), MARGIN, { font: bold });
    return doc.save();
  }
  text(t('payBy', { date: date(note.dueOn), amount: eur(note.totalInclCents) }), MARGIN, { font: bold });
  y -= LINE;
  text(`${t('iban')}: ${formatIban(seller.iban)} · BIC ${seller.bic}`, MARGIN);
  y -= LINE;
  text(`${t('communication')}: ${note.structuredCommunication}`, MARGIN);
  return doc.save();
}
