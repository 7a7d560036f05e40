import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { createLocalStorage } from '@/lib/storage/local-storage';
import { STORAGE_KEY, type Storage } from '@/lib/storage/storage';
import { startS3Server } from './support/s3-server';

// One contract, two drivers: local disk in a temp directory, and a real S3-compatible server (s3rver)
// on a loopback port, spoken to over HTTP by the same SDK client production uses.

interface Harness {
  storage: Storage;
  /** Files under the local root that are not stored objects (temp files, stray writes); local only. */
  strayFiles?: () => Promise<string[]>;
  /** Where a key escaping the root would land, to prove nothing was written there; local only. */
  outsideRoot?: string;
  stop: () => Promise<void>;
}

async function startLocal(): Promise<Harness> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sejour-storage-local-'));
  const root = path.join(dir, 'data', 'files');
  return {
    storage: createLocalStorage(root),
    outsideRoot: path.join(dir, 'data'),
    async strayFiles() {
      if (!existsSync(root)) return [];
      const entries = await readdir(root, { recursive: true });
      const files: string[] = [];
      for (const entry of entries) if ((await stat(path.join(root, entry))).isFile()) files.push(entry.split(path.sep).join('/'));
      return files.filter((file) => !STORAGE_KEY.test(file));
    },
    stop: () => rm(dir, { recursive: true, force: true }),
  };
}

async function startS3(): Promise<Harness> {
  const { storage, stop } = await startS3Server();
  return { storage, stop };
}

const newKey = () => `firm-${randomUUID()}/doc-${randomUUID()}/v1`;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Emits `bytes` in pieces, as an upload arriving over the network would. */
function chunked(bytes: Buffer, chunkSize = 64 * 1024): Readable {
  return Readable.from(
    (function* () {
      for (let offset = 0; offset < bytes.length; offset += chunkSize) yield bytes.subarray(offset, offset + chunkSize);
    })(),
  );
}

/** Emits `chunks` chunks of 64 KiB and then fails, like a client that disconnects mid-upload. */
function failingAfter(chunks: number): Readable {
  let sent = 0;
  return new Readable({
    read() {
      if (sent < chunks) {
        sent += 1;
        this.push(randomBytes(64 * 1024));
      } else {
        this.destroy(new Error('client disconnected'));
      }
    },
  });
}

