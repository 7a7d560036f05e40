import { getDb } from '@/lib/db';
import { SERVICE_VIEW } from './service-select';

/**
 * What a firm shows of its catalogue on its public page (/f/<slug>): the live services it marked public, only
 * while the page is open. No actor: anyone may read a price list the firm published.
 */
export async function listPublicServices({ slug }: { slug: string }) {
  return getDb().service.findMany({
    where: { firm: { slug, publicPageEnabled: true }, archivedAt: null, showOnPublicPage: true },
    orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
    select: SERVICE_VIEW,
  });
}
