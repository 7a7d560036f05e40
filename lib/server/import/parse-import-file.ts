import Papa from 'papaparse';
import { AppError } from '@/lib/errors';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, type ImportSource } from './import-fields';

// Spreadsheets arrive as Excel wrote them: Belgian Excel saves "CSV" with semicolons, in UTF-8 with a BOM when
// asked for "CSV UTF-8" and in Windows-1252 otherwise. Bytes that are not valid UTF-8 can only be the latter
// (every byte is a Windows-1252 character), so that is the fallback rather than a guess among many encodings.

function fileError(code: string, params: Record<string, number> = {}): AppError {
  return new AppError('VALIDATION', { message: `import file: ${code}`, userMessage: `importer.file.${code}`, details: { params } });
}

// Windows-1252 differs from Latin-1 in 0x80-0x9F (€, ‚, ƒ, „, …, Œ, ‘, ’, “, ”, –, —, ™, š, ž...). Some Node
// versions decode "windows-1252" as Latin-1 there, so those bytes are mapped here whatever the runtime does.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

export function decodeImportBytes(bytes: Uint8Array): { text: string; encoding: ImportSource['encoding'] } {
  try {
    // The UTF-8 decoder drops a leading BOM by itself.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    const text = new TextDecoder('windows-1252').decode(bytes).replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
    return { text, encoding: 'windows-1252' };
  }
}

/** The header row and the data rows of an uploaded CSV, cells trimmed, blank lines dropped. */
export function parseImportFile(bytes: Uint8Array): ImportSource {
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw fileError('tooLarge', { megabytes: MAX_IMPORT_BYTES / 1024 / 1024 });
  const { text, encoding } = decodeImportBytes(bytes);
  if (text.trim() === '') throw fileError('empty');
  // An empty delimiter asks papaparse to detect it from the first rows (",", ";", tab, "|").
  const parsed = Papa.parse<string[]>(text, { delimiter: '', skipEmptyLines: 'greedy' });
  const broken = parsed.errors.find((error) => error.type === 'Quotes');
  if (broken) throw fileError('malformed', { row: (broken.row ?? 0) + 1 });
  const [header, ...rows] = parsed.data.map((row) => row.map((cell) => cell.trim()));
  if (!header || header.every((cell) => cell === '')) throw fileError('empty');
  if (rows.length === 0) throw fileError('noRows');
  if (rows.length > MAX_IMPORT_ROWS) throw fileError('tooManyRows', { max: MAX_IMPORT_ROWS, rows: rows.length });
  return { headers: header, rows, delimiter: parsed.meta.delimiter, encoding };
}