async function readBody(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function expectNotFound(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  expect(error).toMatchObject({ code: 'NOT_FOUND' });
}

describe.each([
  { driver: 'local', start: startLocal },
  { driver: 's3', start: startS3 },
])('$driver storage', ({ driver, start }) => {
  let harness: Harness;
  let storage: Storage;
  beforeAll(async () => {
    harness = await start();
    storage = harness.storage;
  });
  afterAll(() => harness?.stop());

  it('reports its driver', () => {
    expect(storage.driver).toBe(driver);
  });

  it('lists every stored key, nested ones included, and forgets deleted ones', async () => {
    const prefix = `list-${randomUUID()}`;
    const keys = [`${prefix}/a/one`, `${prefix}/a/two`, `${prefix}/b`];
    for (const key of keys) await storage.put(key, Buffer.from(key), { contentType: 'text/plain' });
    await storage.delete(`${prefix}/a/two`);
    const listed: string[] = [];
    for await (const key of storage.list()) if (key.startsWith(prefix)) listed.push(key);
    expect(listed.sort()).toEqual([`${prefix}/a/one`, `${prefix}/b`]);
  });

  it('returns the same bytes and size as a multi-megabyte binary Readable put', async () => {
    const key = newKey();
    // Odd length and every byte value, so neither chunk alignment nor text decoding can hide a bug.
    const bytes = randomBytes(3 * 1024 * 1024 + 12_345);
    await storage.put(key, chunked(bytes), { contentType: 'application/pdf', size: bytes.length });

    const stored = await storage.get(key);
    expect(stored.size).toBe(bytes.length);
    const read = await readBody(stored.body);
    expect(read.length).toBe(bytes.length);
    expect(sha256(read)).toBe(sha256(bytes));
    expect(await storage.exists(key)).toBe(true);
  });

  it('stores a Uint8Array body, with or without a declared size', async () => {
    const bytes = new Uint8Array(randomBytes(200_001));
    const sized = newKey();
    const unsized = newKey();
    await storage.put(sized, bytes, { contentType: 'image/png', size: bytes.byteLength });
    await storage.put(unsized, bytes, { contentType: 'image/png' });

    for (const key of [sized, unsized]) {
      const stored = await storage.get(key);
      expect(stored.size).toBe(bytes.byteLength);
      expect(sha256(await readBody(stored.body))).toBe(sha256(bytes));
    }
  });

  it('stores an empty body', async () => {
    const key = newKey();
    await storage.put(key, new Uint8Array(0), { contentType: 'text/plain', size: 0 });
    const stored = await storage.get(key);
    expect(stored.size).toBe(0);
    expect((await readBody(stored.body)).length).toBe(0);
  });

  it('rejects with AppError NOT_FOUND for a key that was never stored', async () => {
    const key = newKey();
    await expectNotFound(storage.get(key));
    expect(await storage.exists(key)).toBe(false);
  });

  it('deletes an object, and deleting it again or deleting an unknown key is fine', async () => {
    const key = newKey();
    const other = newKey();
    await storage.put(key, randomBytes(1000), { contentType: 'application/pdf' });
    await storage.put(other, Buffer.from('neighbour'), { contentType: 'text/plain' });

    await storage.delete(key);
    await expectNotFound(storage.get(key));
    expect(await storage.exists(key)).toBe(false);
    await expect(storage.delete(key)).resolves.toBeUndefined();
    await expect(storage.delete(newKey())).resolves.toBeUndefined();

    // Only the named object goes.
    expect((await readBody((await storage.get(other)).body)).toString()).toBe('neighbour');
  });

  it('replaces an object on a second put under the same key', async () => {
    const key = newKey();
    await storage.put(key, chunked(randomBytes(500_000)), { contentType: 'application/pdf' });
    // Shorter than the first, so a write in place that kept the old tail would show up in the size and hash.
    const second = randomBytes(70_000);
    await storage.put(key, chunked(second), { contentType: 'application/pdf', size: second.length });

    const stored = await storage.get(key);
    expect(stored.size).toBe(second.length);
    expect(sha256(await readBody(stored.body))).toBe(sha256(second));
  });

  it('rejects a put whose stream fails half way and leaves nothing under the key', async () => {
    const key = newKey();
    await expect(storage.put(key, failingAfter(5), { contentType: 'application/pdf' })).rejects.toThrow('client disconnected');

    expect(await storage.exists(key)).toBe(false);
    await expectNotFound(storage.get(key));
    if (harness.strayFiles) expect(await harness.strayFiles()).toEqual([]);
  });

  it('keeps the previous object when an overwrite fails half way', async () => {
    const key = newKey();
    const original = randomBytes(100_000);
    await storage.put(key, original, { contentType: 'application/pdf' });

    await expect(storage.put(key, failingAfter(3), { contentType: 'application/pdf' })).rejects.toThrow('client disconnected');

    const stored = await storage.get(key);
    expect(stored.size).toBe(original.length);
    expect(sha256(await readBody(stored.body))).toBe(sha256(original));
    if (harness.strayFiles) expect(await harness.strayFiles()).toEqual([]);
  });

  it('rejects a body shorter or longer than the declared size and stores nothing', async () => {
    const key = newKey();
    const bytes = randomBytes(10_000);
    await expect(storage.put(key, chunked(bytes), { contentType: 'application/pdf', size: bytes.length + 1 })).rejects.toThrow(/expected 10001/);
    await expect(storage.put(key, bytes, { contentType: 'application/pdf', size: bytes.length - 1 })).rejects.toThrow(/expected 9999/);

    expect(await storage.exists(key)).toBe(false);
    if (harness.strayFiles) expect(await harness.strayFiles()).toEqual([]);
  });

  it.each(['../etc/passwd', 'a/../../b', '/etc/passwd', 'a//b', 'a/b/', '.tmp/x', 'a\\..\\b', ''])('refuses the key %j in every operation', async (key) => {
    const refusal = /Invalid storage key/;
    await expect(storage.put(key, Buffer.from('x'), { contentType: 'text/plain' })).rejects.toThrow(refusal);
    await expect(storage.get(key)).rejects.toThrow(refusal);
    await expect(storage.get(key)).rejects.not.toBeInstanceOf(AppError);
    await expect(storage.exists(key)).rejects.toThrow(refusal);
    await expect(storage.delete(key)).rejects.toThrow(refusal);

    if (harness.outsideRoot) {
      expect(existsSync(path.join(harness.outsideRoot, 'b'))).toBe(false);
      expect(existsSync(path.join(harness.outsideRoot, 'etc'))).toBe(false);
    }
  });
});
