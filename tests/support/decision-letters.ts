import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument, StandardFonts } from 'pdf-lib';

// Real-shaped decision letters of the Immigration Office (DVZ/OE) for the tests: a text PDF as the Office's
// system prints it, and the same letter photographed or scanned (rendered by Ghostscript to a greyscale image),
// plus the broken files a client sends. Shared by unit, integration and Playwright tests.

const run = promisify(execFile);

export type LetterFacts = { decisionDate: string; notifiedOn: string; dvzFileNumber: string; clientName: string };

const MONTHS = {
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
};
const written = (lang: 'nl' | 'fr', date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[lang][m - 1]} ${y}`;
};

/** The letter's lines: header, Annex 20 refusal, grounds, notification formula and the appeal clause. */
export function decisionLetterLines(lang: 'nl' | 'fr', facts: LetterFacts): string[] {
  if (lang === 'nl') {
    return [
      'Federale Overheidsdienst Binnenlandse Zaken',
      'Dienst Vreemdelingenzaken',
      '',
      'BIJLAGE 20',
      `Dossiernummer: ${facts.dvzFileNumber}`,
      '',
      'BESLISSING TOT WEIGERING VAN VERBLIJF VAN MEER DAN DRIE MAANDEN',
      '',
      `De aanvraag van verblijf van meer dan drie maanden, ingediend door ${facts.clientName},`,
      'wordt geweigerd om de volgende reden: de betrokkene toont niet aan dat hij over',
      'voldoende bestaansmiddelen beschikt (artikel 40ter van de wet van 15 december 1980).',
      '',
      `Brussel, ${written('nl', facts.decisionDate)}`,
      'Voor de Staatssecretaris voor Asiel en Migratie, de attaché',
      '',
      `Deze beslissing werd aan betrokkene ter kennis gebracht op ${written('nl', facts.notifiedOn)} in persoon.`,
      '',
      'Tegen deze beslissing kan een beroep tot nietigverklaring worden ingediend bij de',
      'Raad voor Vreemdelingenbetwistingen binnen de dertig (30) dagen na de kennisgeving.',
    ];
  }
  return [
    'Service public fédéral Intérieur',
    'Office des Étrangers',
    '',
    'ANNEXE 20',
    `N° OE : ${facts.dvzFileNumber}`,
    '',
    'DÉCISION DE REFUS DE SÉJOUR DE PLUS DE TROIS MOIS',
    '',
    `La demande de séjour de plus de trois mois introduite par ${facts.clientName}`,
    "est refusée pour le motif suivant : l'intéressé ne démontre pas disposer de moyens",
    'de subsistance suffisants (article 40ter de la loi du 15 décembre 1980).',
    '',
    `Bruxelles, le ${written('fr', facts.decisionDate)}`,
    "Pour la Secrétaire d'État à l'Asile et la Migration, l'attaché",
    '',
    `La présente décision a été notifiée à l'intéressé le ${written('fr', facts.notifiedOn)} en mains propres.`,
    '',
    'Un recours en annulation peut être introduit contre cette décision auprès du',
    'Conseil du Contentieux des Étrangers dans les trente (30) jours de sa notification.',
  ];
}

async function linesPdf(lines: string[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  lines.forEach((line, index) => page.drawText(line, { x: 56, y: 780 - index * 18, size: 11, font }));
  return pdf.save();
}

export async function writeTextDecisionPdf(file: string, lang: 'nl' | 'fr', facts: LetterFacts) {
  await writeFile(file, await linesPdf(decisionLetterLines(lang, facts)));
}

/** The letter as a phone scan: the printed page rendered at 200 dpi in greyscale, no text layer. */
export async function writeScannedDecisionPng(file: string, lang: 'nl' | 'fr', facts: LetterFacts) {
  const dir = await mkdtemp(path.join(tmpdir(), 'sejour-letter-'));
  try {
    const source = path.join(dir, 'letter.pdf');
    await writeTextDecisionPdf(source, lang, facts);
    await run('gs', ['-q', '-dSAFER', '-dNOPAUSE', '-dBATCH', '-sDEVICE=pnggray', '-r200', '-dFirstPage=1', '-dLastPage=1', `-sOutputFile=${file}`, source]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A scanner's PDF: the page image only, so the reader must fall back to OCR. */
export async function writeScannedDecisionPdf(file: string, lang: 'nl' | 'fr', facts: LetterFacts) {
  const png = `${file}.png`;
  await writeScannedDecisionPng(png, lang, facts);
  const pdf = await PDFDocument.create();
  const image = await pdf.embedPng(await readFile(png));
  const page = pdf.addPage([595, 842]);
  page.drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
  await writeFile(file, await pdf.save());
  await rm(png, { force: true });
}

/** A letter that gives no date at all (a cover note). */
export async function writeLetterWithoutDates(file: string) {
  await writeFile(file, await linesPdf(['Dienst Vreemdelingenzaken', '', 'Geachte heer, mevrouw,', '', 'In bijlage vindt u de gevraagde documenten terug.', 'Met de meeste hoogachting,', 'De dienst']));
}

/** A PDF header with garbage after it: what a cut-off e-mail attachment looks like. */
export async function writeCorruptPdf(file: string) {
  await writeFile(file, Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R'), Buffer.alloc(4096, 0x2a), Buffer.from('\n%%EOF\n')]));
}

/** A letter saved with an opening password, as some Office exports are. */
export async function writeEncryptedPdf(file: string) {
  const plain = `${file}.plain.pdf`;
  await writeFile(plain, await linesPdf(['Dienst Vreemdelingenzaken', 'BIJLAGE 20']));
  await run('gs', ['-q', '-dSAFER', '-dNOPAUSE', '-dBATCH', '-sDEVICE=pdfwrite', '-sOwnerPassword=owner', '-sUserPassword=secret', `-sOutputFile=${file}`, plain]);
  await rm(plain, { force: true });
}
