import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { expect } from 'vitest';
import { getDb } from '@/lib/db';
import type { Role } from '@/lib/generated/prisma/enums';
import { eraseClient } from '@/lib/server/client/erase-client';
import { exportClientData } from '@/lib/server/client/export-client-data';
import { getClientErasureStatus } from '@/lib/server/client/get-client-erasure-status';
import { getRetentionPeriod } from '@/lib/server/firm/get-retention-period';
import { setRetentionPeriod } from '@/lib/server/firm/set-retention-period';
import { createLocalStorage } from '@/lib/storage/local-storage';
import { newContext } from './fixtures';
import type { OutboxOperation, OutboxWorld } from './outbox-operations';

// The GDPR rows of the OPERATIONS table in permissions.test.ts (a client's export and erasure, the retention
// setting), which spreads them in. Import after setupTestDatabase(), as the test does lib/server.

const db = getDb();
const storage = createLocalStorage(path.join(mkdtempSync(path.join(tmpdir(), 'sejour-perm-gdpr-')), 'objects'));
const actorOf = (w: OutboxWorld, role: Role) => ({ ADMIN: w.admin, ADVISOR: w.advisor, ASSISTANT: w.assistant })[role].actor;
const auditCount = (w: OutboxWorld, action: string) => db.auditLog.count({ where: { firmId: w.firm.id, action } });

/** The world's one case, closed long enough ago for the default five years to have run out. */
async function closedLongAgo(w: OutboxWorld) {
  await db.case.update({ where: { id: w.kase.id }, data: { stage: 'CLOSED', closedAt: new Date('2019-03-01T00:00:00Z') } });
}

export const CLIENT_DATA_OPERATIONS: OutboxOperation[] = [
  {
    name: 'exportClientData',
    file: 'lib/server/client/export-client-data.ts',
    action: 'client.export',
    run: async (w, role) => {
      const { fileName, stream } = await exportClientData({ actor: actorOf(w, role), clientId: w.client.id, context: newContext(), storage });
      return { fileName, bytes: Buffer.concat(await (stream as Readable).toArray()) };
    },
    allowed: async (w, _role, result) => {
      const { fileName, bytes } = result as { fileName: string; bytes: Buffer };
      expect(fileName).toBe(`GDPR-${w.client.fileNumber}.zip`);
      // A ZIP: local file header first.
      expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
      expect(await auditCount(w, 'client.exported')).toBe(1);
    },
  },
  {
    name: 'getClientErasureStatus',
    file: 'lib/server/client/get-client-erasure-status.ts',
    action: 'client.erase',
    run: (w, role) => getClientErasureStatus({ actor: actorOf(w, role), clientId: w.client.id }),
    allowed: async (w, _role, result) => {
      expect(result).toEqual({ retentionYears: 5, erasable: false, reason: 'openCase', openCases: [w.kase.reference] });
    },
  },
  {
    name: 'eraseClient',
    file: 'lib/server/client/erase-client.ts',
    action: 'client.erase',
    setup: (w) => closedLongAgo(w),
    run: (w, role) => eraseClient({ actor: actorOf(w, role), input: { clientId: w.client.id, confirmFileNumber: w.client.fileNumber }, context: newContext(), storage }),
    allowed: async (w) => {
      expect(await db.client.findUniqueOrThrow({ where: { id: w.client.id } })).toMatchObject({ firstName: '[erased]', email: null, deletedAt: expect.any(Date) });
      expect(await db.case.count({ where: { clientId: w.client.id } })).toBe(0);
      expect(await auditCount(w, 'client.erased')).toBe(1);
    },
  },
  {
    name: 'getRetentionPeriod',
    file: 'lib/server/firm/get-retention-period.ts',
    action: 'firm.settings.update',
    run: (w, role) => getRetentionPeriod({ actor: actorOf(w, role) }),
    allowed: async (_w, _role, result) => {
      expect(result).toEqual({ years: 5, defaultYears: 5, maxYears: 30 });
    },
  },
  {
    name: 'setRetentionPeriod',
    file: 'lib/server/firm/set-retention-period.ts',
    action: 'firm.settings.update',
    run: (w, role) => setRetentionPeriod({ actor: actorOf(w, role), input: { years: '10' }, context: newContext() }),
    allowed: async (w) => {
      expect((await db.firm.findUniqueOrThrow({ where: { id: w.firm.id } })).settings).toMatchObject({ retention: { years: 10 } });
      expect(await db.auditLog.findFirstOrThrow({ where: { firmId: w.firm.id, action: 'settings.updated' } })).toMatchObject({ diff: { before: { retentionYears: 5 }, after: { retentionYears: 10 } } });
    },
  },
];
