import { z } from 'zod';
import { getDb, type Tx } from '@/lib/db';
import { enqueueEmail } from '@/lib/email/enqueue-email';
import { env } from '@/lib/env';
import { sharedMetrics } from '@/lib/metrics/shared-metrics.mjs';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { consumeMagicLinkRequest } from './rate-limit';
import { hashToken, newToken } from './secrets';
import { createSession } from './sessions';

// Clients do not keep passwords: they ask for a link by email and the link signs them in once.
// The link opens a page with a button (a POST) rather than signing in on GET, because mail scanners
// follow links and would otherwise use the token up before the client clicks.

export const MAGIC_LINK_MINUTES = 20;
export const PORTAL_INVITATION_DAYS = 7;

export const ZMagicLinkRequest = z.object({ email: z.string().trim().toLowerCase().pipe(z.email()) });

export function magicLinkUrl(token: string): string {
  return new URL(`/portal/sign-in/verify?token=${encodeURIComponent(token)}`, env().APP_URL).toString();
}

/** Stores a one-use sign-in token for a client's portal user and returns the token to put in a link. */
export async function issueClientToken(tx: Tx, email: string, validForMinutes: number): Promise<string> {
  const token = newToken();
  await tx.verificationToken.create({ data: { identifier: email, token: hashToken(token), expires: new Date(Date.now() + validForMinutes * 60_000) } });
  return token;
}

/**
 * Always resolves the same way whether or not the email belongs to a client, so the form reveals nothing.
 * Throws AppError RATE_LIMITED when this email or IP asked too often.
 */
export async function requestMagicLink(raw: unknown, context: RequestContext): Promise<void> {
  const parsed = ZMagicLinkRequest.safeParse(raw);
  if (!parsed.success) return;
  const { email } = parsed.data;
  await consumeMagicLinkRequest({ email, ip: context.ip });
  const db = getDb();
  const client = await db.client.findFirst({
    where: { deletedAt: null, portalUser: { email } },
    include: { firm: { select: { id: true, name: true } } },
  });
  await db.$transaction(async (tx) => {
    if (client) {
      const token = await issueClientToken(tx, email, MAGIC_LINK_MINUTES);
      await enqueueEmail(tx, {
        key: `magic-link:${hashToken(token)}`,
        firmId: client.firmId,
        template: 'magic-link',
        locale: client.language,
        to: email,
        props: { firmName: client.firm.name, url: magicLinkUrl(token), minutes: MAGIC_LINK_MINUTES },
      });
    }
    await recordAudit(tx, {
      firmId: client?.firmId ?? null,
      actor: { kind: 'anonymous' },
      action: 'auth.magic_link_requested',
      entity: 'session',
      entityId: client?.portalUserId ?? undefined,
      after: { email, known: Boolean(client) },
      context,
    });
  });
}

/** Uses the token up and opens a client session; null when the token is unknown, used or expired. */
export async function redeemMagicLink(token: string, context: RequestContext): Promise<{ sessionId: string; userId: string } | null> {
  const session = token && token.length <= 200 ? await redeem(token, context) : null;
  if (!session) sharedMetrics().signInFailures.inc({ reason: 'magic_link' });
  return session;
}

async function redeem(token: string, context: RequestContext): Promise<{ sessionId: string; userId: string } | null> {
  const hashed = hashToken(token);
  return getDb().$transaction(async (tx) => {
    const row = await tx.verificationToken.findUnique({ where: { token: hashed } });
    // Deleting first makes the token single-use even when two tabs redeem it at the same moment.
    const { count } = await tx.verificationToken.deleteMany({ where: { token: hashed, expires: { gt: new Date() } } });
    if (!row || count !== 1) return null;
    const client = await tx.client.findFirst({ where: { deletedAt: null, portalUser: { email: row.identifier } }, select: { firmId: true, portalUserId: true } });
    if (!client?.portalUserId) return null;
    const sessionId = await createSession(tx, { userId: client.portalUserId, firmId: client.firmId, kind: 'CLIENT', ...context });
    await tx.user.update({ where: { id: client.portalUserId }, data: { emailVerified: new Date() } });
    await recordAudit(tx, {
      firmId: client.firmId,
      actor: { kind: 'client', userId: client.portalUserId },
      action: 'auth.sign_in',
      entity: 'session',
      entityId: sessionId,
      after: { method: 'magic-link' },
      context,
    });
    return { sessionId, userId: client.portalUserId };
  });
}
