import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createCanvas } from '@napi-rs/canvas';
import PizZip from 'pizzip';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertToPdfa, type ConvertToPdfaInput } from '@/lib/documents/pdfa/convert-to-pdfa';
import { pdfaIdentification } from '@/lib/documents/pdfa/is-pdfa';
import { detectConversionTools, missingToolsError } from '@/lib/documents/pdfa/tools';
import { buildInventoryPdf } from '@/lib/documents/packet/inventory-pdf';
import { fillPetitionTemplate, PETITION_TEMPLATE_TAGS } from '@/lib/documents/petition/fill-petition-template';
import { samplePetitionTemplate } from '@/lib/documents/petition/sample-petition-template';
import type { AppError } from '@/lib/errors';

// Real Ghostscript and LibreOffice, as on the Debian server. Tools are passed explicitly so the test
// neither depends on nor changes the process environment.

const run = promisify(execFile);
const TOOLS = { ghostscript: 'gs', libreoffice: 'soffice' };
let dir: string;

async function write(name: string, bytes: Uint8Array): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, bytes);
  return file;
}

function convert(inputPath: string, mime: string, extra: Partial<ConvertToPdfaInput> = {}) {
  return convertToPdfa({ inputPath, mime, outputDir: dir, baseName: `out-${path.basename(inputPath)}`, tools: TOOLS, ...extra });
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected the conversion to fail');
}

async function expectPdfa2b(file: string): Promise<Uint8Array> {
  const bytes = new Uint8Array(await readFile(file));
  expect(pdfaIdentification(bytes)).toEqual({ part: 2, conformance: 'B' });
  expect(Buffer.from(bytes).includes('/OutputIntents')).toBe(true);
  return bytes;
}

async function pdfText(file: string): Promise<string> {
  const { stdout } = await run('gs', ['-q', '-dSAFER', '-dBATCH', '-dNOPAUSE', '-sDEVICE=txtwrite', '-sOutputFile=-', file]);
  return stdout;
}

let plainPdf: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'sejour-pdfa-test-'));
  const doc = await PDFDocument.create();
  doc.addPage([300, 200]).drawText('Bijlage 13septies', { x: 20, y: 100, size: 18, font: await doc.embedFont(StandardFonts.Helvetica) });
  plainPdf = await write('plain.pdf', await doc.save());
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('PDF/A conversion with Ghostscript', () => {
  it('converts a plain PDF to PDF/A-2b and passes an existing PDF/A through untouched', async () => {
    const result = await convert(plainPdf, 'application/pdf');
    expect(result).toMatchObject({ converted: true, tool: 'ghostscript', format: 'PDF/A-2b', fileName: 'out-plain.pdf.pdf' });
    const bytes = await expectPdfa2b(result.path);
    expect(await pdfText(result.path)).toContain('Bijlage 13septies');

    const again = await convert(result.path, 'application/pdf', { baseName: 'again' });
    expect(again).toMatchObject({ converted: false, tool: null, format: 'PDF/A', fileName: 'again.pdf' });
    expect(new Uint8Array(await readFile(again.path))).toEqual(bytes);
  });

  it.each([
    ['png16m', 'png', 'image/png'],
    ['jpeg', 'jpg', 'image/jpeg'],
  ])('turns a %s image into a one-page PDF/A-2b', async (device, ext, mime) => {
    const image = path.join(dir, `scan.${ext}`);
    await run('gs', ['-q', '-dSAFER', '-dBATCH', '-dNOPAUSE', `-sDEVICE=${device}`, '-r72', `-sOutputFile=${image}`, plainPdf]);
    const result = await convert(image, mime);
    expect(result).toMatchObject({ converted: true, tool: 'ghostscript', format: 'PDF/A-2b' });
    const pdf = await PDFDocument.load(await expectPdfa2b(result.path));
    // 300x200 pt source is landscape, so the A4 page is too
    expect(pdf.getPages().map((page) => page.getSize().width > page.getSize().height)).toEqual([true]);
  });

  it('turns a WebP photo into PDF/A-2b', async () => {
    const canvas = createCanvas(120, 160);
    canvas.getContext('2d').fillRect(10, 10, 50, 50);
    const result = await convert(await write('photo.webp', new Uint8Array(await canvas.encode('webp'))), 'image/webp');
    expect(result.format).toBe('PDF/A-2b');
    await expectPdfa2b(result.path);
  });

  it('converts a multi-page inventory', async () => {
    const annexes = Array.from({ length: 70 }, (_, i) => ({ number: i + 1, title: `Attestation de résidence ${i + 1} — Œuvre`, fileName: `${String(i + 4).padStart(2, '0')}_piece_${i + 1}_attestation.pdf`, pages: 2 }));
    const source = await write('inventory.pdf', await buildInventoryPdf({ language: 'fr', caseReference: 'SEJ-2025-0042', clientName: 'Amina Diallo', decisionLabel: 'Refus de séjour (annexe 20) du 2 mai 2025', annexes }));
    expect((await PDFDocument.load(await readFile(source))).getPageCount()).toBeGreaterThan(1);
    const result = await convert(source, 'application/pdf');
    await expectPdfa2b(result.path);
    const text = await pdfText(result.path);
    expect(text).toContain('Inventaire des pièces');
    expect(text).toContain('Refus de séjour');
  });

  it('kills a conversion that runs past its time limit', async () => {
    const error = await refusal(convert(plainPdf, 'application/pdf', { timeoutMs: 1 }));
    expect(error.userMessage).toBe('appeals.convert.failed');
    expect(error.details).toMatchObject({ reason: 'timeout' });
  });
});

