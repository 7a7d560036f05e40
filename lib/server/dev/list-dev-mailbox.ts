import { getDb } from '@/lib/db';
import { IS_PRODUCTION } from '@/lib/env';
import { AppError } from '@/lib/errors';

/**
 * Development only: the latest emails in the outbox, across firms, so a developer without SMTP can read the
 * invitation and sign-in links. In production this would hand out everyone's sign-in links, so it refuses.
 */
export async function listDevMailbox(limit = 50) {
  if (IS_PRODUCTION) throw new AppError('NOT_FOUND');
  return getDb().emailOutbox.findMany({
    orderBy: { createdAt: 'desc' },
    take: limit,
    select: { id: true, toEmail: true, subject: true, text: true, status: true, createdAt: true, locale: true },
  });
}
