import { expect } from 'vitest';
import { getDb } from '@/lib/db';
import type { Role } from '@/lib/generated/prisma/enums';
import { createCalendarFeed } from '@/lib/server/calendar/create-calendar-feed';
import { getCalendarFeedStatus } from '@/lib/server/calendar/get-calendar-feed-status';
import { revokeCalendarFeed } from '@/lib/server/calendar/revoke-calendar-feed';
import type { DocumentOperation, DocumentWorld } from './document-operations';

// The calendar-feed rows of the OPERATIONS table in permissions.test.ts, which spreads them in.
// Import after setupTestDatabase(), as the test does lib/server.

const db = getDb();
const actorOf = (w: DocumentWorld, role: Role) => ({ ADMIN: w.admin, ADVISOR: w.advisor, ASSISTANT: w.assistant })[role].actor;

export const CALENDAR_OPERATIONS: DocumentOperation[] = [
  {
    name: 'getCalendarFeedStatus',
    file: 'lib/server/calendar/get-calendar-feed-status.ts',
    action: 'calendar.manage',
    run: (w, role) => getCalendarFeedStatus({ actor: actorOf(w, role) }),
    allowed: async (_w, _role, result) => {
      expect(result).toEqual({ active: false });
    },
  },
  {
    name: 'createCalendarFeed',
    file: 'lib/server/calendar/create-calendar-feed.ts',
    action: 'calendar.manage',
    run: (w, role) => createCalendarFeed({ actor: actorOf(w, role) }),
    allowed: async (w, role, result) => {
      expect((result as { url: string }).url).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]+\.ics$/);
      const memberships = await db.membership.findMany({ where: { firmId: w.firm.id }, select: { userId: true, icalTokenHash: true } });
      expect(memberships.filter((m) => m.icalTokenHash).map((m) => m.userId)).toEqual([actorOf(w, role).userId]);
    },
  },
  {
    name: 'revokeCalendarFeed',
    file: 'lib/server/calendar/revoke-calendar-feed.ts',
    action: 'calendar.manage',
    setup: async (w, role) => {
      await db.membership.updateMany({ where: { firmId: w.firm.id, userId: actorOf(w, role).userId }, data: { icalTokenHash: `hash-${w.firm.slug}` } });
    },
    run: (w, role) => revokeCalendarFeed({ actor: actorOf(w, role) }),
    allowed: async (w, role, result) => {
      expect(result).toEqual({ revoked: true });
      expect(await db.membership.findFirstOrThrow({ where: { firmId: w.firm.id, userId: actorOf(w, role).userId } })).toMatchObject({ icalTokenHash: null });
    },
  },
];