describe('PDF/A conversion with LibreOffice', () => {
  it('converts the filled sample petition (DOCX) to PDF/A-2b', async () => {
    const values = Object.fromEntries(PETITION_TEMPLATE_TAGS.map((tag) => [tag, tag])) as Record<(typeof PETITION_TEMPLATE_TAGS)[number], string>;
    const docx = fillPetitionTemplate(await samplePetitionTemplate('nl'), { ...values, clientName: 'Amina Diallo' });
    const started = Date.now();
    const result = await convert(await write('petition', docx), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    console.info(`DOCX -> PDF/A via LibreOffice: ${Date.now() - started} ms`);
    expect(result).toMatchObject({ converted: true, tool: 'libreoffice', format: 'PDF/A-2b' });
    await expectPdfa2b(result.path);
    expect(await pdfText(result.path)).toContain('Amina Diallo');
  });

  it('passes an ODT through unchanged', async () => {
    const zip = new PizZip();
    zip.file('mimetype', 'application/vnd.oasis.opendocument.text', { compression: 'STORE' });
    zip.file('content.xml', '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>');
    const bytes = zip.generate({ type: 'uint8array', compression: 'DEFLATE' });
    const result = await convert(await write('petition-odt', bytes), 'application/octet-stream', { tools: { ghostscript: null, libreoffice: null } });
    expect(result).toMatchObject({ converted: false, tool: null, format: 'ODT', fileName: 'out-petition-odt.odt' });
    expect(new Uint8Array(await readFile(result.path))).toEqual(bytes);
  });
});

describe('missing tools', () => {
  it('detects which configured tools do not run', async () => {
    expect(await detectConversionTools({ ghostscript: '/nonexistent/gs', libreoffice: 'gs' })).toEqual({ ghostscript: null, libreoffice: 'gs' });
    expect(await detectConversionTools(TOOLS)).toEqual(TOOLS);
  });

  it('names the Debian package to install', async () => {
    for (const ghostscript of [null, '/nonexistent/gs']) {
      const error = await refusal(convert(plainPdf, 'application/pdf', { tools: { ghostscript, libreoffice: 'soffice' } }));
      expect(error).toMatchObject({ code: 'UNAVAILABLE', userMessage: 'appeals.convert.missingGhostscript' });
      expect(error.message).toContain('apt-get install ghostscript');
    }
    const docx = await write('letter.docx', await samplePetitionTemplate('fr'));
    const error = await refusal(convert(docx, 'application/msword', { tools: { ghostscript: 'gs', libreoffice: null } }));
    expect(error).toMatchObject({ code: 'UNAVAILABLE', userMessage: 'appeals.convert.missingLibreOffice' });
    expect(error.message).toContain('libreoffice-writer-nogui');
    expect(missingToolsError('both').userMessage).toBe('appeals.convert.missingTools');
  });

  it('refuses a type neither tool can read', async () => {
    const error = await refusal(convert(await write('photo.heic', new Uint8Array([0, 0, 0, 24, 0x66, 0x74, 0x79, 0x70, 0x68, 0x65, 0x69, 0x63])), 'image/heic'));
    expect(error).toMatchObject({ code: 'VALIDATION', userMessage: 'appeals.convert.unsupported' });
  });
});
