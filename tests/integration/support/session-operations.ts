import { expect } from 'vitest';
import { createSession } from '@/lib/auth/sessions';
import { getDb } from '@/lib/db';
import { endMemberSessions } from '@/lib/server/member/end-member-sessions';
import { newContext } from './fixtures';
import { walkActor, type WalkOperation } from './walk-types';

// Ending a member's sessions: the row of the OPERATIONS table in permissions.test.ts, which spreads it in.
// Self-service session operations (lib/server/account) act on the caller's own rows and are tested in sessions.test.ts.

const db = getDb();
const actorOf = walkActor;

export const SESSION_OPERATIONS: WalkOperation[] = [
  {
    name: 'endMemberSessions',
    file: 'lib/server/member/end-member-sessions.ts',
    action: 'member.sessions.end',
    setup: async (w) => {
      w.refs.session = await createSession(db, { userId: w.advisor.user.id, firmId: w.firm.id, kind: 'STAFF', ...newContext() });
    },
    run: (w, role) => endMemberSessions({ actor: actorOf(w, role), input: { membershipId: w.advisor.membership.id }, context: newContext() }),
    allowed: async (w, _role, result) => {
      expect(result).toEqual({ ended: 1 });
      expect((await db.session.findUniqueOrThrow({ where: { id: w.refs.session } })).revokedAt).not.toBeNull();
      expect((await db.auditLog.findMany({ where: { firmId: w.firm.id }, orderBy: { id: 'asc' } })).map((row) => row.action)).toEqual(['client.created', 'member.sessions_ended']);
    },
  },
];
