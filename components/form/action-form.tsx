'use client';

import { useTranslations } from 'next-intl';
import { useActionState, type ReactNode } from 'react';
import type { ActionResult } from '@/lib/errors';
import { FormMessage } from './form-message';

type State = ActionResult<unknown> | null;

/**
 * A form posting to a server action that shows the action's refusal in the reader's language: an operation's
 * own message key (`documents.review.nothingReceived`) when the catalogues have it, else the error code's.
 */
export function ActionForm({ action, children, className = '', success, fieldMessages = 'documents.fields', ...rest }: {
  action: (state: State, form: FormData) => Promise<State>;
  children: ReactNode;
  className?: string;
  success?: string;
  /** where the messages for field-level codes (`reasonRequired`) live in the catalogues */
  fieldMessages?: string;
  'aria-label'?: string;
  id?: string;
}) {
  const t = useTranslations();
  const [state, formAction] = useActionState<State, FormData>(action, null);
  let error: string | null = null;
  if (state && !state.ok) {
    const fields = Object.values(state.fieldErrors ?? {}).flat();
    const fieldKey = fields[0] ? `${fieldMessages}.${fields[0]}` : null;
    error = t.has(state.userMessage) ? t(state.userMessage) : fieldKey && t.has(fieldKey) ? t(fieldKey) : t(`errors.${state.code}`);
  }
  return (
    <form action={formAction} className={className} {...rest}>
      {error ? <FormMessage tone="error">{error}</FormMessage> : null}
      {state?.ok && success ? <FormMessage tone="success">{success}</FormMessage> : null}
      {children}
    </form>
  );
}
