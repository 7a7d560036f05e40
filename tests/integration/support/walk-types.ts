import type { Action } from '@/lib/auth/permissions';
import type { Case, Client } from '@/lib/generated/prisma/client';
import type { Role } from '@/lib/generated/prisma/enums';
import type { FirmWithStaff } from './fixtures';

// The shapes of permissions.test.ts's OPERATIONS table, for the support files that add rows to it.

/** The world permissions.test.ts builds per operation and role. */
export type WalkWorld = FirmWithStaff & { client: Client; kase: Case; refs: Record<string, string> };

/** One row: the operation, its file, the action it checks, and what "allowed" must have done. */
export type WalkOperation = {
  name: string;
  file: string;
  action: Action;
  setup?: (w: WalkWorld, role: Role) => Promise<void>;
  run: (w: WalkWorld, role: Role) => Promise<unknown>;
  allowed: (w: WalkWorld, role: Role, result: unknown) => Promise<void>;
};

export const walkActor = (w: WalkWorld, role: Role) => ({ ADMIN: w.admin, ADVISOR: w.advisor, ASSISTANT: w.assistant })[role].actor;
