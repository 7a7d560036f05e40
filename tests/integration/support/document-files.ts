import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { ZipArchive } from 'archiver';
import { unique } from './fixtures';

// Small real files for the upload tests, each with a unique marker so no two calls give the same SHA-256
// (the duplicate check would flag them otherwise). file-type 21 recognises every one of them by its bytes.

const text = (value: string) => new TextEncoder().encode(value);
const concat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export const pdf = (label = unique()) => text(`%PDF-1.4\n% ${label}\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n`);

const ONE_PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
/** A 1x1 PNG; readers stop at IEND, so the marker after it is harmless. */
export const png = () => concat(ONE_PIXEL_PNG, text(unique()));

/** SOI, a JFIF APP0 segment, a comment with the marker, EOI. */
export function jpeg() {
  const comment = text(unique());
  const length = Buffer.alloc(2);
  length.writeUInt16BE(comment.length + 2);
  const jfif = [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];
  return concat(Buffer.from(jfif), Buffer.from([0xff, 0xfe]), length, comment, Buffer.from([0xff, 0xd9]));
}

/** A RIFF container of form WEBP with one (empty) VP8 chunk. */
export function webp() {
  const marker = text(unique().padEnd(10, '0').slice(0, 10));
  const chunk = concat(text('VP8 '), Buffer.from([marker.length, 0, 0, 0]), marker);
  const header = Buffer.alloc(12);
  header.write('RIFF', 0);
  header.writeUInt32LE(4 + chunk.length, 4);
  header.write('WEBP', 8);
  return concat(header, chunk);
}

/** An ISO-BMFF file whose ftyp box names the HEIC brand, as an iPhone photo starts. */
export function heic() {
  const ftyp = Buffer.alloc(24);
  ftyp.writeUInt32BE(24, 0);
  ftyp.write('ftypheic', 4);
  ftyp.write('mif1heic', 16);
  return concat(ftyp, text(unique().padEnd(64, ' ')));
}

type ZipEntry = { name: string; content: string; store?: boolean };

export async function zip(entries: ZipEntry[]): Promise<Uint8Array> {
  const archive = new ZipArchive({ zlib: { level: 6 } });
  const chunks: Buffer[] = [];
  archive.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => archive.on('end', resolve).on('error', reject));
  for (const entry of entries) archive.append(Buffer.from(entry.content), { name: entry.name, store: entry.store ?? false });
  await archive.finalize();
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
}

export const docx = () =>
  zip([
    {
      name: '[Content_Types].xml',
      content:
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    },
    { name: 'word/document.xml', content: `<w:document><w:body><w:p><w:r><w:t>${unique()}</w:t></w:r></w:p></w:body></w:document>` },
  ]);

/** OpenDocument: the first entry is `mimetype`, stored uncompressed, as the spec requires. */
export const odt = () =>
  zip([
    { name: 'mimetype', content: 'application/vnd.oasis.opendocument.text', store: true },
    { name: 'content.xml', content: `<office:document-content>${unique()}</office:document-content>` },
  ]);

export const plainZip = () => zip([{ name: 'papers/passport.txt', content: unique() }]);

/** DOS stub with e_lfanew pointing at a PE signature for i386. */
export function windowsExe() {
  const bytes = Buffer.alloc(256);
  bytes.write('MZ', 0);
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write('PE\0\0', 0x80, 'latin1');
  bytes.writeUInt16LE(0x14c, 0x84);
  return new Uint8Array(bytes);
}

/** A 64-bit little-endian ELF header for an x86-64 executable. */
export function elfBinary() {
  const bytes = Buffer.alloc(64);
  Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]).copy(bytes);
  bytes.writeUInt16LE(2, 16);
  bytes.writeUInt16LE(0x3e, 18);
  return new Uint8Array(bytes);
}

/** Every file below `dir` (relative paths, sorted), or none when it does not exist. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}
