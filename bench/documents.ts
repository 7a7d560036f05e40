import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createWorker } from 'tesseract.js';
import { convertToPdfa } from '../lib/documents/pdfa/convert-to-pdfa';
import { detectConversionTools } from '../lib/documents/pdfa/tools';
import { fillPetitionTemplate, PETITION_TEMPLATE_TAGS } from '../lib/documents/petition/fill-petition-template';
import { samplePetitionTemplate } from '../lib/documents/petition/sample-petition-template';
import { readDocumentText } from '../lib/documents/read-document-text';
import { writeScannedDecisionPng, writeTextDecisionPdf } from '../tests/support/decision-letters';

// `npm run bench:documents`: what decision intake and the J-Box packet cost per file on this machine, each
// against its floor, the bare tool doing the same work (pdf text: none; OCR: a warm tesseract worker;
// PDF/A: the gs or soffice command alone). Prints median and p95 in milliseconds and the ratio of medians.

const run = promisify(execFile);
const FACTS = { decisionDate: '2026-11-12', notifiedOn: '2026-11-16', dvzFileNumber: '8123456', clientName: 'Amina El Idrissi' };
type Stats = { median: number; p95: number };

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { median: at(0.5), p95: at(0.95) };
}

async function time(runs: number, work: (i: number) => Promise<unknown>): Promise<Stats> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work(i);
    samples.push(performance.now() - start);
  }
  return stats(samples);
}

const dir = await mkdtemp(path.join(tmpdir(), 'sejour-bench-docs-'));
const textPdf = path.join(dir, 'letter.pdf');
const scan = path.join(dir, 'scan.png');
const docx = path.join(dir, 'petition.docx');
await writeTextDecisionPdf(textPdf, 'nl', FACTS);
await writeScannedDecisionPng(scan, 'fr', FACTS);
await writeFile(docx, fillPetitionTemplate(await samplePetitionTemplate('nl'), Object.fromEntries(PETITION_TEMPLATE_TAGS.map((tag) => [tag, `value of ${tag}`])) as never));

// The bench needs no database, so the tools are resolved here rather than through lib/env.
const tools = await detectConversionTools({ ghostscript: process.env.GHOSTSCRIPT_PATH ?? 'gs', libreoffice: process.env.LIBREOFFICE_PATH ?? 'soffice' });
const rows: { label: string; ours: Stats; floor: Stats | null }[] = [];
rows.push({ label: 'read text PDF', ours: await time(20, () => readDocumentText(textPdf, 'application/pdf')), floor: null });

// Ours starts a worker per upload (memory stays flat between uploads); the floor reuses one warm worker. The
// first read also makes the directory of model links the floor's worker loads from.
const ocrOurs = await time(5, () => readDocumentText(scan, 'image/png'));
const worker = await createWorker(['nld', 'fra', 'eng'], 1, { langPath: path.join(tmpdir(), `sejour-tessdata-${process.pid}`), gzip: true, cacheMethod: 'none' });
const ocrFloor = await time(5, () => worker.recognize(scan));
await worker.terminate();
rows.push({ label: 'OCR one 200 dpi page', ours: ocrOurs, floor: ocrFloor });

const gsArgs = (input: string, output: string) => ['-q', '-dSAFER', '-dBATCH', '-dNOPAUSE', '-sDEVICE=pdfwrite', '-dPDFA=2', '-dPDFACompatibilityPolicy=1', '-sColorConversionStrategy=RGB', `-sOutputFile=${output}`, input];
rows.push({
  label: 'PDF to PDF/A (gs)',
  ours: await time(5, (i) => convertToPdfa({ inputPath: textPdf, mime: 'application/pdf', outputDir: dir, baseName: `pdf-${i}`, tools })),
  floor: await time(5, (i) => run('gs', gsArgs(textPdf, path.join(dir, `floor-pdf-${i}.pdf`)))),
});
rows.push({ label: 'PNG scan to PDF/A (gs)', ours: await time(5, (i) => convertToPdfa({ inputPath: scan, mime: 'image/png', outputDir: dir, baseName: `png-${i}`, tools })), floor: null });
rows.push({
  label: 'DOCX to PDF/A (soffice)',
  ours: await time(3, (i) => convertToPdfa({ inputPath: docx, mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', outputDir: dir, baseName: `docx-${i}`, tools })),
  floor: await time(3, (i) => run('soffice', [`-env:UserInstallation=file://${dir}/lo-${i}`, '--headless', '--convert-to', 'pdf', '--outdir', path.join(dir, `floor-docx-${i}`), docx])),
});

const ms = (value: number) => value.toFixed(0).padStart(6);
console.log('Documents: decision reading and PDF/A conversion, milliseconds, median / p95.');
console.log(`${'work'.padEnd(26)} ${'ours'.padStart(14)}   ${'floor'.padStart(14)}   ratio`);
for (const row of rows) {
  const floor = row.floor ? `${ms(row.floor.median)} /${ms(row.floor.p95)}` : '     (none)    ';
  console.log(`${row.label.padEnd(26)} ${ms(row.ours.median)} /${ms(row.ours.p95)}   ${floor}   ${row.floor ? `${(row.ours.median / row.floor.median).toFixed(2)}x` : '-'}`);
}
await rm(dir, { recursive: true, force: true });
