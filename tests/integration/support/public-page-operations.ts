import { expect } from 'vitest';
import { getDb } from '@/lib/db';
import { getPublicPageSettings } from '@/lib/server/firm/get-public-page-settings';
import { setPublicPage } from '@/lib/server/firm/set-public-page';
import { newContext } from './fixtures';
import { walkActor, type WalkOperation } from './walk-types';

// The firm's public page settings: rows of the OPERATIONS table in permissions.test.ts. Admins only.

const db = getDb();

export const PUBLIC_PAGE_OPERATIONS: WalkOperation[] = [
  {
    name: 'setPublicPage',
    file: 'lib/server/firm/set-public-page.ts',
    action: 'firm.public_page.update',
    run: (w, role) => setPublicPage({ actor: walkActor(w, role), input: { enabled: 'true', en: 'We help.', nl: 'Wij helpen.', fr: '', de: '' }, context: newContext() }),
    allowed: async (w) => {
      expect(await db.firm.findUniqueOrThrow({ where: { id: w.firm.id }, select: { publicPageEnabled: true, publicDescription: true } })).toEqual({
        publicPageEnabled: true,
        publicDescription: { en: 'We help.', nl: 'Wij helpen.', fr: '', de: '' },
      });
      expect((await db.auditLog.findMany({ where: { firmId: w.firm.id }, orderBy: { id: 'asc' } })).map((row) => row.action)).toEqual(['client.created', 'firm.public_page_updated']);
    },
  },
  {
    name: 'getPublicPageSettings',
    file: 'lib/server/firm/get-public-page-settings.ts',
    action: 'firm.public_page.update',
    run: (w, role) => getPublicPageSettings({ actor: walkActor(w, role) }),
    allowed: async (w, _role, result) => {
      expect(result).toEqual({ slug: w.firm.slug, enabled: false, description: {} });
    },
  },
];
