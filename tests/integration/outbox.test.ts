import { beforeAll, describe, expect, it } from 'vitest';
import type { Firm, Prisma } from '@/lib/generated/prisma/client';
import { setupTestDatabase } from './support/test-database';
import { addMember, createFirmWithStaff, expectAppError, unique, type FirmWithStaff } from './support/fixtures';

// The outbox screen and the dashboard's undelivered emails, against rows written straight with Prisma in every
// status the delivery worker leaves them in, and once through the worker itself.

await setupTestDatabase();
const { getDb } = await import('@/lib/db');
const { deliverDueEmails, OUTBOX_ONLY } = await import('@/lib/email/deliver-outbox');
const { listOutbox } = await import('@/lib/server/outbox/list-outbox');
const { getOutboxMessage, HIDDEN_LINK } = await import('@/lib/server/outbox/get-outbox-message');
const { listFailedEmails } = await import('@/lib/server/dashboard/list-failed-emails');
const { getDashboard } = await import('@/lib/server/dashboard/get-dashboard');

const db = getDb();
const MINUTE = 60_000;
const BASE = new Date('2026-03-02T08:00:00Z');
const at = (minutes: number) => new Date(BASE.getTime() + minutes * MINUTE);

type Row = Partial<Prisma.EmailOutboxUncheckedCreateInput>;

/** One outbox row of the firm (or of no firm), as the worker would have left it. */
async function email(firm: Firm | null, data: Row = {}) {
  return db.emailOutbox.create({
    data: {
      key: `test:${unique()}`,
      firmId: firm?.id ?? null,
      template: 'deadline-reminder',
      locale: 'nl',
      toEmail: `someone-${unique()}@example.test`,
      subject: 'Herinnering',
      html: '<p>Herinnering</p>',
      text: 'Herinnering',
      ...data,
    },
  });
}

const SENT = { status: 'SENT', attempts: 1, providerMessageId: '<abc@smtp.example>' } as const;
const PERMANENT = { status: 'FAILED', permanentFailure: true, attempts: 1, lastError: 'EENVELOPE RCPT TO 550 5.1.1 <x>: Recipient address rejected' } as const;
const GAVE_UP = { status: 'FAILED', permanentFailure: false, attempts: 10, lastError: 'ECONNREFUSED connect ECONNREFUSED 10.0.0.1:587' } as const;
const RETRYING = { status: 'RETRYING', attempts: 2, lastError: 'ETIMEDOUT', nextAttemptAt: new Date('2026-03-05T10:15:00Z') } as const;

