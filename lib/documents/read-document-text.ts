import { readFile } from 'node:fs/promises';
import { AppError } from '@/lib/errors';
import { recognise } from './ocr';

// A scan's PDF has no text layer, or only a few stray characters from a stamp; below this per page it is OCRed.
const MIN_TEXT_PER_PAGE = 40;
// A decision is a few pages; a 200-page annex sent by mistake must not hold the server for minutes.
const MAX_OCR_PAGES = 5;
// 2.8 x 72 dpi ≈ 200 dpi: tesseract's sweet spot for letter-size print.
const RENDER_SCALE = 2.8;

const refusal = (userMessage: string, message: string) => new AppError('VALIDATION', { message, userMessage });

async function openPdf(bytes: Uint8Array) {
  const { getDocumentProxy } = await import('unpdf');
  try {
    return await getDocumentProxy(bytes);
  } catch (error) {
    if ((error as { name?: string }).name === 'PasswordException') throw refusal('decisions.read.passwordProtected', 'password-protected PDF');
    throw refusal('decisions.read.corrupt', `unreadable PDF: ${(error as Error).message}`);
  }
}

async function readPdf(bytes: Uint8Array): Promise<{ text: string; method: 'TEXT' | 'OCR'; pages: number }> {
  const { extractText, renderPageAsImage } = await import('unpdf');
  const pdf = await openPdf(bytes);
  try {
    const { totalPages, text } = await extractText(pdf, { mergePages: true }).catch((error: Error) => {
      throw refusal('decisions.read.corrupt', `PDF text: ${error.message}`);
    });
    if (text.replace(/\s/g, '').length >= MIN_TEXT_PER_PAGE * Math.max(totalPages, 1)) return { text, method: 'TEXT', pages: totalPages };
    const images: Uint8Array[] = [];
    for (let page = 1; page <= Math.min(totalPages, MAX_OCR_PAGES); page++) {
      images.push(new Uint8Array(await renderPageAsImage(pdf, page, { canvasImport: () => import('@napi-rs/canvas'), scale: RENDER_SCALE })));
    }
    return { text: (await recognise(images)).join('\n\f\n'), method: 'OCR', pages: totalPages };
  } finally {
    // Frees the parsed document; the loading task owns the worker-side state.
    await pdf.loadingTask.destroy();
  }
}

/**
 * The text of an uploaded decision: a PDF's text layer when it has one, OCR for scans and photos. Refusals are
 * VALIDATION errors with a message for the advisor (password, corrupt file, a type OCR cannot read, no text).
 */
export async function readDocumentText(filePath: string, mimeType: string): Promise<{ text: string; method: 'TEXT' | 'OCR'; pages: number }> {
  const bytes = new Uint8Array(await readFile(filePath));
  let result: { text: string; method: 'TEXT' | 'OCR'; pages: number };
  if (mimeType === 'application/pdf') result = await readPdf(bytes);
  else if (mimeType === 'image/png' || mimeType === 'image/jpeg') result = { text: (await recognise([bytes]))[0] ?? '', method: 'OCR', pages: 1 };
  else throw refusal('decisions.read.unsupportedType', `cannot read ${mimeType}`);
  if (result.text.replace(/\s/g, '').length < MIN_TEXT_PER_PAGE) throw refusal('decisions.read.noText', 'no readable text');
  return result;
}
