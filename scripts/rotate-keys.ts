import { ensureDevDatabase } from '../lib/dev/dev-database';

// `npm run keys:rotate`: re-seals every identity number (clients', inquiries', other parties') not yet under the current key (the first of
// DATA_ENCRYPTION_KEYS). Run it after putting a new key first and restarting Sejour; once it reports no value
// left unreadable, the older keys can be removed from DATA_ENCRYPTION_KEYS. Safe to run again.

const database = await ensureDevDatabase();
process.env.DATABASE_URL = database.url;
const { rotateIdentityKeys } = await import('../lib/server/client/rotate-identity-keys');
let exitCode = 0;
try {
  const report = await rotateIdentityKeys();
  console.log(`[sejour] identity numbers re-sealed under key "${report.keyId}": ${report.clients} client(s), ${report.inquiries} inquiry(ies), ${report.otherParties} other part(ies) in ${report.firms} firm(s)`);
  if (report.unreadable.length) {
    exitCode = 1;
    console.error(`[sejour] ${report.unreadable.length} value(s) could not be opened and were left as they are (keep their key in DATA_ENCRYPTION_KEYS):`);
    for (const item of report.unreadable) console.error(`  ${'clientId' in item ? `client ${item.clientId}` : `${item.table} ${item.id}`} ${item.field}: ${item.reason}`);
  }
} catch (error) {
  console.error(`[sejour] key rotation failed: ${error instanceof Error ? error.message : error}`);
  exitCode = 1;
} finally {
  await database.stop();
}
// As scripts/backup.ts: exit explicitly, so a failed rotation fails the shell that ran it.
process.exit(exitCode);
