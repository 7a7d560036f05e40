import { inflateSync } from 'node:zlib';

// Cheap checks on raw bytes, so an upload that is already acceptable to J-Box is filed as-is
// rather than re-rendered (re-rendering a signed or certified PDF/A would break its signature).

const PDFA_NAMESPACE = 'http://www.aiim.org/pdfa/ns/id/';
const ODT_MIME = 'application/vnd.oasis.opendocument.text';

export type PdfaIdentification = { part: number; conformance: string };

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/** XMP packets stored uncompressed (the usual case) plus Flate-compressed /Type /Metadata streams. */
function xmpPackets(text: string, bytes: Uint8Array): string[] {
  const packets: string[] = [...(text.match(/<x:xmpmeta[\s\S]*?<\/x:xmpmeta>/g) ?? [])];
  const streams = /\/Type\s*\/Metadata[^>]*?\/FlateDecode|\/FlateDecode[^>]*?\/Type\s*\/Metadata/g;
  for (let match = streams.exec(text); match; match = streams.exec(text)) {
    const start = text.indexOf('stream', match.index + match[0].length);
    if (start < 0) continue;
    let dataStart = start + 'stream'.length;
    if (text[dataStart] === '\r') dataStart += 1;
    if (text[dataStart] === '\n') dataStart += 1;
    const end = text.indexOf('endstream', dataStart);
    if (end < 0) continue;
    try {
      const inflated = inflateSync(bytes.subarray(dataStart, end), { finishFlush: 2 }).toString('utf8');
      packets.push(...(inflated.match(/<x:xmpmeta[\s\S]*?<\/x:xmpmeta>/g) ?? []));
    } catch {
      // A damaged stream simply means "not identified"; the converter will re-render the file.
    }
  }
  return packets;
}

function property(packet: string, prefix: string, name: string): string | null {
  const attribute = new RegExp(`${prefix}:${name}\\s*=\\s*["']([^"']*)["']`).exec(packet);
  if (attribute) return attribute[1]!.trim();
  const element = new RegExp(`<${prefix}:${name}>\\s*([^<]*?)\\s*</${prefix}:${name}>`).exec(packet);
  return element ? element[1]!.trim() : null;
}

/** The PDF/A part and conformance the file claims in its XMP metadata, or null when it claims none. */
export function pdfaIdentification(bytes: Uint8Array): PdfaIdentification | null {
  const text = latin1(bytes);
  // Readers accept the header anywhere in the first 1 KB, so we do too.
  const header = text.indexOf('%PDF-');
  if (header < 0 || header > 1024) return null;
  let found: PdfaIdentification | null = null;
  // The last packet wins: an incremental update appends the metadata that replaces the earlier one.
  for (const packet of xmpPackets(text, bytes)) {
    const prefix = new RegExp(`xmlns:([\\w.-]+)\\s*=\\s*["']${PDFA_NAMESPACE}["']`).exec(packet)?.[1] ?? 'pdfaid';
    const part = Number.parseInt(property(packet, prefix, 'part') ?? '', 10);
    if (!Number.isInteger(part) || part < 1) continue;
    found = { part, conformance: (property(packet, prefix, 'conformance') ?? '').toUpperCase() };
  }
  return found;
}

/**
 * The mimetype of an OpenDocument package: the spec requires a stored (uncompressed) first ZIP entry
 * named `mimetype`, which is what makes this check reliable without unzipping.
 */
export function openDocumentMimeType(bytes: Uint8Array): string | null {
  if (bytes.length < 38 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const method = view.getUint16(8, true);
  const size = view.getUint32(18, true);
  const nameLength = view.getUint16(26, true);
  const extraLength = view.getUint16(28, true);
  if (method !== 0 || latin1(bytes.subarray(30, 30 + nameLength)) !== 'mimetype') return null;
  const dataStart = 30 + nameLength + extraLength;
  if (size === 0 || dataStart + size > bytes.length) return null;
  return latin1(bytes.subarray(dataStart, dataStart + size));
}

export function isOdt(bytes: Uint8Array): boolean {
  return openDocumentMimeType(bytes) === ODT_MIME;
}
