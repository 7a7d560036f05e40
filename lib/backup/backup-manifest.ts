import { z } from 'zod';

// What a backup archive holds, written last into it as manifest.json: every table's file with its row count and
// hash, every stored file with its size and hash, and the migrations that made the schema. Restore checks all of
// it before it changes anything.

export const BACKUP_FORMAT = 'sejour-backup';
export const MANIFEST_FILE = 'manifest.json';
export const ARCHIVE_PATTERN = /^sejour-backup-\d{8}-\d{6}Z?\.tar\.gz$/;

const ZSha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const ZBackupManifest = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(1),
  createdAt: z.iso.datetime(),
  postgres: z.string(),
  // In the order restore loads them: a table after every table it references.
  tables: z.array(
    z.object({
      name: z.string().min(1),
      file: z.string().regex(/^db\/[A-Za-z0-9_]+\.copy$/),
      columns: z.array(z.string().min(1)).min(1),
      rows: z.number().int().nonnegative(),
      bytes: z.number().int().nonnegative(),
      sha256: ZSha256,
    }),
  ),
  files: z.array(z.object({ key: z.string().min(1), bytes: z.number().int().nonnegative(), sha256: ZSha256 })),
  migrations: z.array(z.object({ name: z.string().min(1), sha256: ZSha256 })),
});

export type BackupManifest = z.infer<typeof ZBackupManifest>;

/** A backup or restore that cannot go on; the message is for the operator who ran it, and says what to do. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

export const filePath = (key: string) => `files/${key}`;
export const migrationPath = (name: string) => `migrations/${name}/migration.sql`;
