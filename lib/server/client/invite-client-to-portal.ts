import { z } from 'zod';
import type { StaffActor } from '@/lib/auth/actor';
import { issueClientToken, magicLinkUrl, PORTAL_INVITATION_DAYS } from '@/lib/auth/magic-link';
import { assertCan } from '@/lib/auth/permissions';
import { hashToken } from '@/lib/auth/secrets';
import { getDb } from '@/lib/db';
import { enqueueEmail } from '@/lib/email/enqueue-email';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';

const ZInput = z.object({ clientId: z.string().min(1) });

/**
 * Gives a client access to their portal: a user without password tied to the client record, and an email
 * in the client's language with a sign-in link valid for a week. Asking again sends a fresh link.
 */
export async function inviteClientToPortal({ actor, input, context }: { actor: StaffActor; input: unknown; context: RequestContext }) {
  assertCan(actor, 'client.portal.invite');
  const { clientId } = parseInput(ZInput, input);
  return getDb().$transaction(async (tx) => {
    const client = await tx.client.findFirst({ where: { id: clientId, firmId: actor.firmId, deletedAt: null }, include: { firm: { select: { name: true } } } });
    if (!client) throw new AppError('NOT_FOUND');
    const email = client.email?.trim().toLowerCase();
    if (!email) throw new AppError('VALIDATION', { message: 'client has no email', userMessage: 'portalAccess.noEmail' });

    let portalUserId = client.portalUserId;
    if (!portalUserId) {
      const existing = await tx.user.findUnique({ where: { email }, include: { memberships: { select: { id: true } }, portalClient: { select: { id: true } } } });
      // One address, one role: a staff account or another client's portal cannot double as this client's.
      if (existing && (existing.memberships.length > 0 || existing.portalClient)) {
        throw new AppError('CONFLICT', { message: 'email belongs to another account', userMessage: 'portalAccess.emailTaken' });
      }
      const user = existing ?? (await tx.user.create({ data: { email, name: `${client.firstName} ${client.lastName}`, locale: client.language } }));
      portalUserId = user.id;
      await tx.client.update({ where: { id: client.id, firmId: actor.firmId }, data: { portalUserId } });
    }
    const advisor = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true, email: true } });
    const token = await issueClientToken(tx, email, PORTAL_INVITATION_DAYS * 24 * 60);
    await enqueueEmail(tx, {
      key: `portal-invitation:${hashToken(token)}`,
      firmId: actor.firmId,
      template: 'portal-invitation',
      locale: client.language,
      to: email,
      props: { firmName: client.firm.name, advisorName: advisor.name ?? advisor.email, url: magicLinkUrl(token), expiresInDays: PORTAL_INVITATION_DAYS },
      responsibleUserId: actor.userId,
    });
    await recordAudit(tx, {
      firmId: actor.firmId,
      actor: { kind: 'staff', userId: actor.userId },
      action: 'client.portal_invited',
      entity: 'client',
      entityId: client.id,
      after: { email, portalUserId },
      context,
    });
    return { portalUserId };
  });
}
