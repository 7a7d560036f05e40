import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { setupTestDatabase } from './support/test-database';

// The outbox against a real Postgres and a real SMTP server on 127.0.0.1. Time is passed to
// deliverDueEmails as `now`, so "an hour later" is a parameter, never a sleep.

await setupTestDatabase();
const { getDb } = await import('@/lib/db');
const { env } = await import('@/lib/env');
const { enqueueEmail } = await import('@/lib/email/enqueue-email');
const { deliverDueEmails, OUTBOX_ONLY } = await import('@/lib/email/deliver-outbox');
const { createMailTransport } = await import('@/lib/email/transport');
const { MAX_ATTEMPTS } = await import('@/lib/email/retry-policy');
const { AppError } = await import('@/lib/errors');

const db = getDb();
const MINUTE = 60_000;
let sink: SmtpSink;
let transport: NonNullable<ReturnType<typeof createMailTransport>>;
let firm: { id: string; name: string };

beforeAll(async () => {
  sink = await startSmtpSink();
  transport = createMailTransport(sink.url)!;
  firm = await db.firm.create({ data: { name: `Kantoor ${randomUUID().slice(0, 8)}`, slug: `outbox-${randomUUID()}` } });
});

afterAll(async () => {
  transport.close();
  await sink.stop();
});

beforeEach(async () => {
  // deliverDueEmails sends whatever is due in the database; each test starts from an empty outbox.
  await db.emailOutbox.deleteMany();
  sink.clear();
  sink.setFailure(null);
});

const address = (label: string) => `${label}-${randomUUID().slice(0, 8)}@example.com`;
const link = (token: string) => `https://sejour.example/portal/sign-in/verify?token=${token}`;
const later = (from: Date, ms: number) => new Date(from.getTime() + ms);

function queueMagicLink(to: string, options: { key?: string; locale?: 'en' | 'nl' | 'fr'; token?: string } = {}) {
  return db.$transaction((tx) =>
    enqueueEmail(tx, {
      key: options.key ?? `test:${randomUUID()}`,
      firmId: firm.id,
      template: 'magic-link',
      locale: options.locale ?? 'en',
      to,
      props: { firmName: firm.name, url: link(options.token ?? 'tok'), minutes: 20 },
    }),
  );
}

const received = (to: string) => sink.messages.filter((message) => message.to.includes(to));

