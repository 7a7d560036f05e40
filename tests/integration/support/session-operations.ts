import { expect } from 'vitest';
import type { Action } from '@/lib/auth/permissions';
import { createSession } from '@/lib/auth/sessions';
import { getDb } from '@/lib/db';
import type { Case, Client } from '@/lib/generated/prisma/client';
import type { Role } from '@/lib/generated/prisma/enums';
import { endMemberSessions } from '@/lib/server/member/end-member-sessions';
import { newContext, type FirmWithStaff } from './fixtures';

// Ending a member's sessions: the row of the OPERATIONS table in permissions.test.ts, which spreads it in.
// Self-service session operations (lib/server/account) act on the caller's own rows and are tested in sessions.test.ts.

type World = FirmWithStaff & { client: Client; kase: Case; refs: Record<string, string> };
type Operation = {
  name: string;
  file: string;
  action: Action;
  setup?: (w: World, role: Role) => Promise<void>;
  run: (w: World, role: Role) => Promise<unknown>;
  allowed: (w: World, role: Role, result: unknown) => Promise<void>;
};

const db = getDb();
const actorOf = (w: World, role: Role) => ({ ADMIN: w.admin, ADVISOR: w.advisor, ASSISTANT: w.assistant })[role].actor;

export const SESSION_OPERATIONS: Operation[] = [
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
