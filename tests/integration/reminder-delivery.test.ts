import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addDaysPlain, brusselsMidnight, toDbDate } from '@/lib/dates';
import type { Case, Client, Firm, User } from '@/lib/generated/prisma/client';
import type { Locale } from '@/lib/generated/prisma/enums';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { createCase, createClient, createFirmWithStaff, unique } from './support/fixtures';
import { setupTestDatabase } from './support/test-database';

// Reminders end to end: the sweep writes the outbox, deliverDueEmails sends it over a real nodemailer transport
// to a real SMTP server in this process, against a real Postgres. Clocks are parameters (`now`), never sleeps;
// whatever runs elsewhere (a child worker) is waited for by polling the database with a deadline.

const url = await setupTestDatabase();
const { getDb } = await import('@/lib/db');
const { PrismaClient } = await import('@/lib/generated/prisma/client');
const { PrismaPg } = await import('@prisma/adapter-pg');
const { sweepReminders } = await import('@/lib/server/reminder/sweep-reminders');
const { reminderInstant } = await import('@/lib/server/reminder/reminder-day');
const { deliverDueEmails } = await import('@/lib/email/deliver-outbox');
const { BACKOFF_MS } = await import('@/lib/email/retry-policy');
const { createMailTransport } = await import('@/lib/email/transport');

type Db = ReturnType<typeof getDb>;
type Transport = NonNullable<ReturnType<typeof createMailTransport>>;
type WorldCase = { firm: Firm; advisor: User; client: Client; kase: Case };
type Expected = { key: string; to: string };

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const db = getDb();
// A second worker, as far as Postgres can tell: its own client, pool and SMTP connections.
const otherDb = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 5 }) });
const MINUTE = 60_000;
let sink: SmtpSink;
let transport: Transport;
let otherTransport: Transport;
const world: WorldCase[] = [];

// That hour (and minute) in Brussels on the given day, summer or winter.
const at = (day: string, hour = 9, minute = 0) => new Date(brusselsMidnight(day).getTime() + (hour * 60 + minute) * MINUTE);
const later = (from: Date, ms: number) => new Date(from.getTime() + ms);

beforeAll(async () => {
  sink = await startSmtpSink();
  transport = createMailTransport(sink.url)!;
  otherTransport = createMailTransport(sink.url)!;
  const languages: Locale[] = ['fr', 'nl', 'en'];
  for (const [f, cases] of [4, 3, 3].entries()) {
    const staff = await createFirmWithStaff(`Delivery ${f}`);
    for (let i = 0; i < cases; i++) {
      const { client } = await createClient(staff.firm, { language: languages[(f + i) % 3], firstName: `Client${f}${i}` });
      const kase = await createCase(staff.firm, client, { assignedToId: staff.advisor.user.id });
      world.push({ firm: staff.firm, advisor: staff.advisor.user, client, kase });
    }
  }
});

afterAll(async () => {
  transport.close();
  otherTransport.close();
  await otherDb.$disconnect();
  await sink.stop();
});

beforeEach(async () => {
  // The sweep and the delivery look at every firm: each test starts with no deadlines, reminders or outbox.
  await db.deadline.deleteMany();
  await db.emailOutbox.deleteMany();
  sink.clear();
  sink.setFailure(null);
});

const addDeadline = (c: WorldCase, kind: 'APPEAL' | 'DECISION_DUE', dueOn: string, actor: 'CLIENT' | 'ADVISOR') =>
  db.deadline.create({ data: { firmId: c.firm.id, caseId: c.kase.id, key: `${kind}:${unique()}`, kind, dueOn: toDbDate(dueOn), basis: 'test basis', confidence: 'H', actor } });

/** What must arrive for a deadline at these leads: the advisor always, the client when it is theirs to do. */
function expectedFor(c: WorldCase, deadline: { id: string; actor: string }, leads: number[]): Expected[] {
  const recipients = [{ key: `user:${c.advisor.id}`, to: c.advisor.email }];
  if (deadline.actor === 'CLIENT') recipients.push({ key: `client:${c.client.id}`, to: c.client.email!.toLowerCase() });
  return leads.flatMap((lead) => recipients.map((r) => ({ key: `reminder:${deadline.id}:${r.key}:${lead}`, to: r.to })));
}

const sweep = (client: Db, now: Date, batchSize = 500) => sweepReminders({ db: client, now, batchSize });

