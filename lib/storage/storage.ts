import type { Readable } from 'node:stream';

// Where document bytes live. The database keeps the key, size, type and hash; the bytes go through this
// interface to local disk (default) or an S3-compatible server, chosen by STORAGE_DRIVER in lib/env.

export interface StoredObject {
  body: Readable;
  size: number;
}

export interface Storage {
  readonly driver: 'local' | 's3';
  /**
   * Stores the whole body under `key`. Either the object is complete under `key` afterwards or the call
   * rejects and nothing is left under it: a stream that errors half way must never leave a partial file.
   */
  put(key: string, body: Readable | Uint8Array, options: { contentType: string; size?: number }): Promise<void>;
  /** Streams the object; rejects with AppError NOT_FOUND when there is none under `key`. */
  get(key: string): Promise<StoredObject>;
  /** Removes the object; removing a key that is not there is not an error. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  /** Every stored key, in no particular order (backups copy them all). */
  list(): AsyncIterable<string>;
}

/** Keys are made by lib/server (`<firmId>/<documentId>/<versionId>`), never from user input; this guards the disk driver anyway. */
export const STORAGE_KEY = /^[A-Za-z0-9_-]+(?:\/[A-Za-z0-9_-]+)*$/;
