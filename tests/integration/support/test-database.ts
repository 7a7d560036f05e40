import { randomUUID } from 'node:crypto';
import { afterAll, inject } from 'vitest';
import { databaseUrl } from '../../../lib/dev/embedded-postgres';
import { cloneDatabase, dropDatabase } from './admin';

/**
 * A fresh, migrated database for this test file, and DATABASE_URL pointing at it, so lib/db
 * (and everything that reads lib/env) uses it. Call at the top level of a test file before
 * anything touches the database.
 */
export async function setupTestDatabase(): Promise<string> {
  const baseUrl = inject('databaseBaseUrl');
  const name = `sejour_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  await cloneDatabase(baseUrl, inject('templateDatabase'), name);
  const url = databaseUrl(baseUrl, name);
  process.env.DATABASE_URL = url;
  afterAll(async () => {
    const { getDb } = await import('../../../lib/db');
    await getDb().$disconnect();
    await dropDatabase(baseUrl, name);
  });
  return url;
}
