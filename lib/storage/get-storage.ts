import path from 'node:path';
import { env } from '@/lib/env';
import { createLocalStorage } from '@/lib/storage/local-storage';
import { createS3Storage } from '@/lib/storage/s3-storage';
import type { Storage } from '@/lib/storage/storage';

let cached: Storage | undefined;

/** The storage STORAGE_DRIVER selects; one per process, so the S3 client's connection pool is shared. */
export function getStorage(): Storage {
  cached ??= createFromEnv();
  return cached;
}

function createFromEnv(): Storage {
  const config = env();
  if (config.STORAGE_DRIVER === 'local') return createLocalStorage(path.join(config.DATA_DIR, 'files'));
  if (!config.S3_BUCKET) throw new Error('S3_BUCKET is required when STORAGE_DRIVER=s3');
  return createS3Storage({
    endpoint: config.S3_ENDPOINT,
    region: config.S3_REGION,
    bucket: config.S3_BUCKET,
    accessKeyId: config.S3_ACCESS_KEY_ID,
    secretAccessKey: config.S3_SECRET_ACCESS_KEY,
  });
}
