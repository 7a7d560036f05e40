import { expect } from 'vitest';
import type { Action } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import type { Role } from '@/lib/generated/prisma/enums';
import { DEADLINE_KINDS } from '@/lib/rules/vocabulary';
import { getReminderSettings } from '@/lib/server/reminder/get-reminder-settings';
import { updateFirmLeadTimes } from '@/lib/server/reminder/update-firm-lead-times';
import { updateReminderPreferences } from '@/lib/server/reminder/update-reminder-preferences';
import { newContext } from './fixtures';
import type { OutboxOperation, OutboxWorld } from './outbox-operations';

// The reminder-settings rows of the OPERATIONS table in permissions.test.ts, which spreads them in.
// Import after setupTestDatabase(), as the test does lib/server.

const db = getDb();
const memberOf = (w: OutboxWorld, role: Role) => ({ ADMIN: w.admin, ADVISOR: w.advisor, ASSISTANT: w.assistant })[role];
const leads = Object.fromEntries(DEADLINE_KINDS.map((kind) => [kind, kind === 'APPEAL' ? '10, 5' : '7']));

export const REMINDER_OPERATIONS: (OutboxOperation & { action: Action })[] = [
  {
    name: 'getReminderSettings',
    file: 'lib/server/reminder/get-reminder-settings.ts',
    action: 'firm.read',
    run: (w, role) => getReminderSettings({ actor: memberOf(w, role).actor }),
    allowed: async (_w, _role, result) => {
      expect(result).toMatchObject({ reminderMode: 'INDIVIDUAL', digestHour: 7, leadTimes: { APPEAL: [21, 14, 7, 3, 1] } });
    },
  },
  {
    name: 'updateReminderPreferences',
    file: 'lib/server/reminder/update-reminder-preferences.ts',
    action: 'firm.read',
    run: (w, role) => updateReminderPreferences({ actor: memberOf(w, role).actor, input: { reminderMode: 'DIGEST', digestHour: '6' }, context: newContext() }),
    allowed: async (w, role) => {
      expect(await db.membership.findUniqueOrThrow({ where: { id: memberOf(w, role).membership.id } })).toMatchObject({ reminderMode: 'DIGEST', digestHour: 6 });
      expect(await db.auditLog.count({ where: { firmId: w.firm.id, action: 'member.reminder_preferences_updated' } })).toBe(1);
    },
  },
  {
    name: 'updateFirmLeadTimes',
    file: 'lib/server/reminder/update-firm-lead-times.ts',
    action: 'firm.settings.update',
    run: (w, role) => updateFirmLeadTimes({ actor: memberOf(w, role).actor, input: leads, context: newContext() }),
    allowed: async (w) => {
      const firm = await db.firm.findUniqueOrThrow({ where: { id: w.firm.id } });
      expect(firm.settings).toMatchObject({ reminders: { leadDays: { APPEAL: [10, 5] } } });
      expect(await db.auditLog.count({ where: { firmId: w.firm.id, action: 'settings.updated' } })).toBe(1);
    },
  },
];
