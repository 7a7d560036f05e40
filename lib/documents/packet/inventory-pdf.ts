import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import { encodable } from '../win-ansi-text';

// The inventory J-Box asks for beside the annexes. Drawn with pdf-lib's standard fonts (no font files to
// ship); convertToPdfa then embeds them, which PDF/A requires. The wording is the legal document itself in
// the language of the procedure, not interface text, so it lives here rather than in the catalogues.

export type InventoryAnnex = { number: number; title: string; fileName: string; pages?: number };

export type BuildInventoryPdfInput = {
  language: 'nl' | 'fr';
  caseReference: string;
  clientName: string;
  decisionLabel: string;
  annexes: InventoryAnnex[];
};

const LABELS = {
  nl: { title: 'Inventaris van de stukken', case: 'Zaak', client: 'Verzoekende partij', decision: 'Bestreden beslissing', number: 'Nr.', annex: 'Stuk', file: 'Bestand', pages: 'Blz.', none: 'Geen stukken.', page: 'Blz.', locale: 'nl-BE' },
  fr: { title: 'Inventaire des pièces', case: 'Dossier', client: 'Partie requérante', decision: 'Décision attaquée', number: 'N°', annex: 'Pièce', file: 'Fichier', pages: 'Pages', none: 'Aucune pièce.', page: 'Page', locale: 'fr-BE' },
} as const;

const PAGE: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const SIZE = 10;
const LINE = 13;
const PADDING = 4;
// number | title | file name | pages, summing to the text width (483 pt)
const COLUMNS = [34, 241, 168, 40];

/** Wraps on spaces, and inside words too, because file names have none. */
function wrap(text: string, font: PDFFont, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/(?<=[\s_-])/)) {
    if (font.widthOfTextAtSize(line + word, SIZE) <= width) {
      line += word;
      continue;
    }
    if (line) lines.push(line.trimEnd());
    line = '';
    for (const char of word) {
      if (line && font.widthOfTextAtSize(line + char, SIZE) > width) {
        lines.push(line);
        line = '';
      }
      line += char;
    }
  }
  if (line.trim() || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}

export async function buildInventoryPdf(input: BuildInventoryPdfInput): Promise<Uint8Array> {
  const labels = LABELS[input.language];
  const doc = await PDFDocument.create();
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const clean = encodable(regular);
  doc.setTitle(`${labels.title} - ${clean(input.caseReference)}`);
  doc.setLanguage(labels.locale);

  let page: PDFPage = doc.addPage(PAGE);
  let y = PAGE[1] - MARGIN;

  const drawCells = (cells: string[][], font: PDFFont) => {
    let x = MARGIN;
    cells.forEach((lines, column) => {
      lines.forEach((text, index) => page.drawText(text, { x: x + PADDING, y: y - PADDING - SIZE - index * LINE, size: SIZE, font }));
      x += COLUMNS[column]!;
    });
    y -= Math.max(...cells.map((lines) => lines.length)) * LINE + 2 * PADDING;
    page.drawLine({ start: { x: MARGIN, y }, end: { x: PAGE[0] - MARGIN, y }, thickness: 0.5, color: rgb(0.6, 0.6, 0.6) });
  };
  const tableHeader = () => drawCells([labels.number, labels.annex, labels.file, labels.pages].map((text) => [text]), bold);

  page.drawText(labels.title, { x: MARGIN, y: y - 16, size: 16, font: bold });
  y -= 40;
  for (const [label, value] of [
    [labels.case, input.caseReference],
    [labels.client, input.clientName],
    [labels.decision, input.decisionLabel],
  ] as const) {
    const lines = wrap(clean(value), regular, COLUMNS[1]! + COLUMNS[2]! + COLUMNS[3]! - PADDING);
    page.drawText(`${label}:`, { x: MARGIN, y, size: SIZE, font: bold });
    lines.forEach((text, index) => page.drawText(text, { x: MARGIN + 130, y: y - index * LINE, size: SIZE, font: regular }));
    y -= lines.length * LINE + 4;
  }
  y -= 12;

  if (input.annexes.length === 0) {
    page.drawText(labels.none, { x: MARGIN, y: y - SIZE, size: SIZE, font: regular });
  } else {
    tableHeader();
  }
  for (const annex of input.annexes) {
    const cells = [
      [String(annex.number)],
      wrap(clean(annex.title), regular, COLUMNS[1]! - 2 * PADDING),
      wrap(clean(annex.fileName), regular, COLUMNS[2]! - 2 * PADDING),
      [annex.pages === undefined ? '' : String(annex.pages)],
    ];
    const height = Math.max(...cells.map((lines) => lines.length)) * LINE + 2 * PADDING;
    if (y - height < MARGIN + 20) {
      page = doc.addPage(PAGE);
      y = PAGE[1] - MARGIN;
      tableHeader();
    }
    drawCells(cells, regular);
  }

  const pages = doc.getPages();
  pages.forEach((each, index) => {
    const text = `${clean(input.caseReference)} - ${labels.page} ${index + 1}/${pages.length}`;
    each.drawText(text, { x: PAGE[0] - MARGIN - regular.widthOfTextAtSize(text, 8), y: MARGIN / 2, size: 8, font: regular, color: rgb(0.4, 0.4, 0.4) });
  });
  return doc.save();
}