/** Delivers until nothing is due at `now`; no claim may be lost to another worker. */
async function drain(client: Db, via: Transport, now: Date, batchSize = 7) {
  const total = { claimed: 0, sent: 0, retrying: 0, failed: 0 };
  for (;;) {
    const report = await deliverDueEmails({ db: client, transport: via, now, batchSize });
    expect(report.lostClaims).toBe(0);
    if (report.claimed === 0) return total;
    for (const k of ['claimed', 'sent', 'retrying', 'failed'] as const) total[k] += report[k];
  }
}

/** The sink holds exactly one message per expected (deadline, recipient, lead), to the right address, and no more. */
async function expectDeliveredOnce(expected: Expected[], { uniqueSubjects = true } = {}) {
  const rows = await db.emailOutbox.findMany({ where: { key: { in: expected.map((e) => e.key) } } });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const ids = sink.messages.map((m) => /^<outbox-([^@>]+)@[^>]+>$/.exec(m.messageId ?? '')?.[1]);
  expect(sink.messages).toHaveLength(expected.length);
  expect(new Set(ids).size).toBe(expected.length);
  const got = sink.messages.map((m, i) => {
    const row = byId.get(ids[i] ?? '');
    expect(row, `message ${m.messageId} to ${m.to.join(',')} is one of the expected outbox rows`).toBeDefined();
    expect(m.subject).toBe(row!.subject);
    expect(row).toMatchObject({ status: 'SENT', providerMessageId: m.messageId });
    return { key: row!.key, to: m.to.join(',') };
  });
  const order = (list: Expected[]) => [...list].sort((x, y) => x.key.localeCompare(y.key));
  expect(order(got)).toEqual(order(expected));
  if (uniqueSubjects) expect(new Set(sink.messages.map((m) => `${m.to.join(',')} ${m.subject}`)).size).toBe(expected.length);
}

