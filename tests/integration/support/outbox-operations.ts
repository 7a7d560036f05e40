import { expect } from 'vitest';
import type { Action } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import type { Case, Client, Prisma } from '@/lib/generated/prisma/client';
import type { Role } from '@/lib/generated/prisma/enums';
import { listFailedEmails } from '@/lib/server/dashboard/list-failed-emails';
import { getOutboxMessage } from '@/lib/server/outbox/get-outbox-message';
import { listOutbox } from '@/lib/server/outbox/list-outbox';
import { unique, type FirmWithStaff } from './fixtures';

// The outbox rows of the OPERATIONS table in permissions.test.ts, which spreads them in.
// This module uses the database at load: import it after setupTestDatabase(), as the test does lib/server.

/** The world permissions.test.ts builds per operation and role (its World type). */
export type OutboxWorld = FirmWithStaff & { client: Client; kase: Case; refs: Record<string, string> };

/** One row of permissions.test.ts's OPERATIONS (its Operation type). */
export type OutboxOperation = {
  name: string;
  file: string;
  action: Action;
  setup?: (w: OutboxWorld, role: Role) => Promise<void>;
  run: (w: OutboxWorld, role: Role) => Promise<unknown>;
  allowed: (w: OutboxWorld, role: Role, result: unknown) => Promise<void>;
};

const db = getDb();

const actorOf = (w: OutboxWorld, role: Role) => ({ ADMIN: w.admin, ADVISOR: w.advisor, ASSISTANT: w.assistant })[role].actor;
const otherThan = (w: OutboxWorld, role: Role) => (role === 'ASSISTANT' ? w.advisor : w.assistant);

function ref(w: OutboxWorld, name: string): string {
  const id = w.refs[name];
  if (!id) throw new Error(`the setup made no ${name}`);
  return id;
}

/** An email of the world's firm, as the outbox would hold it, as `refs[name]`. */
async function email(w: OutboxWorld, name: string, data: Partial<Prisma.EmailOutboxUncheckedCreateInput> = {}) {
  const row = await db.emailOutbox.create({
    data: {
      key: `perm:${unique()}`,
      firmId: w.firm.id,
      template: 'deadline-reminder',
      locale: 'nl',
      toEmail: `${name}-${unique()}@client.example.test`,
      subject: `Herinnering ${name}`,
      html: `<p>${name}</p>`,
      text: name,
      ...data,
    },
  });
  w.refs[name] = row.id;
}

export const OUTBOX_OPERATIONS: OutboxOperation[] = [
  {
    name: 'listOutbox',
    file: 'lib/server/outbox/list-outbox.ts',
    action: 'outbox.read',
    setup: (w) => email(w, 'sent', { status: 'SENT', attempts: 1, sentAt: new Date('2026-11-20T08:00:00Z'), providerMessageId: '<sent@smtp.example>' }),
    run: (w, role) => listOutbox({ actor: actorOf(w, role) }),
    allowed: async (w, _role, result) => {
      const page = result as Awaited<ReturnType<typeof listOutbox>>;
      expect(page.items.map((item) => [item.id, item.status])).toEqual([[ref(w, 'sent'), 'SENT']]);
      expect(page.counts).toEqual({ all: 1, PENDING: 0, RETRYING: 0, SENT: 1, FAILED: 0 });
    },
  },
  {
    name: 'getOutboxMessage',
    file: 'lib/server/outbox/get-outbox-message.ts',
    action: 'outbox.read',
    setup: async (w) => {
      await email(w, 'retrying', { status: 'RETRYING', attempts: 1, lastError: 'ECONNREFUSED' });
      await db.emailAttempt.create({ data: { outboxId: ref(w, 'retrying'), ok: false, error: 'ECONNREFUSED' } });
    },
    run: (w, role) => getOutboxMessage({ actor: actorOf(w, role), input: { id: ref(w, 'retrying') } }),
    allowed: async (w, _role, result) => {
      const message = result as Awaited<ReturnType<typeof getOutboxMessage>>;
      expect([message.id, message.html, message.text]).toEqual([ref(w, 'retrying'), '<p>retrying</p>', 'retrying']);
      expect(message.attemptsLog.map((attempt) => [attempt.ok, attempt.error])).toEqual([[false, 'ECONNREFUSED']]);
    },
  },
  {
    name: 'listFailedEmails',
    file: 'lib/server/dashboard/list-failed-emails.ts',
    action: 'case.read',
    setup: async (w, role) => {
      const failed = { status: 'FAILED', permanentFailure: true, attempts: 1, lastError: '550 5.1.1 no such user' } as const;
      await email(w, 'mine', { ...failed, responsibleUserId: actorOf(w, role).userId, createdAt: new Date('2026-11-20T09:00:00Z') });
      await email(w, 'theirs', { ...failed, responsibleUserId: otherThan(w, role).user.id, createdAt: new Date('2026-11-20T08:00:00Z') });
    },
    run: (w, role) => listFailedEmails({ actor: actorOf(w, role) }),
    allowed: async (w, role, result) => {
      const failed = result as Awaited<ReturnType<typeof listFailedEmails>>;
      // Admins see the firm's; everyone else only the emails they answer for.
      const expected = role === 'ADMIN' ? [ref(w, 'mine'), ref(w, 'theirs')] : [ref(w, 'mine')];
      expect(failed.items.map((item) => item.id)).toEqual(expected);
      expect(failed.total).toBe(expected.length);
    },
  },
];
