import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { getDb } from '@/lib/db';
import type { Role } from '@/lib/generated/prisma/enums';
import { getFirmBranding } from '@/lib/server/firm/get-firm-branding';
import { removeFirmLogo } from '@/lib/server/firm/remove-firm-logo';
import { setFirmLogo } from '@/lib/server/firm/set-firm-logo';
import { createLocalStorage } from '@/lib/storage/local-storage';
import { png } from './document-files';
import { newContext } from './fixtures';
import type { OutboxOperation, OutboxWorld } from './outbox-operations';

// The firm-logo rows of the OPERATIONS table in permissions.test.ts, which spreads them in.
// Import after setupTestDatabase(), as the test does lib/server.

const db = getDb();
const storage = createLocalStorage(path.join(mkdtempSync(path.join(tmpdir(), 'sejour-perm-logo-')), 'objects'));
const actorOf = (w: OutboxWorld, role: Role) => ({ ADMIN: w.admin, ADVISOR: w.advisor, ASSISTANT: w.assistant })[role].actor;
const logoKeyOf = async (w: OutboxWorld) => (await db.firm.findUniqueOrThrow({ where: { id: w.firm.id }, select: { logoKey: true } })).logoKey;

/** The firm already shows a logo (set as an admin would), so removing it has something to remove. */
async function withLogo(w: OutboxWorld) {
  await setFirmLogo({ actor: w.admin.actor, file: { bytes: png() }, context: newContext(), storage });
}

export const FIRM_LOGO_OPERATIONS: OutboxOperation[] = [
  {
    name: 'getFirmBranding',
    file: 'lib/server/firm/get-firm-branding.ts',
    action: 'firm.read',
    run: (w, role) => getFirmBranding({ actor: actorOf(w, role) }),
    allowed: async (w, _role, result) => {
      expect(result).toEqual({ name: w.firm.name, logoUrl: null, logoPath: null, maxBytes: 200 * 1024 });
    },
  },
  {
    name: 'setFirmLogo',
    file: 'lib/server/firm/set-firm-logo.ts',
    action: 'firm.settings.update',
    run: (w, role) => setFirmLogo({ actor: actorOf(w, role), file: { bytes: png() }, context: newContext(), storage }),
    allowed: async (w) => {
      const key = await logoKeyOf(w);
      expect(key).toMatch(new RegExp(`^${w.firm.id}/logo/`));
      expect(await storage.exists(key!)).toBe(true);
      expect(await db.auditLog.count({ where: { firmId: w.firm.id, action: 'settings.updated' } })).toBe(1);
    },
  },
  {
    name: 'removeFirmLogo',
    file: 'lib/server/firm/remove-firm-logo.ts',
    action: 'firm.settings.update',
    setup: (w) => withLogo(w),
    run: (w, role) => removeFirmLogo({ actor: actorOf(w, role), context: newContext(), storage }),
    allowed: async (w) => {
      expect(await logoKeyOf(w)).toBeNull();
      // the setup's upload, then the removal
      expect(await db.auditLog.count({ where: { firmId: w.firm.id, action: 'settings.updated' } })).toBe(2);
    },
  },
];
