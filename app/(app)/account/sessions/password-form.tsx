import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/form/action-form';
import { SubmitButton } from '@/components/form/submit-button';
import { changePasswordAction } from './actions';

const input = 'block w-full rounded-md border border-slate-300 px-3 py-2';

/** Server-rendered: only ActionForm runs in the browser, so the page's strings stay out of the client bundle. */
export async function PasswordForm() {
  const t = await getTranslations('sessions');
  return (
    <ActionForm action={changePasswordAction} className="max-w-md space-y-3" success={t('passwordChanged')} fieldMessages="sessions.fields" aria-label={t('passwordHeading')}>
      <label className="block space-y-1 text-sm font-medium">{t('currentPassword')}
        <input type="password" name="currentPassword" autoComplete="current-password" required className={input} />
      </label>
      <label className="block space-y-1 text-sm font-medium">{t('newPassword')}
        <input type="password" name="newPassword" autoComplete="new-password" minLength={12} required className={input} aria-describedby="new-password-hint" />
      </label>
      <p id="new-password-hint" className="text-xs text-slate-600">{t('newPasswordHint')}</p>
      <label className="block space-y-1 text-sm font-medium">{t('confirmPassword')}
        <input type="password" name="confirmPassword" autoComplete="new-password" required className={input} />
      </label>
      <SubmitButton>{t('changePassword')}</SubmitButton>
    </ActionForm>
  );
}
