import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, opendir, rename, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '@/lib/errors';
import { STORAGE_KEY, type Storage } from '@/lib/storage/storage';

// Bytes are written to <root>/.tmp first and renamed into place: rename within one file system is
// atomic, so a reader sees either the old object or the complete new one, and a failed upload only
// ever touches a temp file. STORAGE_KEY allows no dots, so no key can reach into .tmp.
const TEMP_DIR = '.tmp';

/** Codes meaning "nothing is stored under this key" (ENOTDIR: a key segment is a file, not a folder). */
const ABSENT = new Set(['ENOENT', 'ENOTDIR']);

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

export function createLocalStorage(rootDir: string): Storage {
  const root = path.resolve(rootDir);
  const tempDir = path.join(root, TEMP_DIR);

  function fileFor(key: string): string {
    if (!STORAGE_KEY.test(key)) throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
    const file = path.join(root, ...key.split('/'));
    // The pattern already excludes "..", but this is the last line before the file system.
    if (!file.startsWith(root + path.sep)) throw new Error(`Storage key escapes the root: ${JSON.stringify(key)}`);
    return file;
  }

  return {
    driver: 'local',

    async put(key, body, options) {
      const file = fileFor(key);
      await mkdir(tempDir, { recursive: true });
      const temp = path.join(tempDir, randomUUID());
      try {
        const source = body instanceof Readable ? body : Readable.from([body]);
        // flush: fsync before close, so a power cut after the rename cannot leave an empty document.
        await pipeline(source, createWriteStream(temp, { flags: 'wx', flush: true }));
        if (options.size !== undefined) {
          // A short body means the upload was cut off somewhere upstream; storing it would be a silent loss.
          const { size } = await stat(temp);
          if (size !== options.size) throw new Error(`Storage put ${key}: received ${size} bytes, expected ${options.size}`);
        }
        await mkdir(path.dirname(file), { recursive: true });
        await rename(temp, file);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
    },

    async get(key) {
      const file = fileFor(key);
      let handle;
      try {
        handle = await open(file, 'r');
      } catch (error) {
        if (ABSENT.has(errorCode(error) ?? '')) throw new AppError('NOT_FOUND', { message: `No stored object ${key}` });
        throw error;
      }
      // Size and stream come from the same open file, so a concurrent overwrite or delete cannot make them disagree.
      try {
        const info = await handle.stat();
        if (!info.isFile()) throw new AppError('NOT_FOUND', { message: `No stored object ${key}` });
        return { body: handle.createReadStream(), size: info.size };
      } catch (error) {
        await handle.close();
        throw error;
      }
    },

    async delete(key) {
      const file = fileFor(key);
      try {
        await unlink(file);
      } catch (error) {
        // EISDIR: the key is only a prefix of other keys, so there is no object under it to remove.
        if (!ABSENT.has(errorCode(error) ?? '') && errorCode(error) !== 'EISDIR') throw error;
      }
    },

    async exists(key) {
      const file = fileFor(key);
      try {
        return (await stat(file)).isFile();
      } catch (error) {
        if (ABSENT.has(errorCode(error) ?? '')) return false;
        throw error;
      }
    },

    async *list() {
      async function* walk(dir: string, prefix: string): AsyncGenerator<string> {
        let entries;
        try {
          entries = await opendir(dir);
        } catch (error) {
          if (ABSENT.has(errorCode(error) ?? '')) return;
          throw error;
        }
        for await (const entry of entries) {
          if (prefix === '' && entry.name === TEMP_DIR) continue;
          const key = prefix + entry.name;
          if (entry.isDirectory()) yield* walk(path.join(dir, entry.name), key + '/');
          else if (entry.isFile() && STORAGE_KEY.test(key)) yield key;
        }
      }
      yield* walk(root, '');
    },
  };
}
