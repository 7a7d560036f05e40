import type { Actor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';
import type { Role } from '@/lib/generated/prisma/enums';

// The permission table, as data: which staff role may do what. Every lib/server operation calls
// assertCan() before it touches the database; a test walks the whole table.
// Clients are not in this table: portal operations scope by the client's own record instead.

export const ACTIONS = [
  'firm.read',
  'firm.settings.update',
  'member.read',
  'member.invite',
  'member.update',
  'member.deactivate',
  // Ending every session of a member (a lost laptop, a departure): admins only.
  'member.sessions.end',
  'client.read',
  'client.create',
  'client.update',
  'client.delete',
  'client.portal.invite',
  // GDPR: everything held on one client as a ZIP, and its erasure after the retention period. Admins only.
  'client.export',
  'client.erase',
  'case.read',
  'case.create',
  'case.update',
  'case.transition',
  'case.delete',
  'case.export',
  'deadline.read',
  'deadline.update',
  'deadline.confirm',
  'decision.intake',
  'appeal.prepare',
  'appeal.file',
  'task.manage',
  'task.delete',
  'document.read',
  'document.upload',
  'document.review',
  'document.delete',
  'checklist.delete',
  'note.manage',
  'note.delete',
  'import.run',
  'audit.read',
  'outbox.read',
  'calendar.manage',
  // Consultation slots on the firm's public page: advisors publish their own times, admins anyone's.
  'consultation.manage',
  // Inquiries from the public form: every member reads them, marks them contacted or declined, runs the conflict
  // check and converts them; converting past a possible conflict is the admin's call.
  'inquiry.read',
  'inquiry.update',
  'inquiry.convert',
  'inquiry.convert_past_conflict',
  // The other parties of a case (a sponsor in a dispute, a former partner): the conflict check searches them.
  'other_party.manage',
  'other_party.delete',
  // The firm's public page: opening it and what it says.
  'firm.public_page.update',
  // The practice's money (issue 18). The service catalogue and the firm's billing details are the admin's; every
  // member reads services, enters legal-aid points, time and fixed fees; advisors and admins issue fee notes,
  // record payments and run the legal-aid reports.
  'service.manage',
  'service.read',
  'legal_aid.manage',
  // Removing a points entry is a deletion, and assistants delete nothing (as for notes, tasks and documents).
  'legal_aid.delete',
  'legal_aid.report',
  'time.enter',
  'fee_note.read',
  'fee_note.issue',
  'fee_note.payment',
] as const;

export type Action = (typeof ACTIONS)[number];

const everyAction = new Set<Action>(ACTIONS);
const caseWork: Action[] = [
  'firm.read',
  'member.read',
  'client.read',
  'client.create',
  'client.update',
  'client.portal.invite',
  'case.read',
  'case.create',
  'case.update',
  'case.transition',
  'case.export',
  'deadline.read',
  'deadline.update',
  'deadline.confirm',
  'decision.intake',
  'appeal.prepare',
  'task.manage',
  'document.read',
  'document.upload',
  'document.review',
  'note.manage',
  'calendar.manage',
  'inquiry.read',
  'inquiry.update',
  'inquiry.convert',
  'other_party.manage',
  'service.read',
  'legal_aid.manage',
  'time.enter',
  'fee_note.read',
];

export const PERMISSIONS: Record<Role, ReadonlySet<Action>> = {
  ADMIN: everyAction,
  // Advisors own cases end to end, including deleting them and importing a spreadsheet.
  // Filing at the RvV/CCE (recording the J-Box submission and the roll number) is a lawyer's act, not an assistant's.
  ADVISOR: new Set<Action>([...caseWork, 'case.delete', 'client.delete', 'document.delete', 'checklist.delete', 'note.delete', 'task.delete', 'import.run', 'appeal.file', 'consultation.manage', 'other_party.delete', 'legal_aid.delete', 'legal_aid.report', 'fee_note.issue', 'fee_note.payment']),
  // Assistants work cases and documents but cannot manage members, settings or delete anything (DESIGN.md's role
  // table): not a note, a task, a document or a checklist item. Each deletion is its own action for that reason.
  ASSISTANT: new Set<Action>(caseWork),
};

export function can(role: Role, action: Action): boolean {
  return PERMISSIONS[role].has(action);
}

/** Clients never pass: they reach their own record through the portal operations, not through this table. */
export function assertCan(actor: Actor, action: Action): void {
  if (actor.kind !== 'staff' || !can(actor.role, action)) {
    throw new AppError('FORBIDDEN', { message: `${actor.kind === 'staff' ? actor.role : 'client'} may not ${action}`, userMessage: 'forbidden' });
  }
}
