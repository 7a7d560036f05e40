import { z } from 'zod';
import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { OUTBOX_ONLY } from '@/lib/email/deliver-outbox';
import { AppError } from '@/lib/errors';
import type { EmailLocale, OutboxStatus } from '@/lib/generated/prisma/enums';
import { parseInput } from '@/lib/server/validate';

const ZInput = z.object({ id: z.string().trim().min(1).max(64) });

export type OutboxAttempt = { id: string; at: Date; ok: boolean; providerMessageId: string | null; error: string | null };

export type OutboxMessage = {
  id: string;
  createdAt: Date;
  template: string;
  locale: EmailLocale;
  toEmail: string;
  subject: string;
  html: string;
  text: string;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: Date;
  sentAt: Date | null;
  lastError: string | null;
  permanentFailure: boolean;
  providerMessageId: string | null;
  outboxOnly: boolean;
  /** Oldest first: the story of the deliveries. */
  attemptsLog: OutboxAttempt[];
  /** Whether a sign-in or invitation link was hidden from the bodies. */
  linksHidden: boolean;
};

export const HIDDEN_LINK = '[hidden]';

// Sign-in (magic link, portal invitation) and member invitation links carry a live, one-use credential. Whoever
// opens the link acts as the recipient, so an admin reading the outbox sees the message without it.
// A booking's manage link cancels or moves the person's consultation: hidden too.
const CREDENTIALS = [/((?:[?&]|&amp;)token=)[A-Za-z0-9_\-%.~]+/g, /(\/invitations\/)[A-Za-z0-9_\-%.~]+/g, /(\/booking\/)[A-Za-z0-9_\-%.~]+/g];

function hideCredentials(body: string): { body: string; hidden: boolean } {
  let hidden = false;
  const out = CREDENTIALS.reduce(
    (text, pattern) =>
      text.replace(pattern, (_match, prefix: string) => {
        hidden = true;
        return `${prefix}${HIDDEN_LINK}`;
      }),
    body,
  );
  return { body: out, hidden };
}

/** One message of the actor's firm with its bodies and every delivery attempt; another firm's id is not found. */
export async function getOutboxMessage({ actor, input }: { actor: StaffActor; input: unknown }): Promise<OutboxMessage> {
  assertCan(actor, 'outbox.read');
  const { id } = parseInput(ZInput, input);
  const row = await getDb().emailOutbox.findFirst({
    where: { id, firmId: actor.firmId },
    select: {
      id: true, createdAt: true, template: true, locale: true, toEmail: true, subject: true, html: true, text: true, status: true, attempts: true,
      nextAttemptAt: true, sentAt: true, lastError: true, permanentFailure: true, providerMessageId: true,
      attemptsLog: { orderBy: [{ at: 'asc' }, { id: 'asc' }], select: { id: true, at: true, ok: true, providerMessageId: true, error: true } },
    },
  });
  if (!row) throw new AppError('NOT_FOUND');
  const html = hideCredentials(row.html);
  const text = hideCredentials(row.text);
  return {
    ...row,
    html: html.body,
    text: text.body,
    outboxOnly: row.status === 'SENT' && row.providerMessageId === OUTBOX_ONLY,
    linksHidden: html.hidden || text.hidden,
  };
}