describe('listOutbox', () => {
  let a: FirmWithStaff;
  let b: FirmWithStaff;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    [a, b] = await Promise.all([createFirmWithStaff('Outbox A'), createFirmWithStaff('Outbox B')]);
    const rows: [string, Row][] = [
      ['sent', { ...SENT, template: 'invitation', toEmail: 'new.member@Kantoor.example', sentAt: at(1), createdAt: at(0) }],
      ['outboxOnly', { ...SENT, providerMessageId: OUTBOX_ONLY, sentAt: at(11), createdAt: at(10), toEmail: 'amina@client.example' }],
      ['refused', { ...PERMANENT, template: 'client-reminder', toEmail: 'Typo@Client.Example', createdAt: at(20) }],
      ['gaveUp', { ...GAVE_UP, createdAt: at(30) }],
      ['retrying', { ...RETRYING, template: 'client-reminder', toEmail: 'yusuf@client.example', createdAt: at(40) }],
      ['pending', { status: 'PENDING', createdAt: at(50) }],
      ['sending', { status: 'SENDING', attempts: 1, lockedUntil: at(65), createdAt: at(60) }],
    ];
    for (const [name, data] of rows) ids[name] = (await email(a.firm, data)).id;
    // Another firm's and a firm-less (system) email, each in a status A also has.
    ids.otherFirm = (await email(b.firm, { ...PERMANENT, toEmail: 'typo@client.example', createdAt: at(25) })).id;
    ids.system = (await email(null, { ...SENT, createdAt: at(26) })).id;
  });

  const list = (input: Record<string, unknown> = {}, firm: FirmWithStaff = a) => listOutbox({ actor: firm.admin.actor, input });
  const listed = async (input: Record<string, unknown> = {}) => (await list(input)).items.map((item) => item.id);

  it("lists only the firm's emails, newest first, without their bodies", async () => {
    const page = await list();
    expect(page.items.map((item) => item.id)).toEqual(['sending', 'pending', 'retrying', 'gaveUp', 'refused', 'outboxOnly', 'sent'].map((name) => ids[name]));
    expect(page.nextCursor).toBeNull();
    for (const item of page.items) {
      expect(item).not.toHaveProperty('html');
      expect(item).not.toHaveProperty('text');
    }
    expect(page.items.find((item) => item.id === ids.refused)).toEqual({
      id: ids.refused, createdAt: at(20), template: 'client-reminder', locale: 'nl', toEmail: 'Typo@Client.Example', subject: 'Herinnering', status: 'FAILED',
      attempts: 1, nextAttemptAt: expect.any(Date), sentAt: null, lastError: PERMANENT.lastError, permanentFailure: true, providerMessageId: null, outboxOnly: false,
    });
    expect(page.items.find((item) => item.id === ids.outboxOnly)).toMatchObject({ status: 'SENT', sentAt: at(11), outboxOnly: true });
    expect(page.items.find((item) => item.id === ids.sent)).toMatchObject({ outboxOnly: false, providerMessageId: '<abc@smtp.example>' });

    expect((await list({}, b)).items.map((item) => item.id)).toEqual([ids.otherFirm]);
  });

  it('counts each tab for the whole firm in one pass, waiting including the one being sent', async () => {
    const expected = { all: 7, PENDING: 2, RETRYING: 1, SENT: 2, FAILED: 2 };
    expect((await list()).counts).toEqual(expected);
    // The counts stay the firm's whatever the filters narrow the rows to.
    expect((await list({ status: 'FAILED', template: 'invitation', q: 'nobody' })).counts).toEqual(expected);
    expect((await list({}, b)).counts).toEqual({ all: 1, PENDING: 0, RETRYING: 0, SENT: 0, FAILED: 1 });
    expect((await list()).templates).toEqual(['client-reminder', 'deadline-reminder', 'invitation']);
    expect((await list({}, b)).templates).toEqual(['deadline-reminder']);
  });

  it('filters by status, template and part of the recipient address in any case', async () => {
    expect(await listed({ status: 'SENT' })).toEqual([ids.outboxOnly, ids.sent]);
    expect(await listed({ status: 'FAILED' })).toEqual([ids.gaveUp, ids.refused]);
    expect(await listed({ status: 'RETRYING' })).toEqual([ids.retrying]);
    expect(await listed({ status: 'PENDING' })).toEqual([ids.sending, ids.pending]);
    expect(await listed({ status: 'all' })).toHaveLength(7);
    expect(await listed({ template: 'client-reminder' })).toEqual([ids.retrying, ids.refused]);
    expect(await listed({ template: 'client-reminder', status: 'FAILED' })).toEqual([ids.refused]);
    expect(await listed({ q: 'CLIENT.example' })).toEqual([ids.retrying, ids.refused, ids.outboxOnly]);
    expect(await listed({ q: 'kantoor', status: 'SENT' })).toEqual([ids.sent]);
    // Another firm's matching row never comes along.
    expect(await listed({ q: 'typo@' })).toEqual([ids.refused]);
    expect(await listed({ template: 'magic-link' })).toEqual([]);
    // Empty fields, as a GET form sends them, mean no filter.
    expect(await listed({ status: '', template: '', q: '', cursor: '' })).toHaveLength(7);
  });

  it('refuses filters and cursors it does not know with a VALIDATION error', async () => {
    await expectAppError(list({ status: 'BOUNCED' }), 'VALIDATION');
    await expectAppError(list({ status: 'SENDING' }), 'VALIDATION');
    await expectAppError(list({ template: 'Not a template!' }), 'VALIDATION');
    await expectAppError(list({ cursor: 'abc' }), 'VALIDATION');
    await expectAppError(list({ cursor: `${Date.now()}.x'; drop table` }), 'VALIDATION');
    await expectAppError(list({ limit: 0 }), 'VALIDATION');
  });

  it('is for admins only', async () => {
    for (const member of [a.advisor, a.assistant]) {
      const error = await expectAppError(listOutbox({ actor: member.actor }), 'FORBIDDEN');
      expect(error.userMessage).toBe('forbidden');
    }
  });
});

