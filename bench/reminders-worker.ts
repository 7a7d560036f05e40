// The worker process of bench:reminders (forked by bench/reminders.ts, so that its memory is the worker's alone):
// (a) findDueReminders batch by batch next to the SQL floor, (b) the sweep, (c) the delivery to the sink, next
// to the sweep or after it, and (d) the SMTP floor; it sends its figures back and exits.
import { readFileSync } from 'node:fs';
import pg from 'pg';
import type { Db } from '../lib/db';
import type { createMailTransport as CreateMailTransport } from '../lib/email/transport';
import type { DueReminder, LookedDeadline } from '../lib/server/reminder/find-due-reminders';
import { DAY, defaultLeadsJson, FLOOR_AFTER_SQL, FLOOR_SQL, rowKey, type FloorRow } from './reminders-data';
import { time as timeRuns, type Stats } from './stats';

export type Config = {
  databaseUrl: string;
  smtpUrl: string;
  sweepBatch: number | null;
  deliverBatch: number;
  concurrency: number | null;
  sequential: boolean;
  sweepOnly: boolean;
};

export type WorkerResult = {
  sweep: { seconds: number; querySeconds: number; found: number; queued: number; skipped: number; batches: number; batchSize: number };
  /** findDueReminders and the floor, batch by batch on the same rows, before the sweep */
  queryMs: number[];
  floorMs: number[];
  /** findDueReminders as the sweep ran it, next to its writes; the last one is the final look from the top */
  sweepQueryMs: number[];
  floorMismatch: string | null;
  delivery: { seconds: number; calls: number; claimed: number; sent: number; retrying: number; failed: number; lostClaims: number };
  /** the same messages (a sample) sent by the same transport with no database around it */
  smtpFloor: { sent: number; seconds: number } | null;
  /** the minute after: the reminder sweep and the task sweep again with nothing new due, as the worker runs them */
  idle: { sweep: Stats; tasks: Stats; found: number; runs: number };
  memory: { rssMb: number; heapUsedMb: number; heapTotalMb: number; externalMb: number; sweepRssMb: number; sweepHeapUsedMb: number; startRssMb: number };
  nodeOptions: string;
  /** the kernel's high-water mark of the worker's resident memory (VmHWM), read just before it exits */
  hwmMb?: number;
};

// ---------- the worker process ----------

