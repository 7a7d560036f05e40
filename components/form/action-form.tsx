'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef, useTransition, type FormEvent, type ReactNode } from 'react';
import { toast } from 'sonner';
import type { ActionResult } from '@/lib/errors';
import { FormMessage } from './form-message';

type State = ActionResult<unknown> | null;

/**
 * A form posting to a server action that shows the action's refusal in the reader's language: the operation's
 * own message (`documents.review.nothingReceived`, translated by the action on the server), else the field's or
 * the error code's. React resets a form after every action, which would wipe what the user typed when the server
 * refuses it, so this submits by hand and resets only after a success; while it runs, the fields are disabled.
 * A success is announced as a toast (the form is often reset or gone by then); a refusal stays beside the fields
 * it concerns, where the reader corrects it (a toast as well would cover a phone's full-width submit button).
 */
export function ActionForm({ action, children, className = '', success, onSuccess, fieldMessages = 'documents.fields', ...rest }: {
  action: (state: State, form: FormData) => Promise<State>;
  children: ReactNode;
  className?: string;
  success?: string;
  /** after the action succeeded (a dialog closes itself) */
  onSuccess?: () => void;
  /** where the messages for field-level codes (`reasonRequired`) live in the catalogues */
  fieldMessages?: string;
  'aria-label'?: string;
  id?: string;
}) {
  const t = useTranslations();
  const form = useRef<HTMLFormElement>(null);
  // The toast is raised as the action answers, not from an effect: a success often re-renders the page so that
  // this form (a row's, a dialog's) is gone before an effect would run.
  const run = async (previous: State, data: FormData): Promise<State> => {
    const result = await action(previous, data);
    if (result?.ok) {
      if (success) toast.success(success);
      onSuccess?.();
    }
    return result;
  };
  const [state, formAction] = useActionState<State, FormData>(run, null);
  const [pending, startTransition] = useTransition();
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };
  let error: string | null = null;
  if (state && !state.ok) {
    const fields = Object.values(state.fieldErrors ?? {}).flat();
    const fieldKey = fields[0] ? `${fieldMessages}.${fields[0]}` : null;
    error = state.message ?? (fieldKey && t.has(fieldKey) ? t(fieldKey) : t(`errors.${state.code}`));
  }
  return (
    <form ref={form} onSubmit={submit} className={className} aria-busy={pending} {...rest}>
      {error ? <FormMessage tone="error">{error}</FormMessage> : null}
      <fieldset disabled={pending} className="contents">
        {children}
      </fieldset>
    </form>
  );
}
