import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

// Whether `next build`'s output is older than the code it was built from, as make decides: by modification
// times. `npm start` builds when it is, so a clean clone or a pulled update never serves yesterday's build.
// Content hashes would also survive a checkout that resets times, but mtimes are what every checkout, editor and
// `npm ci` update, and the walk takes milliseconds.

const SOURCES = ['app', 'components', 'lib', 'emails', 'public', 'proxy.ts', 'instrumentation-client.ts', 'next.config.js', 'tsconfig.json', 'postcss.config.mjs', 'package-lock.json', 'node_modules/.package-lock.json'];

async function newestUnder(entry: string): Promise<{ file: string; mtimeMs: number } | null> {
  const info = await stat(entry).catch(() => null);
  if (!info) return null;
  if (!info.isDirectory()) return { file: entry, mtimeMs: info.mtimeMs };
  let newest: { file: string; mtimeMs: number } | null = null;
  for (const child of await readdir(entry)) {
    const found = await newestUnder(path.join(entry, child));
    if (found && (!newest || found.mtimeMs > newest.mtimeMs)) newest = found;
  }
  return newest;
}

/** null when the build is current; otherwise why it must be built. */
export async function staleBuildReason(root = process.cwd()): Promise<string | null> {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return 'no production build yet';
  const builtAt = (await stat(buildId)).mtimeMs;
  for (const source of SOURCES) {
    const newest = await newestUnder(path.join(root, source));
    if (newest && newest.mtimeMs > builtAt) return `${path.relative(root, newest.file)} changed after the last build`;
  }
  return null;
}
