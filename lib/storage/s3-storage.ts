import { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { AppError } from '@/lib/errors';
import { STORAGE_KEY, type Storage } from '@/lib/storage/storage';

export interface S3StorageOptions {
  /** For MinIO and other S3-compatible servers; leave unset for AWS itself. */
  endpoint?: string;
  region: string;
  bucket: string;
  /** Both or neither: without them the SDK's default chain (environment, instance role, ...) applies. */
  accessKeyId?: string;
  secretAccessKey?: string;
}

/** A missing object, as opposed to a missing bucket or a denied request, which are configuration errors. */
function isMissingObject(error: unknown): boolean {
  if (!(error instanceof S3ServiceException)) return false;
  if (error.name === 'NoSuchKey' || error.name === 'NotFound') return true;
  return error.$metadata.httpStatusCode === 404 && error.name !== 'NoSuchBucket';
}

/**
 * Reads the whole body into memory. PutObject needs a Content-Length up front, and the only other way to
 * send a stream of unknown length is a multipart upload (5 MB minimum parts, an extra round trip and an
 * abort on failure). Documents are capped at UPLOAD_MAX_BYTES (25 MB by default), so holding one in memory
 * is cheap, and a stream that fails half way rejects here, before any request reaches the bucket.
 */
async function readAll(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

export function createS3Storage(options: S3StorageOptions): Storage {
  const { bucket } = options;
  const client = new S3Client({
    endpoint: options.endpoint,
    region: options.region,
    // MinIO and most self-hosted servers do not serve buckets as subdomains.
    forcePathStyle: true,
    // Since 3.729 the SDK adds CRC32 checksums (and aws-chunked bodies) to every upload by default,
    // which many S3-compatible servers reject or cannot verify; only send them where S3 demands one.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    credentials:
      options.accessKeyId && options.secretAccessKey ? { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey } : undefined,
  });

  function checked(key: string): string {
    if (!STORAGE_KEY.test(key)) throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
    return key;
  }

  return {
    driver: 's3',

    async put(key, body, putOptions) {
      checked(key);
      const bytes = body instanceof Readable ? await readAll(body) : body;
      if (putOptions.size !== undefined && bytes.byteLength !== putOptions.size) {
        // A short body means the upload was cut off somewhere upstream; storing it would be a silent loss.
        throw new Error(`Storage put ${key}: received ${bytes.byteLength} bytes, expected ${putOptions.size}`);
      }
      await client.send(
        new PutObjectCommand({ Bucket: bucket, Key: key, Body: bytes, ContentLength: bytes.byteLength, ContentType: putOptions.contentType }),
      );
    },

    async get(key) {
      checked(key);
      try {
        const response = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        if (!(response.Body instanceof Readable) || response.ContentLength === undefined) {
          throw new Error(`Storage get ${key}: the S3 response has no readable body or no length`);
        }
        return { body: response.Body, size: response.ContentLength };
      } catch (error) {
        if (isMissingObject(error)) throw new AppError('NOT_FOUND', { message: `No stored object ${key}` });
        throw error;
      }
    },

    async delete(key) {
      // S3 answers 204 whether or not the key existed, which is the idempotence the interface asks for.
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: checked(key) }));
    },

    async exists(key) {
      try {
        await client.send(new HeadObjectCommand({ Bucket: bucket, Key: checked(key) }));
        return true;
      } catch (error) {
        // A HEAD response has no body, so a missing bucket is also a bare 404 here; put and get still say NoSuchBucket.
        if (isMissingObject(error)) return false;
        throw error;
      }
    },

    async *list() {
      let token: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
        // The bucket may hold other things (a shared bucket); only keys this app could have written count.
        for (const item of page.Contents ?? []) if (item.Key && STORAGE_KEY.test(item.Key)) yield item.Key;
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    },
  };
}
