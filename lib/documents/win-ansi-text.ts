import type { PDFFont } from 'pdf-lib';

/**
 * A writer of text for one of pdf-lib's standard fonts, which cover WinAnsi only: other characters degrade to
 * their unaccented form (Łukasz → Lukasz), or '?', never to an error halfway through a document. Line breaks and
 * tabs become spaces, since a drawn line is one line. Shared by every PDF the app draws.
 */
export function encodable(font: PDFFont): (text: string) => string {
  const supported = new Set(font.getCharacterSet());
  return (text) =>
    Array.from(text.replace(/[\r\n\t]+/g, ' '))
      .map((char) => {
        if (supported.has(char.codePointAt(0)!)) return char;
        const plain = char.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
        return plain && Array.from(plain).every((c) => supported.has(c.codePointAt(0)!)) ? plain : '?';
      })
      .join('');
}
