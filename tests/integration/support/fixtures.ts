import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { ClientActor, StaffActor } from '@/lib/auth/actor';
import type { ErrorCode } from '@/lib/errors';
import type { Case, Client, EmailOutbox, Firm, Membership, User } from '@/lib/generated/prisma/client';
import type { CaseStage, Locale, Role } from '@/lib/generated/prisma/enums';
import type { RequestContext } from '@/lib/server/audit/audit-types';

// A world built straight with the Prisma client, each call with its own names and emails, so no test depends on
// another's rows. lib/db is imported on first use, after setupTestDatabase() has pointed DATABASE_URL at this
// file's database.

const database = async () => (await import('@/lib/db')).getDb();

export const unique = () => randomUUID().replaceAll('-', '').slice(0, 10);

/** Every staff user made here has this password; argon2id is slow on purpose, so it is hashed once per file. */
export const STAFF_PASSWORD = 'correct horse battery staple';
let staffPasswordHash: Promise<string> | undefined;
const passwordHash = () => (staffPasswordHash ??= import('@/lib/auth/password').then(({ hashPassword }) => hashPassword(STAFF_PASSWORD)));

// Documentation ranges (RFC 5737), one address per call, so per-IP rate limits never carry from test to test.
const TEST_NETS = ['203.0.113', '198.51.100', '192.0.2'] as const;
let ipCounter = 0;

export function newContext(): RequestContext {
  const n = ipCounter++;
  const net = TEST_NETS[Math.floor(n / 254) % TEST_NETS.length] ?? TEST_NETS[0];
  return { ip: `${net}.${(n % 254) + 1}`, userAgent: 'vitest' };
}

export type StaffMember = { user: User; membership: Membership; actor: StaffActor; email: string };
export type FirmWithStaff = { firm: Firm; admin: StaffMember; advisor: StaffMember; assistant: StaffMember };

const slug = (label: string) => label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'firm';

/** One more active member of the firm, signed-in-able with STAFF_PASSWORD. */
export async function addMember(firm: Firm, role: Role, name = `${role.toLowerCase()} ${unique()}`): Promise<StaffMember> {
  const db = await database();
  const email = `${slug(name)}-${unique()}@${firm.slug}.example.test`;
  const user = await db.user.create({ data: { email, name, passwordHash: await passwordHash() } });
  const membership = await db.membership.create({ data: { firmId: firm.id, userId: user.id, role } });
  return { user, membership, actor: { kind: 'staff', userId: user.id, firmId: firm.id, role }, email };
}

export async function createFirmWithStaff(label: string): Promise<FirmWithStaff> {
  const db = await database();
  const suffix = unique();
  const firm = await db.firm.create({ data: { name: `${label} ${suffix}`, slug: `${slug(label)}-${suffix}` } });
  const admin = await addMember(firm, 'ADMIN', `Ada ${label}`);
  const advisor = await addMember(firm, 'ADVISOR', `Victor ${label}`);
  const assistant = await addMember(firm, 'ASSISTANT', `Sam ${label}`);
  return { firm, admin, advisor, assistant };
}

type ClientOptions = { language?: Locale; email?: string | null; firstName?: string };
export type PlainClient = { client: Client; portalUser: null; actor: null };
export type PortalClient = { client: Client; portalUser: User; actor: ClientActor };

/** A client record; with `withPortal`, also the password-less portal user a portal invitation would create. */
export async function createClient(firm: Firm, options: ClientOptions & { withPortal: true }): Promise<PortalClient>;
export async function createClient(firm: Firm, options?: ClientOptions & { withPortal?: false }): Promise<PlainClient>;
export async function createClient(firm: Firm, options: ClientOptions & { withPortal?: boolean } = {}): Promise<PlainClient | PortalClient> {
  const db = await database();
  const suffix = unique();
  const firstName = options.firstName ?? 'Amina';
  const email = options.email === undefined ? `${slug(firstName)}-${suffix}@client.example.test` : options.email;
  const language = options.language ?? 'fr';
  const client = await db.client.create({
    data: { firmId: firm.id, fileNumber: `F-${suffix}`, firstName, lastName: `Client ${suffix}`, nationality: 'MA', citizenship: 'NON_EU', language, email },
  });
  if (!options.withPortal) return { client, portalUser: null, actor: null };
  if (!email) throw new Error('a portal client needs an email');
  const portalUser = await db.user.create({ data: { email: email.toLowerCase(), name: `${client.firstName} ${client.lastName}`, locale: language } });
  const withPortal = await db.client.update({ where: { id: client.id }, data: { portalUserId: portalUser.id } });
  return { client: withPortal, portalUser, actor: { kind: 'client', userId: portalUser.id, firmId: firm.id, clientId: client.id } };
}

export async function createCase(
  firm: Firm,
  client: Client,
  options: { stage?: CaseStage; assignedToId?: string | null; deletedAt?: Date | null } = {},
): Promise<Case> {
  const db = await database();
  return db.case.create({
    data: {
      firmId: firm.id,
      clientId: client.id,
      reference: `2026-${unique()}`,
      procedure: 'SINGLE_PERMIT',
      stage: options.stage ?? 'INTAKE',
      assignedToId: options.assignedToId ?? null,
      deletedAt: options.deletedAt ?? null,
    },
  });
}

