import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ACTIONS, can, type Action } from '@/lib/auth/permissions';
import type { Role } from '@/lib/generated/prisma/enums';
import { setupTestDatabase } from './support/test-database';
import {
  createCase,
  createClient,
  createFirmWithStaff,
  emailsTo,
  expectAppError,
  firmSnapshot,
  newContext,
  writeCounts,
  type FirmWithStaff,
  type PlainClient,
} from './support/fixtures';

await setupTestDatabase();
const { getDb } = await import('@/lib/db');
const { closeRateLimits } = await import('@/lib/auth/rate-limit');
const { recordAudit } = await import('@/lib/server/audit/record-audit');
const { listMembers } = await import('@/lib/server/member/list-members');
const { inviteMember } = await import('@/lib/server/member/invite-member');
const { changeMemberRole } = await import('@/lib/server/member/change-member-role');
const { deactivateMember } = await import('@/lib/server/member/deactivate-member');
const { setTwoFactorRequirement } = await import('@/lib/server/firm/set-two-factor-requirement');
const { inviteClientToPortal } = await import('@/lib/server/client/invite-client-to-portal');
const { countCasesByStage } = await import('@/lib/server/case/count-cases-by-stage');
const { listAuditLog } = await import('@/lib/server/audit/list-audit-log');

const db = getDb();
afterAll(() => closeRateLimits());

const ROLES: Role[] = ['ADMIN', 'ADVISOR', 'ASSISTANT'];

type World = FirmWithStaff & { client: PlainClient['client'] };

/** A fresh firm per call: three members, a client with an email but no portal yet, one open case, one audit row. */
async function world(): Promise<World> {
  const staff = await createFirmWithStaff('Perm');
  const { client } = await createClient(staff.firm, { language: 'nl' });
  await createCase(staff.firm, client);
  await recordAudit(db, { firmId: staff.firm.id, actor: { kind: 'staff', userId: staff.admin.user.id }, action: 'client.created', entity: 'client', entityId: client.id, after: { firstName: client.firstName }, context: newContext() });
  return { ...staff, client };
}

const actorOf = (w: World, role: Role) => ({ ADMIN: w.admin, ADVISOR: w.advisor, ASSISTANT: w.assistant })[role].actor;
/** Someone other than the caller, so that a member acting on themselves never decides the outcome. */
const otherThan = (w: World, role: Role) => (role === 'ASSISTANT' ? w.advisor : w.assistant);

type Operation = {
  name: string;
  /** lib/server file, relative to the repository, whose assertCan() names `action` */
  file: string;
  action: Action;
  run: (w: World, role: Role) => Promise<unknown>;
  /** What the user sees when the call is allowed. */
  allowed: (w: World, role: Role, result: unknown) => Promise<void>;
};

const auditActions = async (w: World) => (await db.auditLog.findMany({ where: { firmId: w.firm.id }, orderBy: { id: 'asc' } })).map((row) => row.action);

const OPERATIONS: Operation[] = [
  {
    name: 'listMembers',
    file: 'lib/server/member/list-members.ts',
    action: 'member.read',
    run: (w, role) => listMembers({ actor: actorOf(w, role) }),
    allowed: async (w, _role, result) => {
      const { members } = result as Awaited<ReturnType<typeof listMembers>>;
      expect(members.map((m) => m.user.email).sort()).toEqual([w.admin.email, w.advisor.email, w.assistant.email].sort());
    },
  },
  {
    name: 'inviteMember',
    file: 'lib/server/member/invite-member.ts',
    action: 'member.invite',
    run: (w, role) => inviteMember({ actor: actorOf(w, role), input: { email: `new-${w.firm.slug}@example.test`, role: 'ADVISOR' }, context: newContext() }),
    allowed: async (w) => {
      expect(await db.invitation.count({ where: { firmId: w.firm.id, email: `new-${w.firm.slug}@example.test`, role: 'ADVISOR' } })).toBe(1);
      expect(await emailsTo(`new-${w.firm.slug}@example.test`)).toHaveLength(1);
      expect(await auditActions(w)).toContain('member.invited');
    },
  },
  {
    name: 'changeMemberRole',
    file: 'lib/server/member/change-member-role.ts',
    action: 'member.update',
    run: (w, role) => {
      const target = otherThan(w, role);
      return changeMemberRole({ actor: actorOf(w, role), input: { membershipId: target.membership.id, role: target.membership.role === 'ASSISTANT' ? 'ADVISOR' : 'ASSISTANT' }, context: newContext() });
    },
    allowed: async (w, role) => {
      const target = otherThan(w, role);
      const after = await db.membership.findUniqueOrThrow({ where: { id: target.membership.id } });
      expect(after.role).not.toBe(target.membership.role);
      expect(await auditActions(w)).toContain('member.role_changed');
    },
  },
  {
    name: 'deactivateMember',
    file: 'lib/server/member/deactivate-member.ts',
    action: 'member.deactivate',
    run: (w, role) => deactivateMember({ actor: actorOf(w, role), input: { membershipId: otherThan(w, role).membership.id }, context: newContext() }),
    allowed: async (w, role) => {
      expect((await db.membership.findUniqueOrThrow({ where: { id: otherThan(w, role).membership.id } })).deactivatedAt).not.toBeNull();
      expect(await auditActions(w)).toContain('member.deactivated');
    },
  },
  {
    name: 'setTwoFactorRequirement',
    file: 'lib/server/firm/set-two-factor-requirement.ts',
    action: 'firm.settings.update',
    run: (w, role) => setTwoFactorRequirement({ actor: actorOf(w, role), input: { required: true }, context: newContext() }),
    allowed: async (w) => {
      expect((await db.firm.findUniqueOrThrow({ where: { id: w.firm.id } })).requireTwoFactor).toBe(true);
      expect(await auditActions(w)).toContain('settings.updated');
    },
  },
  {
    name: 'inviteClientToPortal',
    file: 'lib/server/client/invite-client-to-portal.ts',
    action: 'client.portal.invite',
    run: (w, role) => inviteClientToPortal({ actor: actorOf(w, role), input: { clientId: w.client.id }, context: newContext() }),
    allowed: async (w) => {
      expect((await db.client.findUniqueOrThrow({ where: { id: w.client.id } })).portalUserId).not.toBeNull();
      expect(await emailsTo(w.client.email ?? '')).toHaveLength(1);
      expect(await auditActions(w)).toContain('client.portal_invited');
    },
  },
  {
    name: 'countCasesByStage',
    file: 'lib/server/case/count-cases-by-stage.ts',
    action: 'case.read',
    run: (w, role) => countCasesByStage({ actor: actorOf(w, role) }),
    allowed: async (_w, _role, result) => {
      expect(result).toEqual({ firm: { INTAKE: 1 }, mine: {} });
    },
  },
  {
    name: 'listAuditLog',
    file: 'lib/server/audit/list-audit-log.ts',
    action: 'audit.read',
    run: (w, role) => listAuditLog({ actor: actorOf(w, role) }),
    allowed: async (w, _role, result) => {
      const page = result as Awaited<ReturnType<typeof listAuditLog>>;
      expect(page.items.map((item) => [item.action, item.entityId])).toEqual([['client.created', w.client.id]]);
    },
  },
];

