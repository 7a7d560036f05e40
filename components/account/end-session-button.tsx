import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/form/action-form';
import { SubmitButton } from '@/components/form/submit-button';
import type { ActionResult } from '@/lib/errors';

type State = ActionResult<unknown> | null;

/** One session's "End" button, or with `others` the button that ends every session but this one. */
export async function EndSessionButton({ action, sessionId, others = false, device }: { action: (state: State, form: FormData) => Promise<State>; sessionId?: string; others?: boolean; device?: string }) {
  const t = await getTranslations('sessions');
  return (
    <ActionForm action={action}>
      {others ? <input type="hidden" name="others" value="1" /> : <input type="hidden" name="sessionId" value={sessionId} />}
      <SubmitButton className="px-3! py-1! text-sm">
        {others ? t('endOthers') : t('end')}
        {device ? <span className="sr-only">: {device}</span> : null}
      </SubmitButton>
    </ActionForm>
  );
}