async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('reminder delivery over SMTP', () => {
  it('delivers each due reminder exactly once, however many sweeps and deliveries run, two of each at once', async () => {
    const dueOn = '2028-04-20';
    const days = [addDaysPlain(dueOn, -14), addDaysPlain(dueOn, -7)];
    const expectedByDay: Expected[][] = [[], []];
    for (const c of world) {
      const appeal = await addDeadline(c, 'APPEAL', dueOn, 'CLIENT');
      const decision = await addDeadline(c, 'DECISION_DUE', dueOn, 'ADVISOR');
      expectedByDay[0]!.push(...expectedFor(c, appeal, [14]), ...expectedFor(c, decision, [14]));
      // DECISION_DUE has no 7-day lead (14 and 3): nothing for it on the second day.
      expectedByDay[1]!.push(...expectedFor(c, appeal, [7]));
    }
    expect(expectedByDay[0]).toHaveLength(30);

    for (const [i, day] of days.entries()) {
      const reports = await Promise.all([sweep(db, at(day, 7), 4), sweep(otherDb, at(day, 7), 4)]);
      expect(reports[0].queued + reports[1].queued).toBe(expectedByDay[i]!.length);
      expect((await sweep(db, at(day, 12), 4)).queued).toBe(0);
      const delivered = await Promise.all([drain(db, transport, at(day, 7, 1)), drain(otherDb, otherTransport, at(day, 7, 1))]);
      expect(delivered[0].sent + delivered[1].sent).toBe(expectedByDay[i]!.length);
      expect(delivered[0].claimed + delivered[1].claimed).toBe(expectedByDay[i]!.length);
      await Promise.all([sweep(db, at(day, 18)), sweep(otherDb, at(day, 18))]);
      expect((await drain(db, transport, at(day, 18))).claimed).toBe(0);
    }

    const all = expectedByDay.flat();
    await expectDeliveredOnce(all);
    expect(await db.reminder.count({ where: { status: 'QUEUED', outboxId: { not: null } } })).toBe(all.length);
    expect(await db.emailAttempt.count()).toBe(all.length);
    expect(sink.rejections).toEqual([]);
  });

  it('keeps retrying while SMTP is down, with the attempts logged, and delivers each reminder once when it is back', async () => {
    const dueOn = '2028-06-15';
    const day = addDaysPlain(dueOn, -14);
    const expected: Expected[] = [];
    for (const c of world) expected.push(...expectedFor(c, await addDeadline(c, 'APPEAL', dueOn, 'CLIENT'), [14]));
    expect((await sweep(db, at(day, 7))).queued).toBe(expected.length);

    sink.setFailure('transient');
    const failedAt: Date[] = [];
    let now = at(day, 7, 1);
    for (const wait of BACKOFF_MS.slice(0, 3)) {
      expect(await drain(db, transport, now)).toMatchObject({ claimed: expected.length, retrying: expected.length, sent: 0 });
      failedAt.push(now);
      const rows = await db.emailOutbox.findMany();
      for (const row of rows) expect(row).toMatchObject({ status: 'RETRYING', attempts: failedAt.length, nextAttemptAt: later(now, wait), lockedUntil: null, sentAt: null });
      expect(rows[0]!.lastError).toMatch(/RCPT TO 451/);
      // Not due again before the backoff has passed, and a sweep meanwhile writes nothing new.
      expect((await drain(db, transport, later(now, wait - 1_000))).claimed).toBe(0);
      expect((await sweep(db, later(now, wait - 1_000))).found).toBe(0);
      now = later(now, wait);
    }
    expect(sink.messages).toEqual([]);
    expect(sink.rejections).toHaveLength(3 * expected.length);

    sink.setFailure(null);
    expect(await drain(db, transport, now)).toMatchObject({ claimed: expected.length, sent: expected.length });
    expect((await drain(db, transport, later(now, 24 * 60 * MINUTE))).claimed).toBe(0);
    await expectDeliveredOnce(expected);

    const rows = await db.emailOutbox.findMany({ include: { attemptsLog: { orderBy: { at: 'asc' } } } });
    for (const row of rows) {
      expect(row).toMatchObject({ status: 'SENT', attempts: 4, sentAt: now, lastError: null });
      expect(row.attemptsLog.map((a) => [a.ok, a.at, a.providerMessageId])).toEqual([...failedAt.map((t) => [false, t, null]), [true, now, row.providerMessageId]]);
      expect(row.attemptsLog[0]!.error).toMatch(/451/);
    }
  });

  it('marks a refused address FAILED for the case advisor and delivers the others', async () => {
    const dueOn = '2028-07-20';
    const day = addDaysPlain(dueOn, -14);
    const cases = world.filter((c) => c.firm.id === world[0]!.firm.id);
    const expected: Expected[] = [];
    for (const c of cases) expected.push(...expectedFor(c, await addDeadline(c, 'APPEAL', dueOn, 'CLIENT'), [14]));
    await sweep(db, at(day, 7));
    const bad = cases[0]!.client.email!.toLowerCase();
    sink.setFailure((recipient) => (recipient.toLowerCase() === bad ? 'permanent' : null));

    const now = at(day, 7, 1);
    expect(await drain(db, transport, now)).toMatchObject({ claimed: expected.length, sent: expected.length - 1, failed: 1 });
    const failed = await db.emailOutbox.findFirstOrThrow({ where: { toEmail: bad }, include: { attemptsLog: true } });
    expect(failed).toMatchObject({ status: 'FAILED', permanentFailure: true, responsibleUserId: cases[0]!.advisor.id, attempts: 1, sentAt: null, template: 'client-reminder' });
    expect(failed.lastError).toMatch(/550/);
    expect(failed.attemptsLog).toEqual([expect.objectContaining({ ok: false, providerMessageId: null })]);

    sink.setFailure(null);
    expect((await drain(db, transport, later(now, 7 * 24 * 60 * MINUTE))).claimed).toBe(0);
    await expectDeliveredOnce(expected.filter((e) => e.to !== bad));
    expect(sink.rejections).toEqual([{ recipient: bad, code: 550 }]);
  });

  it('re-plans the next reminder of a moved deadline and stops when it is done', async () => {
    const c = world[5]!;
    const oldDue = '2028-09-20';
    const newDue = addDaysPlain(oldDue, 5);
    const appeal = await addDeadline(c, 'APPEAL', oldDue, 'CLIENT');
    const leadsWritten = async () => (await db.reminder.findMany({ where: { deadlineId: appeal.id }, orderBy: { leadDays: 'desc' } })).map((r) => r.leadDays);

    expect((await sweep(db, at(addDaysPlain(oldDue, -14), 7))).queued).toBe(2);
    await drain(db, transport, at(addDaysPlain(oldDue, -14), 7, 1));
    expect(sink.messages).toHaveLength(2);

    await db.deadline.update({ where: { id: appeal.id }, data: { dueOn: toDbDate(newDue) } });
    // The old 7-day morning passes with nothing; so do the days up to the new one, and its own day before 07:00.
    for (const now of [at(addDaysPlain(oldDue, -7), 8), at(addDaysPlain(newDue, -8), 12), at(addDaysPlain(newDue, -7), 6, 59)]) {
      expect((await sweep(db, now)).found).toBe(0);
      expect((await drain(db, transport, now)).claimed).toBe(0);
    }
    expect(await leadsWritten()).toEqual([14, 14]);

    const newSevenDay = at(addDaysPlain(newDue, -7), 7);
    expect((await sweep(db, newSevenDay)).queued).toBe(2);
    expect((await drain(db, transport, later(newSevenDay, MINUTE))).sent).toBe(2);
    const seven = await db.reminder.findMany({ where: { deadlineId: appeal.id, leadDays: 7 } });
    expect(seven.map((r) => r.dueAt)).toEqual([reminderInstant(addDaysPlain(newDue, -7)), reminderInstant(addDaysPlain(newDue, -7))]);

    await db.deadline.update({ where: { id: appeal.id }, data: { status: 'DONE', completedAt: newSevenDay } });
    for (const day of [addDaysPlain(newDue, -3), addDaysPlain(newDue, -1), newDue]) {
      expect((await sweep(db, at(day, 9))).found).toBe(0);
      expect((await drain(db, transport, at(day, 9))).claimed).toBe(0);
    }
    expect(await leadsWritten()).toEqual([14, 14, 7, 7]);
    await expectDeliveredOnce(expectedFor(c, appeal, [14, 7]));
  });
});