describe('enqueue then deliver', () => {
  it('sends each email once, in the reader language, from MAIL_FROM with a text and an HTML part', async () => {
    const advisor = await db.user.create({ data: { email: address('advisor') } });
    const nlTo = address('nl');
    const frTo = address('fr');
    await db.$transaction((tx) =>
      enqueueEmail(tx, {
        key: `invitation:${randomUUID()}`,
        firmId: firm.id,
        template: 'invitation',
        locale: 'nl',
        to: nlTo,
        props: { firmName: firm.name, inviterName: 'Sofie Peeters', role: 'ADVISOR', url: 'https://sejour.example/invitations/tok-nl', expiresInDays: 7 },
        responsibleUserId: advisor.id,
      }),
    );
    await queueMagicLink(frTo, { locale: 'fr', token: 'tok-fr' });

    const now = new Date();
    expect(await deliverDueEmails({ db, transport, now })).toEqual({ claimed: 2, sent: 2, retrying: 0, failed: 0, lostClaims: 0 });

    const [nl] = received(nlTo);
    expect(received(nlTo)).toHaveLength(1);
    expect(nl!.subject).toBe(`Sofie Peeters nodigt u uit bij ${firm.name} op Sejour`);
    expect(nl!.text).toContain('https://sejour.example/invitations/tok-nl');
    expect(nl!.text).toContain('als adviseur');
    expect(nl!.html).toContain('lang="nl"');
    expect(nl!.fromHeader).toContain(/<(.+)>/.exec(env().MAIL_FROM)![1]);

    const [fr] = received(frTo);
    expect(received(frTo)).toHaveLength(1);
    expect(fr!.subject).toBe(`Votre lien de connexion pour ${firm.name}`);
    expect(fr!.text).toContain(link('tok-fr'));
    expect(fr!.text).toContain('expire dans 20 minutes');
    expect(fr!.html).toContain('lang="fr"');

    const row = await db.emailOutbox.findFirstOrThrow({ where: { toEmail: nlTo }, include: { attemptsLog: true } });
    expect(row).toMatchObject({ status: 'SENT', attempts: 1, sentAt: now, lockedUntil: null, providerMessageId: nl!.messageId, firmId: firm.id, responsibleUserId: advisor.id, locale: 'nl' });
    expect(row.attemptsLog).toEqual([expect.objectContaining({ ok: true, providerMessageId: nl!.messageId, error: null })]);

    // Nothing is due any more: a later run sends nothing again.
    expect((await deliverDueEmails({ db, transport, now: later(now, 60 * MINUTE) })).claimed).toBe(0);
    expect(sink.messages).toHaveLength(2);
  });

  it('queues a message once per key, even when two transactions race with the same key', async () => {
    const to = address('once');
    const key = `magic-link:${randomUUID()}`;
    const first = await queueMagicLink(to, { key });
    const second = await queueMagicLink(to, { key, token: 'another' });
    expect(first.created).toBe(true);
    expect(second).toEqual({ created: false, id: first.id });

    const raceKey = `race:${randomUUID()}`;
    const race = await Promise.all([queueMagicLink(to, { key: raceKey }), queueMagicLink(to, { key: raceKey })]);
    expect(race.map((result) => result.created).sort()).toEqual([false, true]);
    expect(race[0]!.id).toBe(race[1]!.id);
    expect(await db.emailOutbox.count({ where: { toEmail: to } })).toBe(2);

    await deliverDueEmails({ db, transport });
    expect(received(to)).toHaveLength(2);
    expect(received(to).filter((message) => message.text.includes(link('another')))).toEqual([]);
  });

  it('writes nothing when the surrounding transaction rolls back', async () => {
    const to = address('rollback');
    await expect(
      db.$transaction(async (tx) => {
        await enqueueEmail(tx, { key: `rollback:${randomUUID()}`, firmId: firm.id, template: 'magic-link', locale: 'en', to, props: { firmName: firm.name, url: link('x'), minutes: 20 } });
        throw new Error('the business change failed');
      }),
    ).rejects.toThrow('the business change failed');
    expect(await db.emailOutbox.count({ where: { toEmail: to } })).toBe(0);
  });

  it('refuses a bad address or bad props with a VALIDATION error before writing anything', async () => {
    const attempt = (to: string, url: string) =>
      db.$transaction((tx) => enqueueEmail(tx, { key: `bad:${randomUUID()}`, firmId: null, template: 'magic-link', locale: 'en', to, props: { firmName: 'Firm', url, minutes: 20 } }));
    await expect(attempt('not an address', link('x'))).rejects.toMatchObject({ code: 'VALIDATION', details: { fields: ['to'] } });
    await expect(attempt(address('ok'), 'ftp://example.com/x')).rejects.toMatchObject({ code: 'VALIDATION', details: { fields: ['props.url'] } });
    await expect(attempt('not an address', link('x'))).rejects.toBeInstanceOf(AppError);
    expect(await db.emailOutbox.count()).toBe(0);
  });
});

