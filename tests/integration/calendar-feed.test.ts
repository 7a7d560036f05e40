import { beforeAll, describe, expect, it } from 'vitest';
import type { StaffActor } from '@/lib/auth/actor';
import type { Case, Client } from '@/lib/generated/prisma/client';
import type { DeadlineKind } from '@/lib/generated/prisma/enums';
import { parseIcal, prop, unescapeText, type IcalComponent } from '../support/ical';
import { setupTestDatabase } from './support/test-database';
import { createCase, createClient, createFirmWithStaff, expectAppError, unique, type FirmWithStaff } from './support/fixtures';

await setupTestDatabase();
const { getDb } = await import('@/lib/db');
const { env } = await import('@/lib/env');
const { hashToken } = await import('@/lib/auth/secrets');
const { toDbDate } = await import('@/lib/dates');
const { ruleLabel } = await import('@/lib/rules/labels');
const { createCalendarFeed } = await import('@/lib/server/calendar/create-calendar-feed');
const { revokeCalendarFeed } = await import('@/lib/server/calendar/revoke-calendar-feed');
const { getCalendarFeedStatus } = await import('@/lib/server/calendar/get-calendar-feed-status');
const { buildCalendarFeed } = await import('@/lib/server/calendar/build-calendar-feed');
const { tokenFromPathSegment } = await import('@/lib/server/calendar/calendar-feed-url');
const { GET } = await import('@/app/api/calendar/[token]/route');

const db = getDb();
const AS_OF = '2026-03-10';

const tokenOf = (url: string) => {
  const segment = new URL(url).pathname.split('/').at(-1) ?? '';
  const token = tokenFromPathSegment(segment);
  if (!token) throw new Error(`no token in ${url}`);
  return token;
};
const events = (calendar: IcalComponent) => calendar.components.filter((c) => c.name === 'VEVENT');
const byUid = (calendar: IcalComponent) => new Map(events(calendar).map((event) => [prop(event, 'UID').value, event]));

async function deadline(kase: Case, kind: DeadlineKind, dueOn: string, extra: { status?: 'OPEN' | 'DONE'; disputed?: boolean; confidence?: 'H' | 'M' | 'L'; actor?: 'CLIENT' | 'ADVISOR' } = {}) {
  return db.deadline.create({
    data: {
      firmId: kase.firmId, caseId: kase.id, key: `${kind}:${unique()}`, kind, dueOn: toDbDate(dueOn), basis: `Law 15/12/1980 art. 39/57; rule ${kind}`,
      confidence: extra.confidence ?? 'H', actor: extra.actor ?? 'ADVISOR', status: extra.status ?? 'OPEN', disputed: extra.disputed ?? false,
    },
  });
}
const task = (kase: Case, dueOn: string, assigneeId: string | null, createdById: string, title = `Task ${unique()}`, done = false) =>
  db.task.create({ data: { firmId: kase.firmId, caseId: kase.id, title, dueOn: toDbDate(dueOn), assigneeId, createdById, doneAt: done ? new Date() : null } });

let a: FirmWithStaff;
let b: FirmWithStaff;
let me: StaffActor;
let meInB: StaffActor;
let client: Client;
let mine: Case;
const expected = {} as Record<'appeal' | 'renewal' | 'recentPast' | 'taskOnColleagues' | 'unassignedTask', string>;
const excluded: string[] = [];

beforeAll(async () => {
  [a, b] = await Promise.all([createFirmWithStaff('Feed A'), createFirmWithStaff('Feed B')]);
  me = a.advisor.actor;
  await db.user.update({ where: { id: me.userId }, data: { locale: 'nl' } });
  await db.membership.create({ data: { firmId: b.firm.id, userId: me.userId, role: 'ADVISOR' } });
  meInB = { kind: 'staff', userId: me.userId, firmId: b.firm.id, role: 'ADVISOR' };
  ({ client } = await createClient(a.firm, { firstName: 'Amina' }));
  const { client: clientB } = await createClient(b.firm, { firstName: 'Bilal' });
  mine = await createCase(a.firm, client, { assignedToId: me.userId });
  const colleagues = await createCase(a.firm, client, { assignedToId: a.admin.user.id });
  const deleted = await createCase(a.firm, client, { assignedToId: me.userId, deletedAt: new Date() });
  const inB = await createCase(b.firm, clientB, { assignedToId: me.userId });

  expected.appeal = `deadline-${(await deadline(mine, 'APPEAL', '2026-03-20')).id}@sejour`;
  expected.renewal = `deadline-${(await deadline(mine, 'RENEWAL_WINDOW', '2026-04-01', { disputed: true, confidence: 'L', actor: 'CLIENT' })).id}@sejour`;
  expected.recentPast = `deadline-${(await deadline(mine, 'REGISTRATION', '2026-01-15')).id}@sejour`;
  expected.taskOnColleagues = `task-${(await task(colleagues, '2026-03-12', me.userId, a.admin.user.id, 'Bel de gemeente; vraag naar het dossier, graag')).id}@sejour`;
  expected.unassignedTask = `task-${(await task(mine, '2026-03-13', null, a.admin.user.id)).id}@sejour`;

  excluded.push(
    `deadline-${(await deadline(mine, 'APPEAL', '2026-03-21', { status: 'DONE' })).id}@sejour`,
    `deadline-${(await deadline(mine, 'NATIONALITY_ELIGIBLE', '2029-01-01')).id}@sejour`, // beyond two years
    `deadline-${(await deadline(mine, 'ARRIVAL_DECLARATION', '2025-11-01')).id}@sejour`, // more than 90 days ago
    `deadline-${(await deadline(colleagues, 'APPEAL', '2026-03-20')).id}@sejour`,
    `deadline-${(await deadline(deleted, 'APPEAL', '2026-03-20')).id}@sejour`,
    `deadline-${(await deadline(inB, 'APPEAL', '2026-03-20')).id}@sejour`,
    `task-${(await task(mine, '2026-03-14', a.admin.user.id, me.userId)).id}@sejour`,
    `task-${(await task(mine, '2026-03-14', me.userId, me.userId, 'done', true)).id}@sejour`,
    `task-${(await task(inB, '2026-03-14', me.userId, me.userId)).id}@sejour`,
  );
});