describe('listOutbox paging', () => {
  it('pages 50 at a time on (createdAt, id), and new emails never shift the pages still to come', async () => {
    const { firm, admin } = await createFirmWithStaff('Outbox paging');
    const suffix = unique();
    // 120 emails, three per instant, so that the id decides within an instant; ids fixed so their order is plain.
    const rows = Array.from({ length: 120 }, (_, n) => ({
      id: `${suffix}x${String(n).padStart(3, '0')}`,
      key: `paging:${suffix}:${n}`,
      firmId: firm.id,
      template: n % 2 ? 'deadline-reminder' : 'status-change',
      locale: 'fr' as const,
      toEmail: `client-${n}@example.test`,
      subject: `Message ${n}`,
      html: '<p>x</p>',
      text: 'x',
      status: 'SENT' as const,
      createdAt: at(Math.floor(n / 3)),
    }));
    await db.emailOutbox.createMany({ data: rows });
    const expected = [...rows].sort((x, y) => y.createdAt.getTime() - x.createdAt.getTime() || (x.id < y.id ? 1 : -1)).map((row) => row.id);

    const first = await listOutbox({ actor: admin.actor });
    expect(first.items.map((item) => item.id)).toEqual(expected.slice(0, 50));
    expect(first.nextCursor).not.toBeNull();

    // Written while the admin reads page one: newer than everything, and one more in the instant the cursor is at.
    await email(firm, { createdAt: at(100) });
    await email(firm, { id: `${suffix}y999`, createdAt: first.items[49]!.createdAt });

    const second = await listOutbox({ actor: admin.actor, input: { cursor: first.nextCursor } });
    expect(second.items.map((item) => item.id)).toEqual(expected.slice(50, 100));
    const third = await listOutbox({ actor: admin.actor, input: { cursor: second.nextCursor } });
    expect(third.items.map((item) => item.id)).toEqual(expected.slice(100));
    expect(third.nextCursor).toBeNull();
    expect(third.counts.all).toBe(122);

    // The cursor keeps the filters' company: the same walk over one template.
    const odd = expected.filter((id) => Number(id.slice(-3)) % 2 === 1);
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listOutbox>> = await listOutbox({ actor: admin.actor, input: { template: 'deadline-reminder', status: 'SENT', cursor, limit: 7 } });
      expect(page.items.length).toBeLessThanOrEqual(7);
      walked.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(walked).toEqual(odd);
  });
});

describe('getOutboxMessage', () => {
  let a: FirmWithStaff;
  let b: FirmWithStaff;

  beforeAll(async () => {
    [a, b] = await Promise.all([createFirmWithStaff('Message A'), createFirmWithStaff('Message B')]);
  });

  it('gives the bodies and every attempt, oldest first', async () => {
    const row = await email(a.firm, {
      ...SENT, attempts: 2, template: 'status-change', locale: 'fr', subject: 'Votre dossier avance', html: '<p>Bonjour <b>Amina</b></p>', text: 'Bonjour Amina', sentAt: at(7), createdAt: at(0),
    });
    await db.emailAttempt.createMany({
      data: [
        { outboxId: row.id, at: at(6), ok: true, providerMessageId: '<abc@smtp.example>' },
        { outboxId: row.id, at: at(1), ok: false, error: 'ETIMEDOUT' },
      ],
    });
    const message = await getOutboxMessage({ actor: a.admin.actor, input: { id: row.id } });
    expect(message).toMatchObject({
      id: row.id, subject: 'Votre dossier avance', toEmail: row.toEmail, template: 'status-change', locale: 'fr', status: 'SENT', attempts: 2, sentAt: at(7),
      html: '<p>Bonjour <b>Amina</b></p>', text: 'Bonjour Amina', providerMessageId: '<abc@smtp.example>', outboxOnly: false, linksHidden: false,
    });
    expect(message.attemptsLog.map(({ at: when, ok, providerMessageId, error }) => ({ when, ok, providerMessageId, error }))).toEqual([
      { when: at(1), ok: false, providerMessageId: null, error: 'ETIMEDOUT' },
      { when: at(6), ok: true, providerMessageId: '<abc@smtp.example>', error: null },
    ]);
  });

  it('hides the credential in sign-in and invitation links, in both bodies', async () => {
    const signIn = 'https://sejour.example/portal/sign-in/verify?token=Zm9v-YmFy_baz%3D';
    const invite = 'https://sejour.example/invitations/tok_123-abc';
    const row = await email(a.firm, {
      template: 'magic-link',
      html: `<a href="https://sejour.example/portal/sign-in/verify?lang=fr&amp;token=Zm9v-YmFy_baz%3D">Se connecter</a> <a href="${invite}">Rejoindre</a>`,
      text: `Se connecter : ${signIn}\nRejoindre : ${invite}\nAide : https://sejour.example/help`,
    });
    const message = await getOutboxMessage({ actor: a.admin.actor, input: { id: row.id } });
    expect(message.linksHidden).toBe(true);
    expect(message.html).toBe(`<a href="https://sejour.example/portal/sign-in/verify?lang=fr&amp;token=${HIDDEN_LINK}">Se connecter</a> <a href="https://sejour.example/invitations/${HIDDEN_LINK}">Rejoindre</a>`);
    expect(message.text).toBe(`Se connecter : https://sejour.example/portal/sign-in/verify?token=${HIDDEN_LINK}\nRejoindre : https://sejour.example/invitations/${HIDDEN_LINK}\nAide : https://sejour.example/help`);
    // The stored message is untouched: the worker still sends the real link.
    expect((await db.emailOutbox.findUniqueOrThrow({ where: { id: row.id } })).text).toContain(signIn);
  });

  it("answers NOT_FOUND for another firm's email, a firm-less one and an unknown id", async () => {
    const theirs = await email(b.firm, { ...SENT });
    const system = await email(null, { ...SENT });
    for (const id of [theirs.id, system.id, 'no-such-email']) await expectAppError(getOutboxMessage({ actor: a.admin.actor, input: { id } }), 'NOT_FOUND');
    await expectAppError(getOutboxMessage({ actor: a.admin.actor, input: { id: '' } }), 'VALIDATION');
    expect((await getOutboxMessage({ actor: b.admin.actor, input: { id: theirs.id } })).id).toBe(theirs.id);
  });

  it("is for admins only, even for the firm's own emails", async () => {
    const mine = await email(a.firm, { ...PERMANENT, responsibleUserId: a.advisor.user.id });
    for (const member of [a.advisor, a.assistant]) await expectAppError(getOutboxMessage({ actor: member.actor, input: { id: mine.id } }), 'FORBIDDEN');
  });
});

