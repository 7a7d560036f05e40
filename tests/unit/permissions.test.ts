import { describe, expect, it } from 'vitest';
import { ACTIONS, assertCan, can, PERMISSIONS } from '@/lib/auth/permissions';

describe('permission table', () => {
  it('gives admins every action', () => {
    for (const action of ACTIONS) expect(can('ADMIN', action)).toBe(true);
  });

  it('keeps member management, settings, audit and deletion away from assistants', () => {
    for (const action of ['member.invite', 'member.update', 'member.deactivate', 'firm.settings.update', 'audit.read', 'case.delete', 'client.delete', 'document.delete', 'checklist.delete', 'note.delete', 'task.delete', 'member.sessions.end'] as const) {
      expect(can('ASSISTANT', action)).toBe(false);
    }
    expect(can('ASSISTANT', 'case.transition')).toBe(true);
    expect(can('ASSISTANT', 'document.review')).toBe(true);
  });

  it('lets advisors work and delete cases but not manage members or settings', () => {
    expect(can('ADVISOR', 'case.delete')).toBe(true);
    expect(can('ADVISOR', 'member.invite')).toBe(false);
    expect(can('ADVISOR', 'firm.settings.update')).toBe(false);
  });

  it('only names known actions', () => {
    for (const allowed of Object.values(PERMISSIONS)) for (const action of allowed) expect(ACTIONS).toContain(action);
  });

  it('refuses with a FORBIDDEN error', () => {
    expect(() => assertCan({ kind: 'staff', userId: 'u', firmId: 'f', role: 'ASSISTANT' }, 'member.invite')).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', status: 403 }),
    );
  });
});
