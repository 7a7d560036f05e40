import PizZip from 'pizzip';
import { PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { isOdt, openDocumentMimeType, pdfaIdentification } from '@/lib/documents/pdfa/is-pdfa';

const ATTRIBUTE_XMP = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/" pdfaid:part='2' pdfaid:conformance='B'/></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
const ELEMENT_XMP = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:id="http://www.aiim.org/pdfa/ns/id/">
  <id:part>3</id:part>
  <id:conformance>u</id:conformance>
</rdf:Description></rdf:RDF></x:xmpmeta>`;

async function pdfWithMetadata(xmp: string | null, compressed = false): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage();
  if (xmp !== null) {
    const dict = { Type: 'Metadata', Subtype: 'XML' };
    const stream = compressed ? doc.context.flateStream(xmp, dict) : doc.context.stream(xmp, dict);
    doc.catalog.set(PDFName.of('Metadata'), doc.context.register(stream));
  }
  return doc.save({ useObjectStreams: false });
}

describe('PDF/A identification', () => {
  it('reads the attribute form that Ghostscript writes', async () => {
    expect(pdfaIdentification(await pdfWithMetadata(ATTRIBUTE_XMP))).toEqual({ part: 2, conformance: 'B' });
  });

  it('reads the element form, whatever prefix the namespace is bound to', async () => {
    expect(pdfaIdentification(await pdfWithMetadata(ELEMENT_XMP))).toEqual({ part: 3, conformance: 'U' });
  });

  it('reads metadata in a Flate-compressed stream', async () => {
    expect(pdfaIdentification(await pdfWithMetadata(ATTRIBUTE_XMP, true))).toEqual({ part: 2, conformance: 'B' });
  });

  it('returns null for a plain PDF, XMP without pdfaid, and non-PDF bytes', async () => {
    expect(pdfaIdentification(await pdfWithMetadata(null))).toBeNull();
    expect(pdfaIdentification(await pdfWithMetadata('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF/></x:xmpmeta>'))).toBeNull();
    expect(pdfaIdentification(new TextEncoder().encode(ATTRIBUTE_XMP))).toBeNull();
  });
});

function odf(mimetype: string, { first = true, store = true } = {}): Uint8Array {
  const zip = new PizZip();
  if (!first) zip.file('content.xml', '<office:document-content/>');
  zip.file('mimetype', mimetype, { compression: store ? 'STORE' : 'DEFLATE' });
  zip.file('META-INF/manifest.xml', '<manifest:manifest/>');
  if (first) zip.file('content.xml', '<office:document-content/>');
  return zip.generate({ type: 'uint8array', compression: 'DEFLATE' });
}

describe('ODT detection', () => {
  it('accepts a package whose first, stored entry declares a text document', () => {
    expect(isOdt(odf('application/vnd.oasis.opendocument.text'))).toBe(true);
  });

  it('rejects other OpenDocument types, misplaced or compressed mimetypes, and DOCX', () => {
    expect(isOdt(odf('application/vnd.oasis.opendocument.spreadsheet'))).toBe(false);
    expect(openDocumentMimeType(odf('application/vnd.oasis.opendocument.spreadsheet'))).toBe('application/vnd.oasis.opendocument.spreadsheet');
    expect(isOdt(odf('application/vnd.oasis.opendocument.text', { first: false }))).toBe(false);
    expect(isOdt(odf('application/vnd.oasis.opendocument.text', { store: false }))).toBe(false);
    const docx = new PizZip();
    docx.file('[Content_Types].xml', '<Types/>');
    expect(isOdt(docx.generate({ type: 'uint8array' }))).toBe(false);
    expect(isOdt(new Uint8Array([0x50, 0x4b]))).toBe(false);
  });
});
