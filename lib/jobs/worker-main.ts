import { getDb } from '@/lib/db';
import { env } from '@/lib/env';
import { logger } from '@/lib/logger';
import { startWorker } from './worker';

// `npm run worker`: the background process. Started by `npm run dev` too.
const log = logger().child({ component: 'worker' });

const worker = await startWorker({
  databaseUrl: env().DATABASE_URL,
  db: getDb(),
  log: (message, extra) => log.info(extra ?? {}, message),
});

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'worker stopping');
    await worker.stop();
    await getDb().$disconnect();
    process.exit(0);
  });
}
