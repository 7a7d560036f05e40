import { spawn } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import { AppError } from '@/lib/errors';
import { isOdt, openDocumentMimeType, pdfaIdentification } from './is-pdfa';
import { detectConversionTools, findSrgbProfile, missingToolsError, type ConversionTools } from './tools';

// Turns one upload into a file J-Box accepts: PDF/A-2b, or an untouched ODT / existing PDF/A.
// Measured on the dev container (gs 10.00, LibreOffice 7.4, tests/integration/pdfa-conversion.test.ts):
//   one-page PDF through Ghostscript          ~0.2 s (~0.45 s on the first call, which also finds the ICC profile)
//   PNG/JPEG/WebP via pdf-lib then Ghostscript ~0.3 s; a 3-page inventory ~0.4 s
//   DOCX petition through LibreOffice         ~4 s, nearly all soffice start-up: a reused profile saves ~0.2 s,
//                                             so the per-call profile below costs little

export type ConvertToPdfaInput = {
  inputPath: string;
  mime: string;
  outputDir: string;
  /** file name without extension; `.pdf` or `.odt` is added */
  baseName: string;
  /** tests pass resolved commands (null = missing) instead of changing the environment */
  tools?: Partial<ConversionTools>;
  timeoutMs?: number;
};

export type ConvertToPdfaResult = {
  path: string;
  fileName: string;
  converted: boolean;
  tool: 'ghostscript' | 'libreoffice' | null;
  format: 'PDF/A-2b' | 'ODT' | 'PDF/A';
};

type Tool = 'ghostscript' | 'libreoffice';

const DEFAULT_TIMEOUT_MS = 60_000;
const A4: [number, number] = [595.28, 841.89];
const IMAGE_MARGIN = 18;

// LibreOffice picks its import filter from the extension, and stored uploads have none. Only Writer
// formats: Debian's libreoffice-writer-nogui has no Draw, so images never go through LibreOffice.
const LIBREOFFICE_INPUTS: Record<string, string> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/msword': 'doc',
  'application/rtf': 'rtf',
  'text/rtf': 'rtf',
  'text/plain': 'txt',
  // a flat or damaged ODT; a real one passes through untouched
  'application/vnd.oasis.opendocument.text': 'odt',
};

function conversionFailed(reason: string, details: Record<string, unknown> = {}): AppError {
  return new AppError('INTERNAL', { message: `PDF/A conversion failed: ${reason}`, userMessage: 'appeals.convert.failed', details: { reason, ...details } });
}

/** Runs a converter in its own process group so a timeout also kills soffice.bin, not just the wrapper script. */
function runTool(tool: Tool, command: string, args: string[], deadline: number, cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-4000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, Math.max(0, deadline - Date.now()));
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(error.code === 'ENOENT' || error.code === 'EACCES' ? missingToolsError(tool) : conversionFailed(error.message, { tool }));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) reject(conversionFailed('timeout', { tool }));
      else if (code !== 0) reject(conversionFailed(`${tool} exited with ${code ?? signal}`, { tool, output }));
      else resolve();
    });
  });
}

