import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/form/action-form';
import { SubmitButton } from '@/components/form/submit-button';
import { can } from '@/lib/auth/permissions';
import { requireWorkingStaff } from '@/lib/auth/require-working-staff';
import type { AppLocale } from '@/lib/i18n/config';
import { ruleLabel } from '@/lib/rules/labels';
import { DEADLINE_KINDS } from '@/lib/rules/vocabulary';
import { getReminderSettings } from '@/lib/server/reminder/get-reminder-settings';
import { OPENS } from '@/lib/server/reminder/lead-times';
import { firmLeadTimesAction, reminderPreferencesAction } from './actions';
import { DateInput } from '@/components/form/date-input';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('reminderSettings');
  return { title: t('heading') };
}

const input = 'rounded-md border border-slate-300 px-3 py-2';

export default async function RemindersPage() {
  const actor = await requireWorkingStaff();
  const settings = await getReminderSettings({ actor });
  const t = await getTranslations('reminderSettings');
  const locale = (await getLocale()) as AppLocale;
  const mayEditFirm = can(actor.role, 'firm.settings.update');
  const leadText = (leads: readonly number[]) => leads.map((lead) => (lead === OPENS ? t('open') : String(lead))).join(', ');
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-semibold">{t('heading')}</h1>
      <section aria-labelledby="mine-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="mine-heading" className="font-semibold">{t('mineHeading')}</h2>
        <ActionForm action={reminderPreferencesAction} className="space-y-4" success={t('saved')} fieldMessages="reminderSettings.fields">
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium">{t('modeLegend')}</legend>
            <label className="flex items-start gap-2 text-sm">
              <input type="radio" name="reminderMode" value="INDIVIDUAL" defaultChecked={settings.reminderMode === 'INDIVIDUAL'} className="mt-1" />
              <span><span className="font-medium">{t('individual')}</span><br /><span className="text-slate-600">{t('individualHint')}</span></span>
            </label>
            <label className="flex items-start gap-2 text-sm">
              <input type="radio" name="reminderMode" value="DIGEST" defaultChecked={settings.reminderMode === 'DIGEST'} className="mt-1" />
              <span><span className="font-medium">{t('digest')}</span><br /><span className="text-slate-600">{t('digestHint')}</span></span>
            </label>
          </fieldset>
          <label className="block space-y-1 text-sm font-medium">{t('digestHour')}
            <select name="digestHour" defaultValue={settings.digestHour} className={`${input} block`}>
              {Array.from({ length: 24 }, (_, hour) => <option key={hour} value={hour}>{`${String(hour).padStart(2, '0')}:00`}</option>)}
            </select>
          </label>
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium">{t('pauseLegend')}</legend>
            <p className="text-sm text-slate-600">{t('pauseHint')}</p>
            <div className="flex flex-wrap gap-4">
              <label className="space-y-1 text-sm">{t('pausedFrom')}<DateInput name="pausedFrom" defaultValue={settings.pausedFrom ?? ''} className={`${input} block`} /></label>
              <label className="space-y-1 text-sm">{t('pausedUntil')}<DateInput name="pausedUntil" defaultValue={settings.pausedUntil ?? ''} className={`${input} block`} /></label>
            </div>
          </fieldset>
          <SubmitButton>{t('savePreferences')}</SubmitButton>
        </ActionForm>
      </section>
      <section aria-labelledby="firm-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="firm-heading" className="font-semibold">{t('firmHeading')}</h2>
        <p className="text-sm text-slate-600">{t('firmHint')}</p>
        <ActionForm action={firmLeadTimesAction} className="space-y-3" success={t('saved')} fieldMessages="reminderSettings.fields">
          <table className="w-full text-sm">
            <thead><tr className="text-left text-slate-600"><th scope="col" className="py-1 pr-2 font-medium">{t('kind')}</th><th scope="col" className="py-1 font-medium">{t('daysBefore')}</th></tr></thead>
            <tbody>
              {DEADLINE_KINDS.map((kind) => (
                <tr key={kind} className="border-t border-slate-100">
                  <th scope="row" className="py-1.5 pr-2 text-left font-normal"><label htmlFor={`lead-${kind}`}>{ruleLabel(locale, `deadline.${kind}`)}</label></th>
                  <td className="py-1.5">
                    <input id={`lead-${kind}`} name={kind} defaultValue={leadText(settings.leadTimes[kind])} readOnly={!mayEditFirm} className={`${input} w-full py-1`} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {mayEditFirm ? <SubmitButton>{t('saveLeadTimes')}</SubmitButton> : <p className="text-sm text-slate-600">{t('adminOnly')}</p>}
        </ActionForm>
      </section>
    </div>
  );
}
