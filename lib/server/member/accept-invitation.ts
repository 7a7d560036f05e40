import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { hashToken } from '@/lib/auth/secrets';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';
import { ZAcceptInvitation } from './member-schemas';

/** What the invitation page shows before the person accepts; null when the link is unknown, used or expired. */
export async function findOpenInvitation(token: string) {
  const invitation = await getDb().invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { firm: { select: { name: true } } },
  });
  if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= new Date() || !invitation.role) return null;
  const user = await getDb().user.findUnique({ where: { email: invitation.email }, select: { passwordHash: true } });
  return { email: invitation.email, role: invitation.role, firmName: invitation.firm.name, hasAccount: Boolean(user?.passwordHash) };
}

/**
 * Accepting creates the account (or uses the existing one) and the membership, and uses the link up.
 * The row is claimed with a conditional update, so two clicks cannot both succeed.
 */
export async function acceptInvitation({ input, context }: { input: unknown; context: RequestContext }) {
  const { token, name, password } = parseInput(ZAcceptInvitation, input);
  const passwordHash = await hashPassword(password);
  return getDb().$transaction(async (tx) => {
    const now = new Date();
    const invitation = await tx.invitation.findUnique({ where: { tokenHash: hashToken(token) } });
    const claimed = invitation
      ? await tx.invitation.updateMany({ where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } }, data: { acceptedAt: now } })
      : { count: 0 };
    if (!invitation || claimed.count !== 1 || !invitation.role) {
      throw new AppError('NOT_FOUND', { message: 'invitation unusable', userMessage: 'invitations.invalid' });
    }
    const existing = await tx.user.findUnique({ where: { email: invitation.email } });
    // Someone who already has a Sejour account proves it is theirs with their current password.
    if (existing?.passwordHash && !(await verifyPassword(existing.passwordHash, password))) {
      throw new AppError('VALIDATION', { message: 'wrong password for existing account', userMessage: 'invitations.wrongPassword', details: { fieldErrors: { password: ['invitations.wrongPassword'] } } });
    }
    const user = existing
      ? await tx.user.update({ where: { id: existing.id }, data: { name: existing.name ?? name, passwordHash: existing.passwordHash ?? passwordHash, emailVerified: now } })
      : await tx.user.create({ data: { email: invitation.email, name, passwordHash, emailVerified: now } });
    const membership = await tx.membership.upsert({
      where: { firmId_userId: { firmId: invitation.firmId, userId: user.id } },
      create: { firmId: invitation.firmId, userId: user.id, role: invitation.role },
      update: { role: invitation.role, deactivatedAt: null },
    });
    await recordAudit(tx, {
      firmId: invitation.firmId,
      actor: { kind: 'staff', userId: user.id },
      action: 'member.joined',
      entity: 'member',
      entityId: membership.id,
      after: { email: user.email, role: membership.role, invitationId: invitation.id },
      context,
    });
    return { email: user.email, firmId: invitation.firmId };
  });
}
