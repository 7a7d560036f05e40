import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { AppError, isAppError } from '@/lib/errors';

export type UploadBody = ReadableStream<Uint8Array> | WebReadableStream<Uint8Array> | Readable | Uint8Array;

export type ReceivedUpload = { path: string; size: number; sha256: string };

const refuse = (userMessage: string, message: string) => new AppError('VALIDATION', { message, userMessage });

function toReadable(body: UploadBody): Readable {
  if (body instanceof Readable) return body;
  if (body instanceof Uint8Array) return Readable.from([body]);
  return Readable.fromWeb(body as WebReadableStream<Uint8Array>);
}

/**
 * Streams an upload to a private temporary file while counting and hashing it, so a 25 MB scan never sits in
 * memory and the type can be judged from the whole file. Anything short of a complete, non-empty body within
 * the limit leaves no file behind: the caller only ever sees a finished upload or an error.
 */
export async function receiveUpload(body: UploadBody, options: { tmpDir: string; maxBytes: number; declaredSize?: number }): Promise<ReceivedUpload> {
  const { tmpDir, maxBytes, declaredSize } = options;
  if (declaredSize !== undefined && declaredSize > maxBytes) throw refuse('documents.upload.tooLarge', `declared ${declaredSize} bytes`);
  await mkdir(tmpDir, { recursive: true, mode: 0o700 });
  const file = path.join(tmpDir, randomUUID());
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > maxBytes) return callback(refuse('documents.upload.tooLarge', `more than ${maxBytes} bytes`));
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  try {
    await pipeline(toReadable(body), meter, createWriteStream(file, { mode: 0o600 }));
    if (size === 0) throw refuse('documents.upload.empty', 'empty body');
    // A connection dropped between chunks can end the stream cleanly; the announced length tells it apart.
    if (declaredSize !== undefined && size !== declaredSize) throw refuse('documents.upload.incomplete', `received ${size} of ${declaredSize} bytes`);
  } catch (error) {
    await rm(file, { force: true });
    if (isAppError(error)) throw error;
    throw refuse('documents.upload.incomplete', `upload stream failed: ${(error as Error).message}`);
  }
  return { path: file, size, sha256: hash.digest('hex') };
}