describe('listFailedEmails', () => {
  let a: FirmWithStaff;
  let b: FirmWithStaff;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    [a, b] = await Promise.all([createFirmWithStaff('Failed A'), createFirmWithStaff('Failed B')]);
    const victor = a.advisor.user.id;
    const rows: [string, Firm | null, Row][] = [
      ['victorOld', a.firm, { ...PERMANENT, responsibleUserId: victor, toEmail: 'old@client.example', subject: 'Rappel', createdAt: at(0) }],
      ['victorNew', a.firm, { ...PERMANENT, responsibleUserId: victor, toEmail: 'new@client.example', subject: 'Rappel', createdAt: at(30) }],
      ['assistant', a.firm, { ...PERMANENT, responsibleUserId: a.assistant.user.id, createdAt: at(20) }],
      ['nobody', a.firm, { ...PERMANENT, responsibleUserId: null, createdAt: at(10) }],
      // Victor's, but not a wrong address: transient, still retried, given up on, or delivered.
      ['gaveUp', a.firm, { ...GAVE_UP, responsibleUserId: victor, createdAt: at(40) }],
      ['retrying', a.firm, { ...RETRYING, responsibleUserId: victor, createdAt: at(41) }],
      ['pending', a.firm, { status: 'PENDING', responsibleUserId: victor, createdAt: at(42) }],
      ['sent', a.firm, { ...SENT, responsibleUserId: victor, createdAt: at(43) }],
      // Never A's: another firm's row, even one naming Victor, and a firm-less one.
      ['otherFirm', b.firm, { ...PERMANENT, responsibleUserId: b.advisor.user.id, createdAt: at(50) }],
      ['otherFirmVictor', b.firm, { ...PERMANENT, responsibleUserId: victor, createdAt: at(51) }],
      ['system', null, { ...PERMANENT, responsibleUserId: victor, createdAt: at(52) }],
    ];
    for (const [name, firm, data] of rows) ids[name] = (await email(firm, data)).id;
  });

  const failedFor = async (member: FirmWithStaff['admin']) => {
    const failed = await listFailedEmails({ actor: member.actor });
    return { ids: failed.items.map((item) => item.id), total: failed.total, firmWide: failed.firmWide };
  };

  it('shows an advisor only the permanent failures they are responsible for, newest first', async () => {
    expect(await failedFor(a.advisor)).toEqual({ ids: [ids.victorNew, ids.victorOld], total: 2, firmWide: false });
    expect(await failedFor(a.assistant)).toEqual({ ids: [ids.assistant], total: 1, firmWide: false });
    const [newest] = (await listFailedEmails({ actor: a.advisor.actor })).items;
    expect(newest).toEqual({ id: ids.victorNew, createdAt: at(30).toISOString(), template: 'deadline-reminder', toEmail: 'new@client.example', subject: 'Rappel', lastError: PERMANENT.lastError });
  });

  it("shows an admin every permanent failure of the firm and never another firm's", async () => {
    expect(await failedFor(a.admin)).toEqual({ ids: [ids.victorNew, ids.assistant, ids.nobody, ids.victorOld], total: 4, firmWide: true });
    expect(await failedFor(b.admin)).toEqual({ ids: [ids.otherFirmVictor, ids.otherFirm], total: 2, firmWide: true });
    expect(await failedFor(b.advisor)).toEqual({ ids: [ids.otherFirm], total: 1, firmWide: false });
    const newcomer = await addMember(a.firm, 'ADVISOR');
    expect(await failedFor(newcomer)).toEqual({ ids: [], total: 0, firmWide: false });
  });

  it('shows the newest 20 and counts them all', async () => {
    const { firm, advisor } = await createFirmWithStaff('Failed many');
    await db.emailOutbox.createMany({
      data: Array.from({ length: 25 }, (_, n) => ({
        key: `many:${unique()}`, firmId: firm.id, template: 'client-reminder', locale: 'en' as const, toEmail: `c${n}@x.example`, subject: `S${n}`, html: '', text: '',
        ...PERMANENT, responsibleUserId: advisor.user.id, createdAt: at(n),
      })),
    });
    const failed = await listFailedEmails({ actor: advisor.actor });
    expect(failed.total).toBe(25);
    expect(failed.items.map((item) => item.subject)).toEqual(Array.from({ length: 20 }, (_, n) => `S${24 - n}`));
  });

  it('is part of the dashboard', async () => {
    const dashboard = await getDashboard({ actor: a.advisor.actor, asOf: '2026-03-02' });
    expect(dashboard.failedEmails.items.map((item) => item.id)).toEqual([ids.victorNew, ids.victorOld]);
  });
});

