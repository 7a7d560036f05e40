'use client';

import { Trash2 } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { AlertDialog, AlertDialogCancel, AlertDialogContent, AlertDialogTrigger } from '@/components/ui/alert-dialog';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/errors';
import { ActionForm } from './action-form';

type State = ActionResult<unknown> | null;

/**
 * A delete button that asks once before it posts, in an alert dialog that names what will go, so a slip of the
 * mouse never removes a note or a client's document. Radix moves focus to Cancel and back to the button after;
 * a refusal shows inside the dialog, which closes only on success. `fields` travel as hidden inputs.
 */
export function ConfirmDeleteForm({ action, fields, name, label, question, confirm }: {
  action: (state: State, form: FormData) => Promise<State>;
  fields: Record<string, string>;
  /** what is deleted, as the person sees it (a task's title, a document's name) */
  name: string;
  /** the first button's text, when "Delete" alone would be unclear */
  label?: string;
  /** what to ask, when "Colleagues will no longer see it" is not what happens */
  question?: string;
  /** the confirming button's text, when nothing is deleted ("Yes, issue the credit note") */
  confirm?: string;
}) {
  const t = useTranslations('deletion');
  const [open, setOpen] = useState(false);
  return (
    <AlertDialog open={open} onOpenChange={setOpen}>
      <AlertDialogTrigger asChild>
        <Button variant="link" className="text-sm text-red-800 hover:text-red-900">
          {label ?? t('delete')}<span className="sr-only">: {name}</span>
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent title={question ?? t('confirm', { name })} description={question ? name : undefined}>
        <ActionForm action={action} onSuccess={() => setOpen(false)} className="mt-5 space-y-3 text-sm">
          {Object.entries(fields).map(([key, value]) => <input key={key} type="hidden" name={key} value={value} />)}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <AlertDialogCancel asChild>
              <Button variant="secondary">{t('cancel')}</Button>
            </AlertDialogCancel>
            <Button type="submit" variant="destructive">
              {confirm ? null : <Trash2 aria-hidden="true" />}
              {confirm ?? t('yes')}
            </Button>
          </div>
        </ActionForm>
      </AlertDialogContent>
    </AlertDialog>
  );
}
