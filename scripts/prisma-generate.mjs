// `prisma generate` that works offline, on a fresh `npm ci`, with no DATABASE_URL.
//
// Prisma 7's CLI downloads its native schema engine from binaries.prisma.sh before `generate`, which these
// machines cannot reach. Generation itself never runs that engine, so pointing PRISMA_SCHEMA_ENGINE_BINARY at
// a stub that only exits is enough for the CLI to skip the download. Migrations use the WebAssembly engine
// instead (lib/dev/migrations.ts).
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const args = process.argv.slice(2);
const schemaFlag = args.indexOf('--schema');
const schemaPath = path.resolve(schemaFlag >= 0 && args[schemaFlag + 1] ? args[schemaFlag + 1] : 'prisma/schema.prisma');

// postinstall runs before anyone has written a schema (and on installs of a bare checkout): never fail those.
if (!existsSync(schemaPath)) {
  console.log(`prisma-generate: ${path.relative(process.cwd(), schemaPath)} does not exist yet, skipping prisma generate.`);
  process.exit(0);
}

let prismaBin;
try {
  const require = createRequire(import.meta.url);
  prismaBin = path.join(path.dirname(require.resolve('prisma/package.json')), 'build/index.js');
} catch {
  // `npm ci --omit=dev` has no prisma CLI; the app image must be built where dev dependencies are installed.
  console.warn('prisma-generate: the prisma CLI is not installed (dev dependency), skipping prisma generate.');
  process.exit(0);
}

const env = { ...process.env };
let stubDir = null;
// A user who has a real engine (or set the variable on purpose) keeps it.
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) {
  stubDir = mkdtempSync(path.join(os.tmpdir(), 'prisma-engine-stub-'));
  const stub = path.join(stubDir, 'schema-engine');
  writeFileSync(stub, '#!/bin/sh\necho "schema engine stub: use npm run db:migrate / db:deploy" >&2\nexit 1\n');
  chmodSync(stub, 0o755);
  env.PRISMA_SCHEMA_ENGINE_BINARY = stub;
}
// The CLI's update check and telemetry would only time out here.
env.PRISMA_HIDE_UPDATE_MESSAGE ??= '1';
env.CHECKPOINT_DISABLE ??= '1';

const result = spawnSync(process.execPath, [prismaBin, 'generate', ...args], { stdio: 'inherit', env });
if (stubDir) rmSync(stubDir, { recursive: true, force: true });
if (result.error) throw result.error;
process.exit(result.status ?? 1);
