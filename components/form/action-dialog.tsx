'use client';

import { useState, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { Button, type ButtonSize, type ButtonVariant } from '@/components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogHeader, DialogTrigger } from '@/components/ui/dialog';
import type { ActionResult } from '@/lib/errors';
import { ActionForm } from './action-form';
import { SubmitButton } from './submit-button';

type State = ActionResult<unknown> | null;

/**
 * A step that performs one action (record time, issue a fee note, edit a service) behind a button, in a dialog:
 * the page stays short and the step gets the reader's whole attention. The form is an ActionForm, so a success is
 * a toast and closes the dialog, and a refusal stays inside it beside what the reader typed. The fields come from
 * the caller (often a server component); the footer's cancel and submit buttons are this component's.
 */
export function ActionDialog({ action, trigger, triggerContext, icon, title, description, submit, success, fieldMessages, className, wide = false, triggerVariant = 'secondary', triggerSize = 'sm', children }: {
  action: (state: State, form: FormData) => Promise<State>;
  /** the trigger button's text; also the dialog's title and the form's name unless `title` says otherwise */
  trigger: string;
  /** read after the trigger's text by screen readers only, when a list repeats it ("Edit: Single permit") */
  triggerContext?: string;
  icon?: ReactNode;
  title?: string;
  description?: ReactNode;
  submit: string;
  success?: string;
  fieldMessages?: string;
  className?: string;
  wide?: boolean;
  triggerVariant?: ButtonVariant;
  triggerSize?: ButtonSize;
  children: ReactNode;
}) {
  const t = useTranslations('ui.dialog');
  const [open, setOpen] = useState(false);
  const name = title ?? trigger;
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant={triggerVariant} size={triggerSize}>
          {icon}
          {trigger}
          {triggerContext ? <span className="sr-only">: {triggerContext}</span> : null}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t('close')} className={wide ? 'max-w-2xl' : undefined} {...(description ? {} : { 'aria-describedby': undefined })}>
        <DialogHeader title={name} description={description} />
        <ActionForm action={action} success={success} fieldMessages={fieldMessages} onSuccess={() => setOpen(false)} aria-label={name} className="space-y-3 text-sm">
          <div className={className}>{children}</div>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary">{t('cancel')}</Button>
            </DialogClose>
            <SubmitButton>{submit}</SubmitButton>
          </DialogFooter>
        </ActionForm>
      </DialogContent>
    </Dialog>
  );
}
