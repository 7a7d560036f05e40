import { z } from 'zod';
import { hashPassword } from '@/lib/auth/password';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';

export const ZCreateFirm = z.object({
  firmName: z.string().trim().min(2).max(120),
  name: z.string().trim().min(2).max(120),
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(12, 'password_too_short').max(200),
});

function slugify(name: string): string {
  const base = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);
  return base || 'firm';
}

/** The first admin creates the firm. An email that already has an account must sign in and be invited instead. */
export async function createFirm({ input, context }: { input: unknown; context: RequestContext }) {
  const data = parseInput(ZCreateFirm, input);
  const passwordHash = await hashPassword(data.password);
  return getDb().$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: data.email }, select: { id: true } })) {
      throw new AppError('CONFLICT', { message: 'email in use', userMessage: 'register.emailInUse' });
    }
    const slugBase = slugify(data.firmName);
    const taken = await tx.firm.count({ where: { slug: { startsWith: slugBase } } });
    const firm = await tx.firm.create({ data: { name: data.firmName, slug: taken ? `${slugBase}-${taken + 1}` : slugBase } });
    const user = await tx.user.create({ data: { email: data.email, name: data.name, passwordHash } });
    const membership = await tx.membership.create({ data: { firmId: firm.id, userId: user.id, role: 'ADMIN' } });
    const actor = { kind: 'staff' as const, userId: user.id };
    await recordAudit(tx, { firmId: firm.id, actor, action: 'firm.created', entity: 'firm', entityId: firm.id, after: { name: firm.name, slug: firm.slug }, context });
    await recordAudit(tx, { firmId: firm.id, actor, action: 'member.joined', entity: 'member', entityId: membership.id, after: { email: user.email, role: 'ADMIN' }, context });
    return { firmId: firm.id, userId: user.id };
  });
}