/** A real session row for the person, as sign-in would create, and the actor that carries it. */
export async function signedIn<A extends StaffActor | ClientActor>(actor: A, context: RequestContext = newContext()): Promise<A & { sessionId: string }> {
  const db = await database();
  const { createSession } = await import('@/lib/auth/sessions');
  const sessionId = await createSession(db, { userId: actor.userId, firmId: actor.firmId, kind: actor.kind === 'staff' ? 'STAFF' : 'CLIENT', ...context });
  return { ...actor, sessionId };
}

// ---------- reading what the app sent ----------

export async function emailsTo(address: string): Promise<EmailOutbox[]> {
  const db = await database();
  return db.emailOutbox.findMany({ where: { toEmail: address.toLowerCase() }, orderBy: { createdAt: 'asc' } });
}

function tokenIn(body: string, pattern: RegExp): string | null {
  const match = pattern.exec(body.replaceAll('&amp;', '&'));
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

/** The token of an emailed link, checked to be the same in the plain-text and HTML parts. */
export function linkToken(email: EmailOutbox, kind: 'invitation' | 'magic-link'): string {
  const pattern = kind === 'invitation' ? /\/invitations\/([A-Za-z0-9_\-%]+)/ : /[?&]token=([A-Za-z0-9_\-%]+)/;
  const fromText = tokenIn(email.text, pattern);
  const fromHtml = tokenIn(email.html, pattern);
  expect(fromText, `a ${kind} link in the text of "${email.subject}"`).toBeTruthy();
  expect(fromHtml).toBe(fromText);
  return fromText ?? '';
}

// ---------- assertions ----------

/** Awaits an operation that must fail with the given AppError code, and returns the error. */
export async function expectAppError(promise: Promise<unknown>, code: ErrorCode): Promise<{ code: ErrorCode; userMessage: string }> {
  const outcome = await promise.then(
    (value: unknown) => ({ resolved: value }),
    (error: unknown) => ({ rejected: error }),
  );
  expect(outcome, `expected the operation to fail with ${code}`).toHaveProperty('rejected');
  const error = (outcome as { rejected: unknown }).rejected;
  expect(error).toMatchObject({ name: 'AppError', code });
  return error as { code: ErrorCode; userMessage: string };
}

/**
 * Everything a firm owns or that its people own, to compare before and after an operation that must change
 * nothing: the firm row, members, invitations, clients, cases, sessions, outbox, audit rows, its users (with
 * their password, TOTP and verification state) and its portal users' sign-in tokens.
 */
export async function firmSnapshot(firmId: string) {
  const db = await database();
  const where = { firmId };
  const byId = { id: 'asc' } as const;
  const [firm, memberships, invitations, clients, familyLinks, cases, sessions, outbox, audit] = await Promise.all([
    db.firm.findUniqueOrThrow({ where: { id: firmId } }),
    db.membership.findMany({ where, orderBy: byId }),
    db.invitation.findMany({ where, orderBy: byId }),
    db.client.findMany({ where, orderBy: byId }),
    db.familyLink.findMany({ where, orderBy: byId }),
    db.case.findMany({ where, orderBy: byId }),
    db.session.findMany({ where, orderBy: byId }),
    db.emailOutbox.findMany({ where, orderBy: byId }),
    db.auditLog.findMany({ where, orderBy: byId }),
  ]);
  const userIds = [...memberships.map((m) => m.userId), ...clients.map((c) => c.portalUserId).filter((id): id is string => id !== null)];
  const users = await db.user.findMany({ where: { id: { in: userIds } }, orderBy: byId });
  const emails = [...users.map((u) => u.email), ...clients.map((c) => c.email?.toLowerCase()).filter((e): e is string => Boolean(e))];
  const tokens = await db.verificationToken.findMany({ where: { identifier: { in: emails } }, orderBy: { token: 'asc' } });
  const usersByEmail = await db.user.findMany({ where: { email: { in: emails } }, select: { id: true }, orderBy: byId });
  return { firm, memberships, invitations, clients, familyLinks, cases, sessions, outbox, audit, users, usersByEmail, tokens };
}

/** Row counts of the tables any operation under test writes to, across every firm. */
export async function writeCounts() {
  const db = await database();
  const [audit, outbox, invitations, memberships, users, sessions, tokens, firms, documents, versions, cases, deadlines, events, intakes, filings] = await Promise.all([
    db.auditLog.count(),
    db.emailOutbox.count(),
    db.invitation.count(),
    db.membership.count(),
    db.user.count(),
    db.session.count(),
    db.verificationToken.count(),
    db.firm.count(),
    db.document.count(),
    db.documentVersion.count(),
    db.case.aggregate({ _sum: { version: true } }).then((sum) => sum._sum.version ?? 0),
    db.deadline.count({ where: { confirmedAt: { not: null } } }),
    db.caseEvent.count(),
    db.decisionIntake.groupBy({ by: ['status'], _count: true }).then((rows) => Object.fromEntries(rows.map((row) => [row.status, row._count]))),
    db.appealFiling.count(),
  ]);
  // cases: the sum of versions moves with every saved change to any case.
  return { audit, outbox, invitations, memberships, users, sessions, tokens, firms, documents, versions, cases, deadlines, events, intakes, filings };
}