function postScriptString(value: string): string {
  return `(${value.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

// Ghostscript's sample PDFA_def.ps silently writes a non-PDF/A file when it cannot read the profile;
// ours fails instead, and states /N 3 because we always convert to RGB.
function pdfaDefinition(iccPath: string): string {
  return [
    '%!',
    `/ICCProfile ${postScriptString(iccPath)} def`,
    '[/_objdef {icc_PDFA} /type /stream /OBJ pdfmark',
    '[{icc_PDFA} << /N 3 >> /PUT pdfmark',
    '[{icc_PDFA} ICCProfile (r) file /PUT pdfmark',
    '[/_objdef {OutputIntent_PDFA} /type /dict /OBJ pdfmark',
    '[{OutputIntent_PDFA} << /Type /OutputIntent /S /GTS_PDFA1 /DestOutputProfile {icc_PDFA} /OutputConditionIdentifier (sRGB) >> /PUT pdfmark',
    '[{Catalog} << /OutputIntents [ {OutputIntent_PDFA} ] >> /PUT pdfmark',
    '',
  ].join('\n');
}

async function ghostscriptToPdfa(gs: string, input: string, output: string, workDir: string, deadline: number): Promise<void> {
  const icc = await findSrgbProfile(gs);
  if (!icc) throw conversionFailed('no sRGB ICC profile found beside Ghostscript', { tool: 'ghostscript' });
  const definition = path.join(workDir, 'PDFA_def.ps');
  await writeFile(definition, pdfaDefinition(icc));
  const args = ['-dPDFA=2', '-dPDFACompatibilityPolicy=1', '-sColorConversionStrategy=RGB', '-sDEVICE=pdfwrite', '-dNOPAUSE', '-dBATCH', '-dSAFER', '-q'];
  // -dSAFER only lets gs read the files named on the command line; the profile is opened from PostScript.
  args.push(`--permit-file-read=${icc}`, `-sOutputFile=${output}`, definition, input);
  await runTool('ghostscript', gs, args, deadline, workDir);
}

async function libreOfficeToPdf(soffice: string, input: string, workDir: string, deadline: number): Promise<string> {
  const outDir = path.join(workDir, 'out');
  const args = [
    // A profile per call: soffice runs sharing a profile hand their work to the first instance and clash.
    `-env:UserInstallation=${pathToFileURL(path.join(workDir, 'profile')).href}`,
    '--headless',
    '--norestore',
    '--nolockcheck',
    ...(input.endsWith('.txt') ? ['--infilter=Text (encoded):UTF8'] : []),
    '--convert-to',
    `pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}`,
    '--outdir',
    outDir,
    input,
  ];
  await runTool('libreoffice', soffice, args, deadline, workDir);
  // soffice exits 0 when it cannot load the source; the missing output is the only sign.
  const output = path.join(outDir, `${path.basename(input, path.extname(input))}.pdf`);
  await readFile(output).catch(() => {
    throw conversionFailed('LibreOffice produced no PDF', { tool: 'libreoffice' });
  });
  return output;
}

async function imageToPdf(bytes: Uint8Array, kind: ImageKind): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const image = kind === 'jpeg' ? await doc.embedJpg(bytes) : await doc.embedPng(kind === 'webp' ? await webpToPng(bytes) : bytes);
  // Landscape photos of a decision get a landscape page rather than a thumbnail on a portrait one.
  const [width, height] = image.width > image.height ? [A4[1], A4[0]] : A4;
  const scale = Math.min((width - 2 * IMAGE_MARGIN) / image.width, (height - 2 * IMAGE_MARGIN) / image.height);
  const drawn = { width: image.width * scale, height: image.height * scale };
  doc.addPage([width, height]).drawImage(image, { x: (width - drawn.width) / 2, y: (height - drawn.height) / 2, ...drawn });
  return doc.save();
}

type ImageKind = 'jpeg' | 'png' | 'webp';

function imageKind(bytes: Uint8Array, mime: string): ImageKind | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png';
  const riff = Buffer.from(bytes.subarray(0, 12)).toString('latin1');
  if (riff.startsWith('RIFF') && riff.endsWith('WEBP')) return 'webp';
  return mime === 'image/jpeg' ? 'jpeg' : mime === 'image/png' ? 'png' : mime === 'image/webp' ? 'webp' : null;
}

/** pdf-lib embeds only JPEG and PNG; phones send WebP, which the canvas we already ship can decode. */
async function webpToPng(bytes: Uint8Array): Promise<Uint8Array> {
  const { createCanvas, loadImage } = await import('@napi-rs/canvas');
  const image = await loadImage(Buffer.from(bytes));
  const canvas = createCanvas(image.width, image.height);
  canvas.getContext('2d').drawImage(image, 0, 0);
  return new Uint8Array(await canvas.encode('png'));
}

function isPdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-');
}

async function resolveTool(tool: Tool, override: Partial<ConversionTools> | undefined): Promise<string> {
  const command = override && tool in override ? override[tool] : (await detectConversionTools())[tool];
  if (!command) throw missingToolsError(tool);
  return command;
}

export async function convertToPdfa(input: ConvertToPdfaInput): Promise<ConvertToPdfaResult> {
  const bytes = new Uint8Array(await readFile(input.inputPath));
  const deadline = Date.now() + (input.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const target = (ext: string) => ({ path: path.join(input.outputDir, `${input.baseName}${ext}`), fileName: `${input.baseName}${ext}` });

  if (isOdt(bytes)) {
    const out = target('.odt');
    await copyFile(input.inputPath, out.path);
    return { ...out, converted: false, tool: null, format: 'ODT' };
  }
  const pdf = isPdf(bytes);
  if (pdf && pdfaIdentification(bytes)) {
    const out = target('.pdf');
    await copyFile(input.inputPath, out.path);
    return { ...out, converted: false, tool: null, format: 'PDF/A' };
  }

  const image = pdf ? null : imageKind(bytes, input.mime);
  const office = pdf || image ? undefined : LIBREOFFICE_INPUTS[openDocumentMimeType(bytes) ?? input.mime];
  // HEIC and non-text OpenDocument files land here too: the Debian packages we rely on cannot read them.
  if (!pdf && !image && !office) {
    throw new AppError('VALIDATION', { message: `cannot convert ${input.mime} to PDF/A`, userMessage: 'appeals.convert.unsupported', details: { mime: input.mime } });
  }
  const tool: Tool = office ? 'libreoffice' : 'ghostscript';
  const command = await resolveTool(tool, input.tools);

  const workDir = await mkdtemp(path.join(os.tmpdir(), 'sejour-pdfa-'));
  try {
    const converted = path.join(workDir, 'converted.pdf');
    let produced = converted;
    if (office) {
      const source = path.join(workDir, `input.${office}`);
      await copyFile(input.inputPath, source);
      produced = await libreOfficeToPdf(command, source, workDir, deadline);
    } else {
      let source = input.inputPath;
      if (image) {
        source = path.join(workDir, 'image.pdf');
        const pdfBytes = await imageToPdf(bytes, image).catch((error: Error) => {
          throw conversionFailed(`unreadable ${image}: ${error.message}`, { tool });
        });
        await writeFile(source, pdfBytes);
      }
      await ghostscriptToPdfa(command, source, converted, workDir, deadline);
    }
    const identified = pdfaIdentification(new Uint8Array(await readFile(produced)));
    if (identified?.part !== 2) throw conversionFailed('output is not identified as PDF/A-2', { tool, identified });
    const out = target('.pdf');
    await copyFile(produced, out.path);
    return { ...out, converted: true, tool, format: 'PDF/A-2b' };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
