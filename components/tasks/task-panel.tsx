'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useActionState, useState, type FormEvent } from 'react';
import { completeTaskAction, createTaskAction, deleteTaskAction } from '@/app/(app)/cases/[id]/task-actions';
import { ComboboxField } from '@/components/form/combobox-field';
import { ConfirmDeleteForm } from '@/components/form/confirm-delete-form';
import { Field } from '@/components/form/field';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';
import { brusselsDate, type PlainDate } from '@/lib/dates';
import { dateFormatter } from '@/lib/format/date-formatter';
import type { ActionResult } from '@/lib/errors';
import type { CaseTask } from '@/lib/server/task/list-case-tasks';
import type { TaskAssignee } from '@/lib/server/task/list-task-assignees';
import { ZCreateTask } from '@/lib/server/task/task-schemas';
import { DateField } from '@/components/form/date-field';
import { Collapsible, CollapsibleContent, CollapsibleTrigger } from '@/components/ui/collapsible';

type State = ActionResult<{ taskId: string }> | null;
type FieldName = 'title' | 'dueOn' | 'assigneeId';
const FIELD_MESSAGES: Record<FieldName, string[]> = {
  title: ['titleRequired', 'titleTooLong'],
  dueOn: ['dueOnInvalid'],
  assigneeId: ['assigneeNotMember'],
};
const FALLBACK: Record<FieldName, string> = { title: 'titleRequired', dueOn: 'dueOnInvalid', assigneeId: 'assigneeNotMember' };

/** The catalogue key for a field's first problem: the schema's own code when it has one, else the field's general message. */
function messageKey(field: FieldName, problems: string[] | undefined): string | null {
  const first = problems?.[0];
  if (!first) return null;
  return FIELD_MESSAGES[field].includes(first) ? first : FALLBACK[field];
}

function AddTaskForm({ caseId, members }: { caseId: string; members: TaskAssignee[] }) {
  const t = useTranslations('taskPanel');
  const te = useTranslations('errors');
  const [state, action] = useActionState<State, FormData>(createTaskAction, null);
  // Checked in the browser with the server's own schema, so a blank title never makes a round trip.
  const [localErrors, setLocalErrors] = useState<Record<string, string[]> | null>(null);
  const errors = localErrors ?? (state && !state.ok ? state.fieldErrors : undefined);
  const error = (field: FieldName) => {
    const key = messageKey(field, errors?.[field]);
    return key ? t(key) : null;
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const parsed = ZCreateTask.safeParse(Object.fromEntries(new FormData(event.currentTarget)));
    if (parsed.success) return setLocalErrors(null);
    event.preventDefault();
    const found: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (found[String(issue.path[0] ?? '_')] ??= []).push(issue.message);
    setLocalErrors(found);
  };
  const generalError = !localErrors && state && !state.ok && !state.fieldErrors ? te(state.code) : null;
  return (
    <form action={action} onSubmit={onSubmit} noValidate aria-labelledby={`new-task-${caseId}`} className="space-y-3 border-t border-slate-200 pt-4">
      <h3 id={`new-task-${caseId}`} className="text-sm font-semibold">{t('addHeading')}</h3>
      {generalError ? <FormMessage tone="error">{generalError}</FormMessage> : null}
      {state?.ok && !localErrors ? <FormMessage tone="success">{t('added')}</FormMessage> : null}
      <input type="hidden" name="caseId" value={caseId} />
      <Field id={`task-title-${caseId}`} label={t('title')} name="title" required maxLength={200} error={error('title')} />
      <div className="grid gap-3 sm:grid-cols-2">
        <DateField id={`task-due-${caseId}`} label={t('dueOn')} name="dueOn" required error={error('dueOn')} />
        <ComboboxField
          id={`task-assignee-${caseId}`}
          label={t('assignee')}
          name="assigneeId"
          options={members.map((member) => ({ value: member.userId, label: member.name }))}
          defaultValue=""
          allowEmpty
          emptyLabel={t('caseAdvisor')}
          placeholder={t('caseAdvisor')}
          error={error('assigneeId')}
        />
      </div>
      <SubmitButton>{t('add')}</SubmitButton>
    </form>
  );
}

function CompleteTaskForm({ caseId, task }: { caseId: string; task: CaseTask }) {
  const t = useTranslations('taskPanel');
  const te = useTranslations('errors');
  const [state, action] = useActionState<State, FormData>(completeTaskAction, null);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="taskId" value={task.id} />
      <SubmitButton className="px-2! py-1! text-sm">
        {t('complete')}
        <span className="sr-only">: {task.title}</span>
      </SubmitButton>
      {state && !state.ok ? (
        <span role="alert" className="text-sm text-red-700">
          {te(state.code)}
        </span>
      ) : null}
    </form>
  );
}

/**
 * A case's tasks with an add form and a "done" button per open task. Mounted by the case page with the result of
 * listCaseTasks and listTaskAssignees; the actions revalidate the page, which passes the new list back down.
 */
export function TaskPanel({ caseId, tasks, members, today = brusselsDate(), mayDelete = false }: { caseId: string; tasks: CaseTask[]; members: TaskAssignee[]; today?: PlainDate; mayDelete?: boolean }) {
  const t = useTranslations('taskPanel');
  const dates = dateFormatter(useLocale());
  const open = tasks.filter((task) => !task.doneAt);
  const done = tasks.filter((task) => task.doneAt);
  return (
    <section aria-labelledby={`tasks-${caseId}`} className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id={`tasks-${caseId}`} className="font-semibold">
        {t('heading')}
      </h2>
      {tasks.length === 0 ? <p className="text-sm text-slate-600">{t('empty')}</p> : null}
      {open.length ? (
        <ul aria-label={t('open')} className="divide-y divide-slate-100">
          {open.map((task) => (
            <li key={task.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
              <div>
                <div className="font-medium">{task.title}</div>
                <div className="text-slate-600">
                  <time dateTime={task.dueOn}>{dates.long(task.dueOn)}</time>
                  {task.dueOn < today ? <span className="ml-2 font-medium text-red-700">{t('overdue')}</span> : <span className="ml-2">({dates.relative(task.dueOn, today)})</span>}
                  {' · '}
                  {task.assignee ? task.assignee.name : t('caseAdvisor')}
                  {' · '}
                  {t('createdBy', { name: task.createdBy })}
                </div>
              </div>
              <div className="flex items-center gap-3">
                <CompleteTaskForm caseId={caseId} task={task} />
                {mayDelete ? <ConfirmDeleteForm action={deleteTaskAction} fields={{ caseId, taskId: task.id }} name={task.title} /> : null}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      {done.length ? (
        <Collapsible className="text-sm">
          <CollapsibleTrigger className="font-normal text-slate-700">
            {t('done')} ({done.length})
          </CollapsibleTrigger>
          <CollapsibleContent asChild>
          <ul className="divide-y divide-slate-100">
            {done.map((task) => (
              <li key={task.id} className="py-1.5 text-slate-600">
                <span className="line-through">{task.title}</span>
                {task.doneAt ? <span> · {t('doneOn', { date: dates.instantDate(task.doneAt) })}</span> : null}
                {mayDelete ? <span className="ml-2"><ConfirmDeleteForm action={deleteTaskAction} fields={{ caseId, taskId: task.id }} name={task.title} /></span> : null}
              </li>
            ))}
          </ul>
          </CollapsibleContent>
        </Collapsible>
      ) : null}
      <AddTaskForm caseId={caseId} members={members} />
    </section>
  );
}
