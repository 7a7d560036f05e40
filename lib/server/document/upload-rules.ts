import { AppError } from '@/lib/errors';

// What Sejour accepts as a document, judged from the bytes (file-type), never from the name or the browser's
// word: a phone photo renamed .pdf is still a photo, a script renamed .pdf is refused.

export const ACCEPTED_TYPES = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/heic': 'heic',
  'image/heif': 'heif',
  'image/webp': 'webp',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.oasis.opendocument.text': 'odt',
} as const;
export type AcceptedMime = keyof typeof ACCEPTED_TYPES;

/** Shown inline in the browser when asked (preview); everything else is always an attachment. */
export const PREVIEWABLE = new Set<string>(['application/pdf', 'image/jpeg', 'image/png', 'image/webp']);

// Refused with their own message, because "wrong type" would puzzle someone who sent a ZIP of their papers.
const ARCHIVE_OR_EXECUTABLE = new Set([
  'application/zip', 'application/x-rar-compressed', 'application/x-7z-compressed', 'application/gzip', 'application/x-tar',
  'application/x-bzip2', 'application/x-xz', 'application/zstd', 'application/x-lzip', 'application/vnd.rar', 'application/x-cpio',
  'application/x-msdownload', 'application/x-elf', 'application/x-mach-binary', 'application/x-executable',
  'application/vnd.microsoft.portable-executable', 'application/x-sharedlib', 'application/java-archive', 'application/wasm',
  'application/x-apple-diskimage', 'application/x-ms-installer', 'application/x-msi', 'application/vnd.android.package-archive',
  'application/x-iso9660-image', 'application/x-deb', 'application/x-rpm',
]);

export function isAccepted(mime: string | undefined): mime is AcceptedMime {
  return mime !== undefined && mime in ACCEPTED_TYPES;
}

/** The refusal for bytes file-type recognised (or not) as something we do not take. */
export function refusalFor(mime: string | undefined): AppError {
  if (mime && ARCHIVE_OR_EXECUTABLE.has(mime)) {
    return new AppError('VALIDATION', { message: `refused ${mime}`, userMessage: 'documents.upload.archiveOrExecutable' });
  }
  return new AppError('VALIDATION', { message: `refused ${mime ?? 'unknown type'}`, userMessage: 'documents.upload.wrongType' });
}

const MAX_NAME_LENGTH = 120;

/**
 * The name as it will be stored and offered on download. A name with a path in it is refused outright (it is
 * either a bug in a client or an attempt); otherwise control and reserved characters go, Unicode is NFC, and a
 * long name is cut before its extension.
 */
export function cleanFileName(raw: string): string {
  const name = raw.normalize('NFC').trim();
  if (/[/\\]/.test(name) || name === '.' || name === '..' || name.includes('\0')) {
    throw new AppError('VALIDATION', { message: 'file name with a path', userMessage: 'documents.upload.badName' });
  }
  const cleaned = name
    .replace(/[\u0000-\u001f\u007f-\u009f<>:"|?*\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+/, '')
    .trim();
  if (!cleaned) throw new AppError('VALIDATION', { message: 'empty file name', userMessage: 'documents.upload.badName' });
  if (cleaned.length <= MAX_NAME_LENGTH) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  return cleaned.slice(0, MAX_NAME_LENGTH - extension.length).trimEnd() + extension;
}

/** The stored name ends with the extension of the type the bytes really are (a HEIC photo named .jpg becomes .heic). */
export function withExtension(name: string, mime: AcceptedMime): string {
  const extension = ACCEPTED_TYPES[mime];
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const current = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  const same = current === extension || (extension === 'jpg' && current === 'jpeg') || (extension === 'heic' && current === 'heif');
  return same ? name : `${stem}.${extension}`;
}
