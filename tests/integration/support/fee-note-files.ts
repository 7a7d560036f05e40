import { inflateSync } from 'node:zlib';

// Reading the files a fee note or credit note stored: the PDF's drawn text and a download's bytes.

/** The text a PDF's pages draw: pdf-lib writes deflated content streams with hex strings for the standard fonts. */
export function pdfText(pdf: Uint8Array): string {
  const raw = Buffer.from(pdf).toString('latin1');
  const out: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)endstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(match[1]!, 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    for (const hex of content.matchAll(/<([0-9A-Fa-f]*)> Tj/g)) out.push(Buffer.from(hex[1]!, 'hex').toString('latin1'));
  }
  return out.join('\n');
}
export const bytes = async (body: NodeJS.ReadableStream) => new Uint8Array(Buffer.concat(await (body as unknown as { toArray(): Promise<Buffer[]> }).toArray()));

