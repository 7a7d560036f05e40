import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { ARCHIVE_PATTERN } from './backup-manifest';

/**
 * Keeps the newest `keep` archives in the directory and deletes older ones. Only finished archives match the
 * pattern (a backup in progress writes a dot-file), and their names sort by time, so the newest are the last.
 */
export async function pruneBackups(backupDir: string, keep: number): Promise<string[]> {
  const archives = (await readdir(backupDir)).filter((name) => ARCHIVE_PATTERN.test(name)).sort();
  const old = archives.slice(0, Math.max(0, archives.length - Math.max(1, keep)));
  for (const name of old) await rm(path.join(backupDir, name), { force: true });
  return old;
}