describe('when SMTP fails', () => {
  it('retries a 451 with growing waits, recording every attempt, and sends once after the server recovers', async () => {
    const to = address('greylisted');
    await queueMagicLink(to);
    sink.setFailure('transient');
    const t0 = new Date();

    expect(await deliverDueEmails({ db, transport, now: t0 })).toMatchObject({ claimed: 1, retrying: 1, sent: 0 });
    let row = await db.emailOutbox.findFirstOrThrow({ where: { toEmail: to } });
    expect(row).toMatchObject({ status: 'RETRYING', attempts: 1, nextAttemptAt: later(t0, MINUTE), lockedUntil: null, permanentFailure: false });
    expect(row.lastError).toContain('451');

    // Not due yet half a minute later.
    expect((await deliverDueEmails({ db, transport, now: later(t0, 30_000) })).claimed).toBe(0);

    const t1 = later(t0, MINUTE);
    expect(await deliverDueEmails({ db, transport, now: t1 })).toMatchObject({ claimed: 1, retrying: 1 });
    row = await db.emailOutbox.findFirstOrThrow({ where: { toEmail: to } });
    expect(row).toMatchObject({ status: 'RETRYING', attempts: 2, nextAttemptAt: later(t1, 5 * MINUTE) });

    sink.setFailure(null);
    const t2 = later(t1, 5 * MINUTE);
    expect(await deliverDueEmails({ db, transport, now: t2 })).toMatchObject({ claimed: 1, sent: 1 });
    expect(await deliverDueEmails({ db, transport, now: later(t2, 24 * 60 * MINUTE) })).toMatchObject({ claimed: 0 });

    expect(received(to)).toHaveLength(1);
    expect(sink.rejections.filter((r) => r.recipient === to)).toEqual([
      { recipient: to, code: 451 },
      { recipient: to, code: 451 },
    ]);
    const attempts = await db.emailAttempt.findMany({ where: { outbox: { toEmail: to } }, orderBy: { at: 'asc' } });
    expect(attempts.map((a) => [a.ok, a.at])).toEqual([
      [false, t0],
      [false, t1],
      [true, t2],
    ]);
    expect(attempts[0]!.error).toMatch(/RCPT TO 451/);
    expect(await db.emailOutbox.findFirstOrThrow({ where: { toEmail: to } })).toMatchObject({ status: 'SENT', attempts: 3, sentAt: t2, lastError: null });
  });

  it('marks a 550 (no such mailbox) FAILED and permanent at once, and never tries it again', async () => {
    const bad = address('bad');
    const good = address('good');
    await queueMagicLink(bad);
    await queueMagicLink(good);
    sink.setFailure((recipient) => (recipient === bad ? 'permanent' : null));
    const now = new Date();

    expect(await deliverDueEmails({ db, transport, now })).toMatchObject({ claimed: 2, sent: 1, failed: 1 });
    const row = await db.emailOutbox.findFirstOrThrow({ where: { toEmail: bad }, include: { attemptsLog: true } });
    expect(row).toMatchObject({ status: 'FAILED', permanentFailure: true, attempts: 1, sentAt: null, providerMessageId: null });
    expect(row.lastError).toContain('550');
    expect(row.attemptsLog).toEqual([expect.objectContaining({ ok: false, providerMessageId: null })]);
    expect(received(good)).toHaveLength(1);

    sink.setFailure(null);
    expect((await deliverDueEmails({ db, transport, now: later(now, 7 * 24 * 60 * MINUTE) })).claimed).toBe(0);
    expect(received(bad)).toEqual([]);
  });

  it(`gives up after ${MAX_ATTEMPTS} transient failures: FAILED, but not marked as a bad address`, async () => {
    const to = address('never');
    await queueMagicLink(to);
    sink.setFailure('transient');
    let now = new Date();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      expect((await deliverDueEmails({ db, transport, now })).claimed).toBe(1);
      now = later(now, 2 * 24 * 60 * MINUTE);
    }
    expect(await db.emailOutbox.findFirstOrThrow({ where: { toEmail: to } })).toMatchObject({ status: 'FAILED', permanentFailure: false, attempts: MAX_ATTEMPTS });
    expect(await db.emailAttempt.count({ where: { outbox: { toEmail: to }, ok: false } })).toBe(MAX_ATTEMPTS);
    expect((await deliverDueEmails({ db, transport, now })).claimed).toBe(0);
  });

  it('keeps the mail while the SMTP server is down and sends it when the server is back on its port', async () => {
    const down = await startSmtpSink();
    const downTransport = createMailTransport(down.url)!;
    await down.stop();
    try {
      const to = address('outage');
      await queueMagicLink(to);
      const t0 = new Date();
      expect(await deliverDueEmails({ db, transport: downTransport, now: t0 })).toMatchObject({ claimed: 1, retrying: 1 });
      expect((await db.emailOutbox.findFirstOrThrow({ where: { toEmail: to } })).lastError).toMatch(/ECONNREFUSED/);

      const back = await startSmtpSink({ port: down.port });
      try {
        expect(await deliverDueEmails({ db, transport: downTransport, now: later(t0, MINUTE) })).toMatchObject({ claimed: 1, sent: 1 });
        expect(back.messages.filter((message) => message.to.includes(to))).toHaveLength(1);
      } finally {
        downTransport.close();
        await back.stop();
      }
    } finally {
      downTransport.close();
    }
  });
});

