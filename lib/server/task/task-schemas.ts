import { z } from 'zod';
import { ZTypedPlainDate } from '@/lib/rules/zod-fields';

// One schema for the task form and the server. Form fields arrive as strings: a blank assignee means "nobody
// in particular", and the task then belongs to whoever the case is assigned to.
const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

export const TASK_TITLE_MAX = 200;

export const ZCreateTask = z.object({
  caseId: z.string().min(1),
  title: z.string().trim().min(1, 'titleRequired').max(TASK_TITLE_MAX, 'titleTooLong'),
  dueOn: z.preprocess(blankToUndefined, ZTypedPlainDate.refine((value) => value >= '2000-01-01' && value <= '2100-12-31', 'dueOnInvalid')),
  assigneeId: z.preprocess(blankToUndefined, z.string().min(1).optional()),
});
export type CreateTaskInput = z.input<typeof ZCreateTask>;

export const ZTaskRef = z.object({ taskId: z.string().min(1) });
export const ZCaseRef = z.object({ caseId: z.string().min(1) });