describe('a worker killed in the middle of a sweep', () => {
  const TOTAL = 400;
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
    } catch {
      return false;
    }
    // A zombie cannot write any more; it only waits to be reaped.
    try {
      return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    } catch {
      return true;
    }
  };

  it('leaves each reminder written fully or not at all, and the next sweep writes exactly the rest', { timeout: 120_000 }, async () => {
    const dueOn = '2028-11-20';
    const now = at(addDaysPlain(dueOn, -14), 7);
    const expected: Expected[] = [];
    const perCase = TOTAL / 2 / world.length;
    for (const c of world) {
      const deadlines = await db.deadline.createManyAndReturn({
        data: Array.from({ length: perCase }, (_, i) => ({ firmId: c.firm.id, caseId: c.kase.id, key: `APPEAL:${i}:${unique()}`, kind: 'APPEAL' as const, dueOn: toDbDate(dueOn), basis: 'test basis', confidence: 'H' as const, actor: 'CLIENT' as const })),
      });
      for (const d of deadlines) expected.push(...expectedFor(c, d, [14]));
    }
    expect(expected).toHaveLength(TOTAL);

    const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['tests/integration/support/sweep-child.ts', now.toISOString(), '5'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url },
      // Its own process group: the tsx CLI runs the script in a child node process and cannot pass SIGKILL on.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    let running = true;
    void exited.then(() => (running = false));
    let scriptPid = 0;
    try {
      await until(async () => {
        if (!running) throw new Error(`the sweep child exited before it was killed:\n${output}`);
        scriptPid = Number(/^pid (\d+)$/m.exec(output)?.[1] ?? 0);
        // Well into the sweep (batches of 5), and far from its end: it writes a batch every ~0.2 s here.
        return scriptPid > 0 && (await db.reminder.count()) >= TOTAL / 8;
      }, 'the child to write its first reminders');
      process.kill(-child.pid!, 'SIGKILL');
      await exited;
      await until(async () => !alive(scriptPid), 'the sweeping process to be gone', 10_000);
    } finally {
      if (running) process.kill(-child.pid!, 'SIGKILL');
    }
    expect(output).not.toContain('done');

    // What the killed worker left: whole reminders only (each with its outbox row), some but not all of them.
    const written = await db.reminder.count();
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(TOTAL);
    expect(await db.emailOutbox.count()).toBe(written);
    expect(await db.reminder.count({ where: { status: 'QUEUED', outboxId: { not: null } } })).toBe(written);

    expect((await sweep(db, now)).queued).toBe(TOTAL - written);
    expect((await sweep(db, now)).found).toBe(0);
    const reminders = await db.reminder.findMany({ include: { outbox: { select: { key: true } } } });
    expect(reminders).toHaveLength(TOTAL);
    expect(new Set(reminders.map((r) => `reminder:${r.deadlineId}:${r.recipientKey}:${r.leadDays}`))).toEqual(new Set(expected.map((e) => e.key)));
    expect(new Set(reminders.map((r) => r.outbox?.key))).toEqual(new Set(expected.map((e) => e.key)));
    expect(await db.emailOutbox.count()).toBe(TOTAL);

    expect(await drain(db, transport, later(now, MINUTE), 50)).toMatchObject({ claimed: TOTAL, sent: TOTAL });
    await expectDeliveredOnce(expected, { uniqueSubjects: false });
    console.info(`sweep child killed after ${written} of ${TOTAL} reminders`);
  });
});