describe('several workers', () => {
  it('never send a row twice when they deliver at the same time', async () => {
    const { PrismaClient } = await import('@/lib/generated/prisma/client');
    const { PrismaPg } = await import('@prisma/adapter-pg');
    // A second process, as far as Postgres can tell: its own client, pool and SMTP connections.
    const otherDb = new PrismaClient({ adapter: new PrismaPg({ connectionString: env().DATABASE_URL, max: 5 }) });
    const otherTransport = createMailTransport(sink.url)!;
    try {
      const recipients = Array.from({ length: 40 }, (_, i) => address(`many-${i}`));
      for (const to of recipients) await queueMagicLink(to);
      const counted = async () => Number((await db.emailSentCount.findUnique({ where: { template: 'magic-link' } }))?.sent ?? 0);
      const countedBefore = await counted();
      const now = new Date();
      const drain = async (client: typeof db, via: typeof transport) => {
        let sent = 0;
        for (;;) {
          const report = await deliverDueEmails({ db: client, transport: via, batchSize: 3, now });
          expect(report.lostClaims).toBe(0);
          sent += report.sent;
          if (report.claimed === 0) return sent;
        }
      };
      const sentPerWorker = await Promise.all([drain(db, transport), drain(otherDb, otherTransport), drain(db, transport), drain(otherDb, otherTransport)]);

      expect(sentPerWorker.reduce((a, b) => a + b, 0)).toBe(40);
      expect(sink.messages).toHaveLength(40);
      expect(new Set(sink.messages.flatMap((message) => message.to))).toEqual(new Set(recipients));
      expect(await db.emailOutbox.count({ where: { status: 'SENT', attempts: 1 } })).toBe(40);
      expect(await db.emailAttempt.count({ where: { outbox: { toEmail: { in: recipients } } } })).toBe(40);
      // The sent counter (/api/metrics) moved with the rows, batch by batch, under the same contention.
      expect(await counted()).toBe(countedBefore + 40);
    } finally {
      otherTransport.close();
      await otherDb.$disconnect();
    }
  });

  it('take over a row whose worker died while sending, once its lease has run out', async () => {
    const to = address('orphan');
    const { id } = await queueMagicLink(to);
    const t0 = new Date();
    // What a worker killed between claiming and recording leaves behind.
    await db.emailOutbox.update({ where: { id }, data: { status: 'SENDING', attempts: 1, lockedUntil: later(t0, 10 * MINUTE) } });

    expect((await deliverDueEmails({ db, transport, now: later(t0, 5 * MINUTE) })).claimed).toBe(0);
    expect(await deliverDueEmails({ db, transport, now: later(t0, 10 * MINUTE) })).toMatchObject({ claimed: 1, sent: 1 });
    expect(received(to)).toHaveLength(1);
    expect(await db.emailOutbox.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'SENT', attempts: 2, lockedUntil: null });
  });
});

describe('without SMTP_URL', () => {
  it('treats the outbox as the delivery: SENT as outbox-only, and not sent later when SMTP appears', async () => {
    const to = address('dev');
    const { id } = await queueMagicLink(to);
    const now = new Date();
    expect(await deliverDueEmails({ db, transport: null, now })).toMatchObject({ claimed: 1, sent: 1 });
    const row = await db.emailOutbox.findUniqueOrThrow({ where: { id }, include: { attemptsLog: true } });
    expect(row).toMatchObject({ status: 'SENT', providerMessageId: OUTBOX_ONLY, sentAt: now, attempts: 1 });
    expect(row.attemptsLog).toEqual([expect.objectContaining({ ok: true, providerMessageId: OUTBOX_ONLY })]);
    expect(row.text).toContain(link('tok'));

    expect((await deliverDueEmails({ db, transport, now: later(now, MINUTE) })).claimed).toBe(0);
    expect(sink.messages).toEqual([]);
  });
});