describe('creating a feed', () => {
  it('returns a secret URL once and stores only the SHA-256 of its token', async () => {
    const { url } = await createCalendarFeed({ actor: me });
    expect(url).toMatch(new RegExp(`^${env().APP_URL.replace(/\/$/, '')}/api/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
    const token = tokenOf(url);
    const membership = await db.membership.findFirstOrThrow({ where: { firmId: a.firm.id, userId: me.userId } });
    expect(membership.icalTokenHash).toBe(hashToken(token));
    expect(JSON.stringify(membership)).not.toContain(token);
    expect(await getCalendarFeedStatus({ actor: me })).toEqual({ active: true });
  });
});

describe('the feed', () => {
  let calendar: IcalComponent;
  let text: string;
  beforeAll(async () => {
    const { url } = await createCalendarFeed({ actor: me });
    text = (await buildCalendarFeed({ token: tokenOf(url), asOf: AS_OF })) ?? '';
    calendar = parseIcal(text);
  });

  it('is valid iCalendar: one VCALENDAR, version 2.0, a product id, folded CRLF lines', () => {
    expect(calendar.name).toBe('VCALENDAR');
    expect(prop(calendar, 'VERSION').value).toBe('2.0');
    expect(prop(calendar, 'PRODID').value).toContain('Sejour');
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('holds exactly my open deadlines and open tasks in the window, with stable UIDs', () => {
    const uids = events(calendar).map((event) => prop(event, 'UID').value);
    expect(new Set(uids).size).toBe(uids.length);
    expect(uids.sort()).toEqual(Object.values(expected).sort());
    for (const uid of excluded) expect(uids).not.toContain(uid);
  });

  it('makes every event all-day on its Brussels date, with a one-day DTEND and a DTSTAMP', () => {
    for (const event of events(calendar)) {
      const start = prop(event, 'DTSTART');
      const end = prop(event, 'DTEND');
      expect(start.params.VALUE).toBe('DATE');
      expect(start.value).toMatch(/^\d{8}$/);
      expect(end.params.VALUE).toBe('DATE');
      const next = new Date(Date.UTC(+start.value.slice(0, 4), +start.value.slice(4, 6) - 1, +start.value.slice(6, 8) + 1));
      expect(end.value).toBe(next.toISOString().slice(0, 10).replaceAll('-', ''));
      expect(prop(event, 'DTSTAMP').value).toMatch(/^\d{8}T\d{6}Z$/);
    }
    expect(prop(byUid(calendar).get(expected.appeal)!, 'DTSTART').value).toBe('20260320');
    expect(prop(byUid(calendar).get(expected.taskOnColleagues)!, 'DTSTART').value).toBe('20260312');
  });

  it("says kind, reference and client in the member's language, with legal basis, confidence and a link to the case", () => {
    const appeal = byUid(calendar).get(expected.appeal)!;
    expect(unescapeText(prop(appeal, 'SUMMARY').value)).toBe(`${ruleLabel('nl', 'deadline.APPEAL')} · ${mine.reference} · Amina ${client.lastName}`);
    const description = unescapeText(prop(appeal, 'DESCRIPTION').value);
    expect(description).toContain('Rechtsgrond: Law 15/12/1980 art. 39/57; rule APPEAL');
    expect(description).toContain(`Betrouwbaarheid: ${ruleLabel('nl', 'confidence.H')}`);
    expect(description).toContain(`Wie handelt: ${ruleLabel('nl', 'actor.ADVISOR')}`);
    expect(prop(appeal, 'URL').value).toBe(new URL(`/cases/${mine.id}`, env().APP_URL).toString());

    const renewal = unescapeText(prop(byUid(calendar).get(expected.renewal)!, 'DESCRIPTION').value);
    expect(renewal).toContain(`Betrouwbaarheid: ${ruleLabel('nl', 'confidence.L')}`);
    expect(renewal).toContain('De bronnen zijn het over deze datum niet eens');
    expect(renewal).toContain(`Wie handelt: ${ruleLabel('nl', 'actor.CLIENT')}`);

    const taskEvent = byUid(calendar).get(expected.taskOnColleagues)!;
    expect(unescapeText(prop(taskEvent, 'SUMMARY').value)).toMatch(/^Taak: Bel de gemeente; vraag naar het dossier, graag · /);
  });

  it("keeps firms apart: the same person's feed in firm B shows only firm B's case", async () => {
    const { url } = await createCalendarFeed({ actor: meInB });
    const inB = parseIcal((await buildCalendarFeed({ token: tokenOf(url), asOf: AS_OF })) ?? '');
    const summaries = events(inB).map((event) => unescapeText(prop(event, 'SUMMARY').value));
    expect(summaries).toHaveLength(2);
    for (const summary of summaries) expect(summary).toContain('Bilal');
    for (const uid of Object.values(expected)) expect(byUid(inB).has(uid)).toBe(false);
  });
});

describe('revoking', () => {
  it('regenerating makes the old URL stop working at once', async () => {
    const first = tokenOf((await createCalendarFeed({ actor: me })).url);
    const second = tokenOf((await createCalendarFeed({ actor: me })).url);
    expect(second).not.toBe(first);
    expect(await buildCalendarFeed({ token: first, asOf: AS_OF })).toBeNull();
    expect(await buildCalendarFeed({ token: second, asOf: AS_OF })).toContain('BEGIN:VEVENT');
  });

  it('revoking stops the feed, idempotently', async () => {
    const token = tokenOf((await createCalendarFeed({ actor: me })).url);
    expect(await revokeCalendarFeed({ actor: me })).toEqual({ revoked: true });
    expect(await revokeCalendarFeed({ actor: me })).toEqual({ revoked: false });
    expect(await buildCalendarFeed({ token, asOf: AS_OF })).toBeNull();
    expect(await getCalendarFeedStatus({ actor: me })).toEqual({ active: false });
  });

  it("a deactivated member's feed answers nothing, and they cannot make a new one", async () => {
    const token = tokenOf((await createCalendarFeed({ actor: a.assistant.actor })).url);
    expect(await buildCalendarFeed({ token, asOf: AS_OF })).toContain('BEGIN:VCALENDAR');
    await db.membership.update({ where: { id: a.assistant.membership.id }, data: { deactivatedAt: new Date() } });
    expect(await buildCalendarFeed({ token, asOf: AS_OF })).toBeNull();
    await expectAppError(createCalendarFeed({ actor: a.assistant.actor }), 'NOT_FOUND');
  });
});

describe('the route', () => {
  const call = (segment: string) => GET(new Request(`http://localhost/api/calendar/${segment}`), { params: Promise.resolve({ token: segment }) });

  it('answers text/calendar, never cached, for a live token, with or without .ics', async () => {
    const url = (await createCalendarFeed({ actor: b.advisor.actor })).url;
    const segment = new URL(url).pathname.split('/').at(-1)!;
    for (const path of [segment, segment.replace(/\.ics$/, '')]) {
      const response = await call(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('private, no-store');
      expect(parseIcal(await response.text()).name).toBe('VCALENDAR');
    }
  });

  it('answers 404 for an unknown, revoked or malformed token', async () => {
    const token = tokenOf((await createCalendarFeed({ actor: b.admin.actor })).url);
    await revokeCalendarFeed({ actor: b.admin.actor });
    for (const segment of [token, `${'A'.repeat(43)}.ics`, 'short', '..%2F..%2Fetc', `${token}.ics.ics`]) {
      const response = await call(segment);
      expect(response.status, segment).toBe(404);
      expect(response.headers.get('cache-control')).toBe('private, no-store');
    }
  });
});

describe('the feed, with names written to break it', () => {
  it('keeps a line break, a semicolon or a comma in a client name or task title inside its own text: no planted event or property', async () => {
    const firm = await createFirmWithStaff('Feed injection');
    const member = firm.advisor.actor;
    const planted = 'Eve\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Planted;X=1,2\r\nATTENDEE:mailto:all@attacker.example';
    const { client: hostile } = await createClient(firm.firm, { firstName: planted });
    const kase = await createCase(firm.firm, hostile, { assignedToId: member.userId });
    await deadline(kase, 'APPEAL', '2026-03-20');
    await task(kase, '2026-03-12', member.userId, member.userId, `Call\nURL:https://attacker.example/\n${planted}`);
    const { url } = await createCalendarFeed({ actor: member });
    const text = (await buildCalendarFeed({ token: tokenOf(url), asOf: AS_OF })) ?? '';
    const feed = events(parseIcal(text));
    expect(feed).toHaveLength(2);
    expect(text).not.toMatch(/^(SUMMARY:Planted|ATTENDEE|URL:https:\/\/attacker)/m);
    const summaries = feed.map((event) => unescapeText(prop(event, 'SUMMARY').value));
    expect(summaries.some((summary) => summary.includes('Eve') && summary.includes('SUMMARY:Planted;X=1,2'))).toBe(true);
    expect(summaries.some((summary) => summary.includes('URL:https://attacker.example/'))).toBe(true);
  });
});
