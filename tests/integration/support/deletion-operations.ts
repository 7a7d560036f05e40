import { expect } from 'vitest';
import { getDb } from '@/lib/db';
import { deleteNote } from '@/lib/server/note/delete-note';
import { deleteTask } from '@/lib/server/task/delete-task';
import { newContext } from './fixtures';
import { walkActor, type WalkOperation, type WalkWorld } from './walk-types';

// Deleting a note or a task: the rows of the OPERATIONS table in permissions.test.ts, which spreads them in.
// Assistants may write both but delete neither (DESIGN.md's role table). Import after setupTestDatabase().

const db = getDb();
const actorOf = walkActor;
const auditActions = async (w: WalkWorld) => (await db.auditLog.findMany({ where: { firmId: w.firm.id }, orderBy: { id: 'asc' } })).map((row) => row.action);

export const DELETION_OPERATIONS: WalkOperation[] = [
  {
    name: 'deleteNote',
    file: 'lib/server/note/delete-note.ts',
    action: 'note.delete',
    setup: async (w) => {
      const note = await db.note.create({ data: { firmId: w.firm.id, clientId: w.client.id, caseId: w.kase.id, authorId: w.assistant.user.id, body: 'Wrong client: meant for the Diallo file', visibility: 'CLIENT' } });
      w.refs.note = note.id;
    },
    run: (w, role) => deleteNote({ actor: actorOf(w, role), input: { noteId: w.refs.note }, context: newContext() }),
    allowed: async (w) => {
      // Gone from the case page's notes and the portal's conversation, kept as a deleted row.
      expect(await db.note.count({ where: { caseId: w.kase.id, deletedAt: null } })).toBe(0);
      expect((await db.note.findUniqueOrThrow({ where: { id: w.refs.note } })).deletedAt).not.toBeNull();
      const [entry] = await db.auditLog.findMany({ where: { firmId: w.firm.id, action: 'note.deleted' } });
      expect(JSON.stringify(entry?.diff)).not.toContain('Diallo');
      expect(await auditActions(w)).toEqual(['client.created', 'note.deleted']);
    },
  },
  {
    name: 'deleteTask',
    file: 'lib/server/task/delete-task.ts',
    action: 'task.delete',
    setup: async (w) => {
      const task = await db.task.create({ data: { firmId: w.firm.id, caseId: w.kase.id, title: 'Ask for the lease', dueOn: new Date('2026-12-01T00:00:00Z'), assigneeId: w.advisor.user.id, createdById: w.assistant.user.id } });
      await db.reminder.create({ data: { firmId: w.firm.id, taskId: task.id, recipientKey: `user:${w.advisor.user.id}`, recipientUserId: w.advisor.user.id, recipientEmail: w.advisor.user.email, leadDays: 1, dueAt: new Date('2026-11-30T07:00:00Z') } });
      w.refs.task = task.id;
    },
    run: (w, role) => deleteTask({ actor: actorOf(w, role), input: { taskId: w.refs.task }, context: newContext() }),
    allowed: async (w) => {
      expect(await db.task.count({ where: { caseId: w.kase.id } })).toBe(0);
      // Nobody is reminded of a task that no longer exists.
      expect(await db.reminder.count({ where: { firmId: w.firm.id } })).toBe(0);
      expect(await db.caseEvent.findMany({ where: { caseId: w.kase.id, type: 'TASK' }, select: { note: true, payload: true } })).toEqual([
        { note: 'Ask for the lease', payload: { taskId: w.refs.task, action: 'deleted' } },
      ]);
      expect(await auditActions(w)).toEqual(['client.created', 'task.deleted']);
    },
  },
];
