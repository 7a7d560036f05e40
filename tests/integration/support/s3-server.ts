import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { createS3Storage } from '@/lib/storage/s3-storage';
import type { Storage } from '@/lib/storage/storage';

// A real S3-compatible server (s3rver) on a loopback port with a temp directory, spoken to over HTTP by the
// same SDK client production uses.

// s3rver ships no type declarations; this is the part of its API the tests use.
interface S3rverServer {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
type S3rverConstructor = new (options: { address: string; port: number; directory: string; silent: boolean; configureBuckets: { name: string }[] }) => S3rverServer;
const S3rver = createRequire(import.meta.url)('s3rver') as S3rverConstructor;

export type S3Harness = { storage: Storage; keys: () => Promise<string[]>; stop: () => Promise<void> };

export async function startS3Server(bucket = 'sejour-test'): Promise<S3Harness> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sejour-storage-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, directory: dir, silent: true, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  // S3RVER/S3RVER is s3rver's built-in account. It checks the access key id but not V4 signatures, so
  // this proves the wire protocol and error mapping, not our credentials handling.
  const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
  const lister = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials });
  return {
    storage: createS3Storage({ endpoint, region: 'us-east-1', bucket, ...credentials }),
    async keys() {
      const listed = await lister.send(new ListObjectsV2Command({ Bucket: bucket }));
      return (listed.Contents ?? []).map((object) => object.Key!).sort();
    },
    async stop() {
      lister.destroy();
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
