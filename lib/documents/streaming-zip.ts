import { PassThrough, type Readable } from 'node:stream';
import { ZipArchive } from 'archiver';

/**
 * A ZIP built while it is sent, one stored object at a time. Any failure destroys `output` with the error: a cut-off
 * download must never end as a well-formed ZIP that silently lacks a file. Closing `output` (the download was
 * cancelled) closes the object being read and aborts the archive, instead of leaving them waiting.
 */
export function streamingZip(stopped: string) {
  const archive = new ZipArchive({ zlib: { level: 6 } });
  const output = new PassThrough();
  let current: Readable | undefined;
  let finished = false;
  const fail = (error: unknown) => {
    if (!output.destroyed) output.destroy(error instanceof Error ? error : new Error(String(error)));
  };
  output.on('close', () => {
    if (finished) return;
    current?.destroy(new Error(stopped));
    archive.abort();
  });
  archive.on('error', fail);
  archive.on('warning', fail);
  archive.on('end', () => {
    finished = true;
  });
  archive.pipe(output);

  /** Adds one entry and resolves once its source has been read to its end, so the caller opens the next only then. */
  const appendStream = (source: Readable, name: string, date: Date) => {
    current = source;
    const done = new Promise<void>((resolve, reject) => {
      source.once('end', resolve);
      source.once('error', reject);
      source.once('close', () => reject(new Error(`zip entry ${name} closed before its end`)));
    });
    archive.append(source, { name, date });
    return done;
  };
  return { archive, output, fail, appendStream };
}
