import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/form/action-form';
import { SubmitButton } from '@/components/form/submit-button';
import type { StaffActor } from '@/lib/auth/actor';
import { getRetentionPeriod } from '@/lib/server/firm/get-retention-period';
import { setRetentionAction } from './actions';

/** How long a client's file is kept after their last case before the admin may erase it (GDPR). */
export async function RetentionSection({ actor }: { actor: StaffActor }) {
  const t = await getTranslations('firmSettings.retention');
  const { years, defaultYears, maxYears } = await getRetentionPeriod({ actor });
  return (
    <section aria-labelledby="retention-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <div>
        <h2 id="retention-heading" className="font-semibold">{t('heading')}</h2>
        <p className="text-sm text-slate-600">{t('hint', { defaultYears })}</p>
      </div>
      <ActionForm action={setRetentionAction} className="flex flex-wrap items-end gap-3" success={t('saved')} fieldMessages="firmSettings.retention.errors">
        <label className="block space-y-1 text-sm font-medium">
          {t('years')}
          <input type="number" name="years" min={0} max={maxYears} step={1} required defaultValue={years} className="block w-24 rounded-md border border-slate-300 px-2 py-1" />
        </label>
        <SubmitButton>{t('save')}</SubmitButton>
      </ActionForm>
    </section>
  );
}
