import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { hashToken, newToken } from '@/lib/auth/secrets';
import { getDb } from '@/lib/db';
import { enqueueEmail } from '@/lib/email/enqueue-email';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';
import { ZInviteMember } from './member-schemas';

export const INVITATION_DAYS = 7;

export function invitationUrl(token: string): string {
  return new URL(`/invitations/${encodeURIComponent(token)}`, env().APP_URL).toString();
}

/** An admin invites someone by email; the link is valid for a week and works once. */
export async function inviteMember({ actor, input, context }: { actor: StaffActor; input: unknown; context: RequestContext }) {
  assertCan(actor, 'member.invite');
  const { email, role, locale } = parseInput(ZInviteMember, input);
  const db = getDb();
  return db.$transaction(async (tx) => {
    const existing = await tx.membership.findFirst({ where: { firmId: actor.firmId, user: { email }, deactivatedAt: null }, select: { id: true } });
    if (existing) throw new AppError('CONFLICT', { message: 'already a member', userMessage: 'members.alreadyMember' });
    // A new invitation replaces any open one for the same address, so only the latest link works.
    await tx.invitation.updateMany({ where: { firmId: actor.firmId, email, acceptedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
    const token = newToken();
    const invitation = await tx.invitation.create({
      data: { firmId: actor.firmId, email, role, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000), invitedById: actor.userId },
    });
    const [firm, inviter] = await Promise.all([
      tx.firm.findUniqueOrThrow({ where: { id: actor.firmId }, select: { name: true } }),
      tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true, email: true, locale: true } }),
    ]);
    await enqueueEmail(tx, {
      key: `invitation:${invitation.id}`,
      firmId: actor.firmId,
      template: 'invitation',
      locale: locale ?? inviter.locale,
      to: email,
      props: { firmName: firm.name, inviterName: inviter.name ?? inviter.email, role, url: invitationUrl(token), expiresInDays: INVITATION_DAYS },
      responsibleUserId: actor.userId,
    });
    await recordAudit(tx, {
      firmId: actor.firmId,
      actor: { kind: 'staff', userId: actor.userId },
      action: 'member.invited',
      entity: 'invitation',
      entityId: invitation.id,
      after: { email, role, expiresAt: invitation.expiresAt },
      context,
    });
    return { invitationId: invitation.id };
  });
}
