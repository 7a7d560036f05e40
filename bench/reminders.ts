// npm run bench:reminders — the reminder sweep and the outbox delivery with 100,000 reminders due on one day.
// A throwaway database (an embedded Postgres in a temp dir, or a new database on DATABASE_URL's server) is
// migrated and filled by SQL with deadlines that make exactly that many reminders due on a fixed day, plus
// deadlines that must not produce one (done, not yet due, digest advisors, closed cases). Then, in a worker
// process of its own (so its memory is the worker's, not the benchmark's or the SMTP sink's):
//   (a) the sweep's queries batch by batch (deadlines whose look day has come, then their due reminders), each next to one hand-written SQL query
//       selecting the same rows (the floor); nothing is written;
//   (b) sweepReminders at 09:00 that day: renders every email, writes the outbox and Reminder rows;
//   (c) deliverDueEmails in a loop, through the nodemailer pool of createMailTransport, to an SMTP sink on
//       127.0.0.1 (run by the benchmark's own process) that counts messages without parsing them, until none is due;
//       as in the worker (whose outbox poll drains what the sweep writes while it goes on), (c) runs next to (b),
//       or after it with --sequential (what npm run bench:reminders does: the delivery is judged against the
//       SMTP floor, which runs alone, so it runs alone too);
//   (d) the SMTP floor: the same messages through the same transport to the same sink, no database;
//   (e) the next minute's sweeps with nothing new due (the idle cost).
// It prints reminders per second for (b), (c) and both (both overlapping, end to end is the time to the last send), the query times, and the worker's peak memory; the
// counts are checked (Reminder rows, SENT outbox rows, messages received) and a difference fails the run.
// Figures only: nothing here is a test, and the machine's other load shows in them. The data and the floor are in
// reminders-data.ts, the worker's part in reminders-worker.ts, the sink in counting-smtp-sink.ts.
//
//   npm run bench:reminders -- [--reminders 100000] [--sweep-batch N (default: the sweep's)] [--deliver-batch 50]
//     [--concurrency N (default: deliverDueEmails')] [--worker-node-options="…"] [--sequential] [--sweep-only]
import { fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startCountingSink } from './counting-smtp-sink';
import { productionKeys } from './production-env';
import { DAY, defaultLeadsJson, FLOOR_SQL, seed } from './reminders-data';
import type { Config, WorkerResult } from './reminders-worker';
import { loadAverage, stats, verdict } from './stats';

const { values: flags } = parseArgs({
  options: {
    reminders: { type: 'string', default: '100000' },
    'sweep-batch': { type: 'string' },
    'deliver-batch': { type: 'string', default: '50' },
    concurrency: { type: 'string' },
    'worker-node-options': { type: 'string', default: process.env.BENCH_WORKER_NODE_OPTIONS ?? '' },
    // The sweep first, then the delivery, each timed on its own (by default they overlap, as in the worker).
    sequential: { type: 'boolean', default: false },
    // Only the sweep (for working on it): nothing is delivered, and the delivery counts are not checked.
    'sweep-only': { type: 'boolean', default: false },
  },
});

const say = (line: string) => console.log(`[bench] ${line}`);
const ms = (value: number) => value.toFixed(1);
const pair = (s: { median: number; p95: number }) => `${ms(s.median)} / ${ms(s.p95)}`;
const n = (value: number) => Math.round(value).toLocaleString('en');

// ---------- the benchmark ----------