describe('the permission table, walked through every operation and role', () => {
  const cases = OPERATIONS.flatMap((operation) => ROLES.map((role) => [operation.name, operation.action, role, can(role, operation.action) ? 'allowed' : 'FORBIDDEN', operation] as const));

  it.each(cases)('%s (%s) as %s: %s', async (_name, action, role, _expected, operation) => {
    const w = await world();
    if (can(role, action)) {
      const result = await operation.run(w, role);
      await operation.allowed(w, role, result);
      return;
    }
    const before = await firmSnapshot(w.firm.id);
    const counts = await writeCounts();
    const error = await expectAppError(operation.run(w, role), 'FORBIDDEN');
    expect(error.userMessage).toBe('forbidden');
    expect(await firmSnapshot(w.firm.id)).toEqual(before);
    expect(await writeCounts()).toEqual(counts);
  });

  it('refuses, for each role, exactly the operations the table leaves out', () => {
    // A guard against a table that allows everything (or nothing): the walk above must see both outcomes.
    const outcomes = new Set(cases.map(([, , , expected]) => expected));
    expect(outcomes).toEqual(new Set(['allowed', 'FORBIDDEN']));
    for (const role of ROLES) expect(cases.filter(([, , r, expected]) => r === role && expected === 'allowed').length).toBeGreaterThan(0);
  });
});

describe('the actions operations check', () => {
  async function sourceFiles(dir: string): Promise<string[]> {
    const entries = await readdir(dir, { withFileTypes: true });
    const nested = await Promise.all(entries.map((entry) => (entry.isDirectory() ? sourceFiles(path.join(dir, entry.name)) : [path.join(dir, entry.name)])));
    return nested.flat().filter((file) => file.endsWith('.ts'));
  }

  /** Every assertCan(actor, '<action>') in lib/server, by file. */
  async function checkedActions(): Promise<Map<string, string[]>> {
    const root = process.cwd();
    const found = new Map<string, string[]>();
    for (const file of await sourceFiles(path.join(root, 'lib/server'))) {
      const source = await readFile(file, 'utf8');
      const actions = [...source.matchAll(/assertCan\(\s*[\w.]+\s*,\s*['"]([^'"]+)['"]\s*\)/g)].map((match) => match[1] ?? '');
      if (actions.length > 0) found.set(path.relative(root, file).split(path.sep).join('/'), actions);
    }
    return found;
  }

  it('names only actions that exist in ACTIONS', async () => {
    const known: readonly string[] = ACTIONS;
    for (const [file, actions] of await checkedActions()) {
      for (const action of actions) expect(known, `${file} checks "${action}"`).toContain(action);
    }
    for (const operation of OPERATIONS) expect(known).toContain(operation.action);
  });

  it('walks every permission-checked operation in lib/server, with the action its code checks', async () => {
    const found = await checkedActions();
    const walked = new Map(OPERATIONS.map((operation) => [operation.file, [operation.action as string]]));
    expect(Object.fromEntries(found)).toEqual(Object.fromEntries(walked));
  });
});
