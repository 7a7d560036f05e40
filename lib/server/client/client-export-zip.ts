import { pipeline, type Readable } from 'node:stream';
import { measureStream } from '@/lib/storage/measure-stream';
import { streamingZip } from '@/lib/documents/streaming-zip';
import { isAppError } from '@/lib/errors';
import type { Storage } from '@/lib/storage/storage';

// A client's export as one ZIP, built while it is sent: the stored files one at a time (backpressure reaches the
// storage read, so hundreds of megabytes of scans never sit in memory), then index.json, written last so that it
// can give the SHA-256 and size of the bytes actually put in the archive, and say which stored files were missing.

export type ExportFile = { path: string; storageKey: string; date: Date; recordedSha256: string | null };
/** `path` is null for a file missing from storage, which the archive then does not contain. */
export type PackedFile = { path: string | null; storageKey: string; status: 'ok' | 'missing' | 'changed'; sizeBytes: number | null; sha256: string | null };

// Any failure destroys the returned stream with the error: a cut-off download must not look like a whole export.
export function clientExportZip({ files, storage, index }: { files: ExportFile[]; storage: Storage; index: (packed: PackedFile[]) => unknown }): Readable {
  const { archive, output, fail, appendStream } = streamingZip('client export stopped');

  const packOne = async (file: ExportFile): Promise<PackedFile> => {
    let body: Readable;
    try {
      ({ body } = await storage.get(file.storageKey));
    } catch (error) {
      // A lost file is reported in the index rather than withholding everything else the client is owed.
      if (isAppError(error) && error.code === 'NOT_FOUND') return { path: null, storageKey: file.storageKey, status: 'missing', sizeBytes: null, sha256: null };
      throw error;
    }
    if (output.destroyed) {
      body.destroy();
      throw new Error('client export stopped');
    }
    const measured = measureStream();
    const source = pipeline(body, measured.stream, (error) => {
      if (error) fail(error);
    });
    await appendStream(source, file.path, file.date);
    const seen = { size: measured.result.bytes, sha256: measured.result.sha256 };
    const status = file.recordedSha256 === null || file.recordedSha256 === seen.sha256 ? 'ok' : 'changed';
    return { path: file.path, storageKey: file.storageKey, status, sizeBytes: seen.size, sha256: seen.sha256 };
  };

  const feed = async () => {
    const packed: PackedFile[] = [];
    // One object at a time: the next is opened only after this one has been read to its end.
    for (const file of files) {
      if (output.destroyed) return;
      packed.push(await packOne(file));
    }
    archive.append(Buffer.from(`${JSON.stringify(index(packed), null, 2)}\n`, 'utf8'), { name: 'index.json', date: new Date() });
    await archive.finalize();
  };
  feed().catch(fail);
  return output;
}