async function runBench(): Promise<number> {
  const loadAtStart = loadAverage();
  const reminders = Number(flags.reminders);
  const config: Omit<Config, 'databaseUrl' | 'smtpUrl'> = {
    sweepBatch: flags['sweep-batch'] ? Number(flags['sweep-batch']) : null,
    deliverBatch: Number(flags['deliver-batch']),
    concurrency: flags.concurrency ? Number(flags.concurrency) : null,
    sequential: flags.sequential,
    sweepOnly: flags['sweep-only'],
  };
  const { createDatabaseIfMissing } = await import('../lib/dev/dev-database');
  const { databaseUrl, startEmbeddedPostgres } = await import('../lib/dev/embedded-postgres');
  const { deployMigrations } = await import('../lib/dev/migrations');
  const { watchMemory } = await import('./web-server');
  const { dropDatabase } = await import('../tests/integration/support/admin');

  // A throwaway database: on DATABASE_URL's server if set, else in an embedded Postgres of our own.
  let cleanup = async () => {};
  let url: string;
  if (process.env.DATABASE_URL) {
    const base = process.env.DATABASE_URL;
    const name = `sejour_bench_reminders_${process.pid}`;
    await createDatabaseIfMissing(base, name);
    url = databaseUrl(base, name);
    cleanup = () => dropDatabase(base, name);
    say(`database ${name} on DATABASE_URL's server`);
  } else {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'sejour-bench-reminders-'));
    const server = await startEmbeddedPostgres({ dataDir: path.join(tmp, 'pg'), persistent: false });
    await createDatabaseIfMissing(server.baseUrl, 'sejour_bench');
    url = databaseUrl(server.baseUrl, 'sejour_bench');
    cleanup = async () => {
      await server.stop();
      await rm(tmp, { recursive: true, force: true });
    };
    say(`embedded Postgres in ${tmp}`);
  }

  let sink: Awaited<ReturnType<typeof startCountingSink>> | null = null;
  const admin = new pg.Client({ connectionString: url });
  // Stopping the server at the end ends this connection from the other side.
  admin.on('error', () => {});
  try {
    await deployMigrations(url, { log: () => {} });
    await admin.connect();
    const seedStarted = performance.now();
    const seeded = await seed(admin, reminders);
    // The floor, run once over every deadline (its page is deadlines looked at, silent ones included), says how
    // many reminders are due: the data must make exactly `reminders`.
    const { rows: [due] } = await admin.query<{ count: number }>(`SELECT count(*)::int AS count FROM (${FLOOR_SQL}) x`, [DAY, seeded.deadlines, await defaultLeadsJson()]);
    if (due!.count !== reminders) throw new Error(`the data makes ${due!.count} reminders due on ${DAY}, not ${reminders}`);
    say(`${n(seeded.cases)} cases, ${n(seeded.deadlines)} deadlines seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s; ${n(due!.count)} reminders due on ${DAY}`);

    sink = await startCountingSink();
    say(`SMTP sink on ${sink.url}; starting the worker${flags['worker-node-options'] ? ` with ${flags['worker-node-options']}` : ''}…`);
    const execArgv = [...process.execArgv, ...flags['worker-node-options'].split(' ').filter(Boolean)];
    const child = fork(fileURLToPath(new URL('./reminders-worker.ts', import.meta.url)), [], {
      execArgv,
      env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn', NODE_ENV: 'production', AUTH_SECRET: 'bench-secret-bench-secret-bench-secret!', APP_URL: 'https://sejour.example.be', ...productionKeys() },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const memory = watchMemory(child.pid!);
    const result = await new Promise<WorkerResult>((resolve, reject) => {
      let answer: WorkerResult | null = null;
      child.on('message', (message: { result?: WorkerResult; error?: string }) => {
        if (message.error) reject(new Error(`worker: ${message.error}`));
        else answer = message.result ?? null;
      });
      // The kernel's high-water mark must be read before the process is gone.
      child.on('exit', (code) => (answer && code === 0 ? resolve(answer) : reject(new Error(`worker exited with code ${code}`))));
      child.send({ ...config, databaseUrl: url, smtpUrl: sink!.url } satisfies Config);
    });
    memory.stop();
    const sampledRssMb = memory.peakMb();

    const { rows: [counts] } = await admin.query<{ reminders: number; queued: number; sent: number; outbox: number; attempts: number }>(
      `SELECT (SELECT count(*)::int FROM "Reminder") AS reminders, (SELECT count(*)::int FROM "Reminder" WHERE status = 'QUEUED') AS queued,
         (SELECT count(*)::int FROM "EmailOutbox") AS outbox, (SELECT count(*)::int FROM "EmailOutbox" WHERE status = 'SENT') AS sent,
         (SELECT count(*)::int FROM "EmailAttempt") AS attempts`,
    );
    const received = sink.counts();

    const { sweep, delivery } = result;
    const q = stats(result.queryMs);
    const f = stats(result.floorMs);
    // Overlapping, the delivery's time already runs from the start of the sweep.
    const total = config.sequential ? sweep.seconds + delivery.seconds : Math.max(sweep.seconds, delivery.seconds);
    const rate = (seconds: number) => n(reminders / seconds).padStart(7);
    const rssMb = Math.max(sampledRssMb, result.memory.rssMb, result.hwmMb ?? 0);
    console.log('');
    console.log(
      `Reminders, ${n(reminders)} due on ${DAY} (${n(seeded.cases)} cases, ${n(seeded.deadlines)} deadlines); sweep batches of ${n(sweep.batchSize)}, ` +
        `delivery batches of ${config.deliverBatch} with ${config.concurrency ?? 'the default'} in flight${config.sequential ? ', one after the other' : ', delivering while the sweep writes'}${result.nodeOptions ? `; worker ${result.nodeOptions}` : ''}.`,
    );
    console.log('');
    console.log('                                seconds   reminders/s');
    console.log(`sweep (render, write outbox)   ${sweep.seconds.toFixed(1).padStart(8)}   ${rate(sweep.seconds)}   (${sweep.batches} batches; findDueReminders busy ${sweep.querySeconds.toFixed(1)} s, next to the writes)`);
    if (!config.sweepOnly) {
      console.log(`${config.sequential ? 'delivery (SMTP to the sink)   ' : 'delivery, to the last send    '} ${delivery.seconds.toFixed(1).padStart(8)}   ${rate(delivery.seconds)}   (${delivery.calls} deliverDueEmails calls)`);
      console.log(`end to end                     ${total.toFixed(1).padStart(8)}   ${rate(total)}`);
      const floor = result.smtpFloor;
      if (floor) {
        const floorRate = floor.sent / floor.seconds;
        const deliveryRate = reminders / delivery.seconds;
        console.log(`SMTP floor, no database        ${floor.seconds.toFixed(1).padStart(8)}   ${n(floorRate).padStart(7)}   (${n(floor.sent)} of the same messages, same transport and sink; delivery at ${(deliveryRate / floorRate * 100).toFixed(0)}% of it)`);
      }
    }
    console.log('');
    const inSweep = stats(result.sweepQueryMs.slice(0, -1));
    console.log(`query per batch (${result.queryMs.length} batches, the sweep's cursors, before it ran), ms median / p95:`);
    console.log(`  findDueReminders ${pair(q)}   floor SQL, same rows ${pair(f)}   ratio ${(q.median / f.median).toFixed(2)}x / ${(q.p95 / f.p95).toFixed(2)}x`);
    console.log(`  in the sweep, next to its writes ${pair(inSweep)}; its last look from the top (all ${n(reminders)} written) ${ms(result.sweepQueryMs.at(-1) ?? NaN)}`);
    console.log(
      `worker memory: ${result.memory.startRssMb.toFixed(0)} MB RSS once loaded; peak RSS ${rssMb.toFixed(0)} MB (kernel high-water mark ${result.hwmMb?.toFixed(0) ?? '?'} MB; ${result.memory.sweepRssMb.toFixed(0)} MB by the end of the sweep); ` +
        `heap used peak ${result.memory.heapUsedMb.toFixed(0)} MB (${result.memory.sweepHeapUsedMb.toFixed(0)} MB in the sweep); external + array buffers peak ${result.memory.externalMb.toFixed(0)} MB`,
    );
    console.log(`counts: ${n(counts!.reminders)} Reminder rows (${n(counts!.queued)} QUEUED), ${n(counts!.sent)} of ${n(counts!.outbox)} outbox rows SENT, ${n(counts!.attempts)} attempts, ${n(received.messages - (result.smtpFloor?.sent ?? 0))} messages received by the sink (${(received.bytes / 1048576).toFixed(0)} MB with the floor's ${n(result.smtpFloor?.sent ?? 0)})`);
    const problems = [
      counts!.reminders !== reminders && `${counts!.reminders} Reminder rows`,
      counts!.queued !== reminders && `${counts!.queued} QUEUED reminders`,
      counts!.outbox !== reminders && `${counts!.outbox} outbox rows`,
      !config.sweepOnly && counts!.sent !== reminders && `${counts!.sent} outbox rows SENT`,
      !config.sweepOnly && received.messages !== reminders + (result.smtpFloor?.sent ?? 0) && `${received.messages - (result.smtpFloor?.sent ?? 0)} messages received`,
      sweep.found !== reminders && `the sweep found ${sweep.found}`,
      result.floorMismatch,
    ].filter(Boolean);
    const { idle } = result;
    console.log(
      `idle, the minute after (nothing new due), ms median / p95 of ${idle.runs}: reminder sweep ${pair(idle.sweep)}, task sweep ${pair(idle.tasks)}; reminders found ${idle.found}`,
    );
    const sweepRate = reminders / sweep.seconds;
    const floorRate = result.smtpFloor ? result.smtpFloor.sent / result.smtpFloor.seconds : NaN;
    const deliveryShare = reminders / delivery.seconds / floorRate;
    const idleMs = idle.sweep.median + idle.tasks.median;
    console.log('');
    console.log(`targets: sweep (find, render, write the outbox) at least 1,500 reminders/s: ${n(sweepRate)} ${verdict(sweepRate >= 1500)}`);
    console.log(
      `         delivery at least 90% of the SMTP floor: ${config.sweepOnly ? 'not measured (--sweep-only)' : `${n(reminders / delivery.seconds)} of ${n(floorRate)}/s, ${(deliveryShare * 100).toFixed(0)}% ${verdict(deliveryShare >= 0.9)}${config.sequential ? '' : ' (delivering next to the sweep; --sequential for the delivery alone)'}`}`,
    );
    console.log(`         idle sweep under 100 ms: ${idleMs.toFixed(1)} ms (reminders and tasks) ${verdict(idleMs < 100 && idle.found === 0)}`);
    console.log(`         end to end at least 1,000 reminders/s: ${config.sweepOnly ? 'not measured (--sweep-only)' : `${n(reminders / total)} ${verdict(reminders / total >= 1000)}`}`);
    console.log(`         worker peak RSS under 300 MB: ${rssMb.toFixed(0)} MB ${rssMb < 300 ? 'met' : 'MISSED'}`);
    console.log(`         every reminder written once, sent once, received once: ${problems.length === 0 ? 'yes' : `NO (${problems.join('; ')})`}`);
    console.log(`load average (1, 5, 15 min): ${loadAtStart} at the start, ${loadAverage()} at the end`);
    return problems.length === 0 ? 0 : 1;
  } catch (error) {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    return 1;
  } finally {
    await admin.end().catch(() => {});
    await sink?.stop();
    await cleanup();
  }
}

let exitCode = 1;
try {
  exitCode = await runBench();
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
}
// embedded-postgres ends the process with code 0 on beforeExit; say the real outcome explicitly.
process.exit(exitCode);