describe('through the delivery worker', () => {
  it('lists a refused address as undelivered and a timeout as retrying, with the attempt on record', async () => {
    const { firm, admin, advisor } = await createFirmWithStaff('Worker');
    // Due long before any other row of this database, so the run claims these two only.
    const due = new Date('2001-01-01T00:00:00Z');
    const refused = await email(firm, { toEmail: 'typo@gmial.example', responsibleUserId: advisor.user.id, nextAttemptAt: due, createdAt: at(0) });
    const slow = await email(firm, { toEmail: 'slow@client.example', responsibleUserId: advisor.user.id, nextAttemptAt: due, createdAt: at(1) });
    const transport = {
      sendMail: async ({ to }: { to: string }) => {
        if (to === refused.toEmail) throw Object.assign(new Error('Can not send mail'), { code: 'EENVELOPE', command: 'RCPT TO', responseCode: 550, response: '550 5.1.1 <typo@gmial.example>: no such user' });
        throw Object.assign(new Error('Connection timeout'), { code: 'ETIMEDOUT', command: 'CONN' });
      },
    };
    const now = new Date('2001-01-01T00:00:30Z');
    const report = await deliverDueEmails({ db, transport: transport as unknown as Parameters<typeof deliverDueEmails>[0]['transport'], now, from: 'Sejour <no-reply@sejour.example>' });
    expect(report).toMatchObject({ claimed: 2, sent: 0, retrying: 1, failed: 1 });

    expect((await listFailedEmails({ actor: advisor.actor })).items.map((item) => [item.id, item.lastError])).toEqual([[refused.id, 'EENVELOPE RCPT TO 550 5.1.1 <typo@gmial.example>: no such user']]);
    const page = await listOutbox({ actor: admin.actor });
    expect(page.counts).toMatchObject({ FAILED: 1, RETRYING: 1 });
    expect(page.items.find((item) => item.id === slow.id)).toMatchObject({ status: 'RETRYING', attempts: 1, lastError: 'ETIMEDOUT CONN Connection timeout', nextAttemptAt: new Date(now.getTime() + MINUTE) });

    const message = await getOutboxMessage({ actor: admin.actor, input: { id: refused.id } });
    expect(message).toMatchObject({ status: 'FAILED', permanentFailure: true, attempts: 1 });
    expect(message.attemptsLog.map((attempt) => [attempt.at, attempt.ok, attempt.error])).toEqual([[now, false, 'EENVELOPE RCPT TO 550 5.1.1 <typo@gmial.example>: no such user']]);
  });
});
