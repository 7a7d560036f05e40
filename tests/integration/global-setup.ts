import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createDatabaseIfMissing } from '../../lib/dev/dev-database';
import { databaseUrl, startEmbeddedPostgres } from '../../lib/dev/embedded-postgres';
import { deployMigrations } from '../../lib/dev/migrations';
import { dropDatabase } from './support/admin';

// One Postgres for the whole run: our own embedded one, or the server DATABASE_URL points at.
// Migrations are applied once to a template; each test file clones it (CREATE DATABASE ... TEMPLATE),
// which takes milliseconds and keeps files from seeing each other's rows.

declare module 'vitest' {
  export interface ProvidedContext {
    databaseBaseUrl: string;
    templateDatabase: string;
  }
}

export default async function setup(project: TestProject) {
  let baseUrl = process.env.DATABASE_URL;
  let stopServer = async () => {};
  let tmpDir: string | null = null;
  if (!baseUrl) {
    tmpDir = await mkdtemp(path.join(os.tmpdir(), 'sejour-test-pg-'));
    const server = await startEmbeddedPostgres({ dataDir: path.join(tmpDir, 'pg'), persistent: false });
    baseUrl = server.baseUrl;
    stopServer = server.stop;
  }
  const template = `sejour_template_${process.pid}`;
  await dropDatabase(baseUrl, template);
  await createDatabaseIfMissing(baseUrl, template);
  await deployMigrations(databaseUrl(baseUrl, template));

  project.provide('databaseBaseUrl', baseUrl);
  project.provide('templateDatabase', template);

  return async () => {
    await dropDatabase(baseUrl, template);
    await stopServer();
    if (tmpDir) await rm(tmpDir, { recursive: true, force: true });
  };
}
