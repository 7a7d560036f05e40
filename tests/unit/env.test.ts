import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env';

const dataDir = () => mkdtempSync(path.join(os.tmpdir(), 'sejour-env-'));

describe('configuration', () => {
  it('names the setting that is missing or wrong', () => {
    expect(() => parseEnv({})).toThrow(/DATABASE_URL/);
    expect(() => parseEnv({ DATABASE_URL: 'postgresql://x@localhost/db', PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => parseEnv({ DATABASE_URL: 'postgresql://x@localhost/db', SMTP_URL: 'not a url' })).toThrow(/SMTP_URL/);
  });

  it('requires AUTH_SECRET in production', () => {
    expect(() => parseEnv({ NODE_ENV: 'production', DATABASE_URL: 'postgresql://x@localhost/db' })).toThrow(/AUTH_SECRET is required in production/);
  });

  it('requires a bucket when files go to S3', () => {
    expect(() => parseEnv({ DATABASE_URL: 'postgresql://x@localhost/db', STORAGE_DRIVER: 's3' })).toThrow(/S3_BUCKET/);
  });

  it('refuses a short METRICS_TOKEN and reads an empty one as unset', () => {
    expect(() => parseEnv({ DATABASE_URL: 'postgresql://x@localhost/db', DATA_DIR: dataDir(), METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN must be at least 24/);
    expect(parseEnv({ DATABASE_URL: 'postgresql://x@localhost/db', DATA_DIR: dataDir(), METRICS_TOKEN: '' }).METRICS_TOKEN).toBeUndefined();
  });

  it('generates a development AUTH_SECRET once under the data directory and keeps it', () => {
    const dir = dataDir();
    const first = parseEnv({ DATABASE_URL: 'postgresql://x@localhost/db', DATA_DIR: dir });
    const second = parseEnv({ DATABASE_URL: 'postgresql://x@localhost/db', DATA_DIR: dir });
    expect(first.AUTH_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(second.AUTH_SECRET).toBe(first.AUTH_SECRET);
    expect(readFileSync(path.join(dir, 'auth-secret'), 'utf8').trim()).toBe(first.AUTH_SECRET);
  });

  it('applies defaults: port 3000, app URL from the port, 25 MB uploads, local storage', () => {
    const value = parseEnv({ DATABASE_URL: 'postgresql://x@localhost/db', DATA_DIR: dataDir(), PORT: '4000' });
    expect(value.PORT).toBe(4000);
    expect(value.APP_URL).toBe('http://localhost:4000');
    expect(value.UPLOAD_MAX_BYTES).toBe(25 * 1024 * 1024);
    expect(value.STORAGE_DRIVER).toBe('local');
    expect(value.SMTP_URL).toBeUndefined();
  });
});