async function runWorker(config: Config): Promise<WorkerResult> {
  const peak = { rssMb: 0, heapUsedMb: 0, heapTotalMb: 0, externalMb: 0, sweepRssMb: 0, sweepHeapUsedMb: 0 };
  const sample = () => {
    const m = process.memoryUsage();
    peak.rssMb = Math.max(peak.rssMb, m.rss / 1048576);
    peak.heapUsedMb = Math.max(peak.heapUsedMb, m.heapUsed / 1048576);
    peak.heapTotalMb = Math.max(peak.heapTotalMb, m.heapTotal / 1048576);
    peak.externalMb = Math.max(peak.externalMb, (m.external + m.arrayBuffers) / 1048576);
  };
  const sampler = setInterval(sample, 50);

  const { getDb } = await import('../lib/db');
  const { sweepReminders, SWEEP_BATCH_SIZE } = await import('../lib/server/reminder/sweep-reminders');
  const { findDeadlinesToLook, findDueReminders } = await import('../lib/server/reminder/find-due-reminders');
  const { deliverDueEmails } = await import('../lib/email/deliver-outbox');
  const { createMailTransport } = await import('../lib/email/transport');
  const { brusselsMidnight } = await import('../lib/dates');
  const db = getDb();
  const batchSize = config.sweepBatch ?? SWEEP_BATCH_SIZE;
  const defaults = await defaultLeadsJson();
  const startRssMb = process.memoryUsage().rss / 1048576;

  // (a) The sweep's queries, batch by batch, each next to the floor on the same rows. findDueReminders starts each
  // batch past the last row of the one before, so walking the cursor without writing gives the sweep's batches;
  // the floor gets the same cursor, and the two must return the same rows. Nothing is written here.
  const floor = new pg.Client({ connectionString: config.databaseUrl });
  await floor.connect();
  const queryMs: number[] = [];
  const floorMs: number[] = [];
  let floorMismatch: string | null = null;
  const time = async <T>(samples: number[], run: () => Promise<T>) => {
    const started = performance.now();
    const result = await run();
    samples.push(performance.now() - started);
    return result;
  };
  for (let after: LookedDeadline | null = null; ; ) {
    const cursor: LookedDeadline | null = after;
    let looked: LookedDeadline[] = [];
    const runLib = (): Promise<DueReminder[]> =>
      time(queryMs, async () => {
        looked = await findDeadlinesToLook(db, { day: DAY, limit: batchSize, after: cursor });
        return findDueReminders(db, { day: DAY, deadlineIds: looked.map((l) => l.deadlineId) });
      });
    const runFloor = (): Promise<FloorRow[]> =>
      time(floorMs, async () => {
        const args = cursor ? [DAY, batchSize, defaults, cursor.remindOn.toISOString().slice(0, 10), cursor.deadlineId] : [DAY, batchSize, defaults];
        return (await floor.query<FloorRow>(cursor ? FLOOR_AFTER_SQL : FLOOR_SQL, args)).rows;
      });
    // Alternate which goes first, so neither always finds the pages the other just read.
    let lib: DueReminder[];
    let theirs: FloorRow[];
    if (queryMs.length % 2 === 0) {
      lib = await runLib();
      theirs = await runFloor();
    } else {
      theirs = await runFloor();
      lib = await runLib();
    }
    if (!floorMismatch && lib.map(rowKey).join() !== theirs.map(rowKey).join()) {
      floorMismatch = `batch ${queryMs.length}: findDueReminders returned ${lib.length} rows, the floor ${theirs.length}, not the same`;
    }
    if (looked.length < batchSize) break;
    after = looked.at(-1)!;
  }
  await floor.end();

  // (b) The sweep, and (c) the delivery. As in the worker, whose outbox poll (every 5 s) drains what each sweep
  // batch wrote while the sweep goes on, the delivery loop runs next to the sweep unless --sequential asks for
  // one after the other. The sweep's own queries are timed too, next to its writes.
  const sweepQueryMs: number[] = [];
  const timed = new Proxy(db, {
    get(target, prop) {
      if (prop === '$queryRaw') return (...args: Parameters<typeof db.$queryRaw>) => time(sweepQueryMs, () => target.$queryRaw(...args));
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  const transport = createMailTransport(config.smtpUrl);
  if (!transport) throw new Error('no transport');
  const delivery = { seconds: 0, calls: 0, claimed: 0, sent: 0, retrying: 0, failed: 0, lostClaims: 0 };
  let sweeping = true;
  const started = performance.now();
  const sweepRun = sweepReminders({ db: timed, now: new Date(brusselsMidnight(DAY).getTime() + 9 * 3_600_000), batchSize }).then((report) => {
    sweeping = false;
    sample();
    peak.sweepRssMb = peak.rssMb;
    peak.sweepHeapUsedMb = peak.heapUsedMb;
    return { report, seconds: (performance.now() - started) / 1000 };
  });
  const deliver = async () => {
    while (!config.sweepOnly) {
      const r = await deliverDueEmails({ db, transport, batchSize: config.deliverBatch, ...(config.concurrency ? { concurrency: config.concurrency } : {}) });
      delivery.calls += 1;
      delivery.claimed += r.claimed;
      delivery.sent += r.sent;
      delivery.retrying += r.retrying;
      delivery.failed += r.failed;
      delivery.lostClaims += r.lostClaims;
      if (r.retrying > 0 || r.failed > 0) throw new Error(`delivery failed: ${JSON.stringify(r)}`);
      if (r.claimed === 0 && !sweeping) break;
      // The outbox is empty for now but the sweep is still writing: look again shortly (the worker waits 5 s).
      if (r.claimed === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  let sweepResult: Awaited<typeof sweepRun>;
  if (config.sequential) {
    sweepResult = await sweepRun;
    const deliveryStarted = performance.now();
    await deliver();
    delivery.seconds = (performance.now() - deliveryStarted) / 1000;
  } else {
    [sweepResult] = await Promise.all([sweepRun, deliver()]);
    delivery.seconds = (performance.now() - started) / 1000;
  }
  const { report, seconds: sweepSeconds } = sweepResult;
  transport.close();

  // (d) The delivery's floor: a sample of the same messages through the same transport, to the same sink, the
  // same number in flight, with no database: what nodemailer and the sink cost on this machine by themselves.
  const smtpFloor = config.sweepOnly ? null : await sendWithoutDatabase(db, config, createMailTransport);

  // (e) The next minute's sweeps, with every reminder of the day queued: what the worker pays every minute of
  // a day when nothing new comes due.
  const { sweepTaskReminders } = await import('../lib/server/reminder/sweep-task-reminders');
  const later = new Date(brusselsMidnight(DAY).getTime() + 9 * 3_600_000 + 60_000);
  let idleFound = 0;
  const idleRuns = { runs: 20, warmup: 2 };
  const idleSweep = await timeRuns(async () => {
    const again = await sweepReminders({ db, now: later, batchSize });
    idleFound += again.found;
  }, idleRuns);
  const idleTasks = await timeRuns(() => sweepTaskReminders({ db, now: later }), idleRuns);
  await db.$disconnect();
  clearInterval(sampler);
  sample();

  return {
    sweep: { seconds: sweepSeconds, querySeconds: sweepQueryMs.reduce((sum, ms) => sum + ms, 0) / 1000, ...report, batchSize },
    queryMs,
    floorMs,
    sweepQueryMs,
    floorMismatch,
    delivery,
    smtpFloor,
    idle: { sweep: idleSweep, tasks: idleTasks, found: idleFound, runs: idleRuns.runs },
    memory: { ...peak, startRssMb },
    nodeOptions: [
      ...process.execArgv.filter((arg) => arg.startsWith('--max') || arg.startsWith('--optimize')),
      ...(process.env.MALLOC_ARENA_MAX ? [`MALLOC_ARENA_MAX=${process.env.MALLOC_ARENA_MAX}`] : []),
    ].join(' '),
  };
}

const SMTP_FLOOR_SAMPLE = 5_000;

async function sendWithoutDatabase(db: Db, config: Config, createMailTransport: typeof CreateMailTransport) {
  const transport = createMailTransport(config.smtpUrl)!;
  const from = 'Sejour <no-reply@sejour.local>';
  // deliverDueEmails' default, unless --concurrency says otherwise
  const inFlight = config.concurrency ?? 10;
  const select = { id: true, toEmail: true, subject: true, html: true, text: true } as const;
  let sent = 0;
  let seconds = 0;
  // Read a page at a time, outside the timing, so the sample does not grow the worker's memory.
  for (let after: string | undefined; sent < SMTP_FLOOR_SAMPLE; ) {
    const rows = await db.emailOutbox.findMany({ where: after ? { id: { gt: after } } : {}, orderBy: { id: 'asc' }, take: 500, select });
    if (rows.length === 0) break;
    after = rows.at(-1)!.id;
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (next < rows.length) {
          const row = rows[next++]!;
          await transport.sendMail({ from, to: row.toEmail, subject: row.subject, html: row.html, text: row.text, messageId: `<floor-${row.id}@sejour.local>` });
        }
      }),
    );
    seconds += (performance.now() - started) / 1000;
    sent += rows.length;
  }
  transport.close();
  return { sent, seconds };
}

// Started by bench/reminders.ts: wait for the configuration, run, report, exit.
process.once('message', (config: Config) => {
  runWorker(config).then(
    (result) => {
      const hwm = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
      process.send!({ result: { ...result, hwmMb: hwm ? Number(hwm[1]) / 1024 : undefined } }, () => process.exit(0));
    },
    (error: unknown) => {
      process.send!({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }, () => process.exit(1));
    },
  );
});
