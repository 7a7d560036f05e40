import { getDb } from '@/lib/db';
import { sweepReminders } from '@/lib/server/reminder/sweep-reminders';

// A reminder worker in its own process, for reminder-delivery.test.ts to SIGKILL in the middle of a sweep:
//   DATABASE_URL=... tsx tests/integration/support/sweep-child.ts <clock as ISO string> <batchSize>
// It prints its pid first (the test kills the process group and checks that this very process is gone), then
// sweeps with the fixed clock, in small batches, until nothing is left, and prints "done".

const [clock, batch = '5'] = process.argv.slice(2);
const now = new Date(clock ?? '');
const batchSize = Number(batch);
if (Number.isNaN(now.getTime()) || !Number.isInteger(batchSize) || batchSize < 1) {
  process.stderr.write('usage: sweep-child.ts <ISO clock> <batchSize>\n');
  process.exit(2);
}

process.stdout.write(`pid ${process.pid}\n`);
const db = getDb();
for (;;) {
  const report = await sweepReminders({ db, now, batchSize });
  if (report.found === 0) break;
}
await db.$disconnect();
process.stdout.write('done\n');
