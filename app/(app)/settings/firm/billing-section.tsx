import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/form/action-form';
import { SubmitButton } from '@/components/form/submit-button';
import type { StaffActor } from '@/lib/auth/actor';
import { getBillingDetails } from '@/lib/server/billing/get-billing-details';
import { setBillingDetailsAction } from './actions';

const FIELDS = [
  ['legalName', 200, 'organization'], ['street', 200, 'street-address'], ['postalCode', 16, 'postal-code'], ['city', 100, 'address-level2'], ['country', 2, 'country'],
  ['enterpriseNumber', 14, 'off'], ['vatNumber', 16, 'off'], ['iban', 42, 'off'], ['bic', 11, 'off'], ['email', 254, 'email'],
] as const;

/** What fee notes print about the firm; issuing refuses until every field is there and valid. */
export async function BillingSection({ actor }: { actor: StaffActor }) {
  const t = await getTranslations('feeNotes.billing');
  const { values, complete } = await getBillingDetails({ actor });
  return (
    <section aria-labelledby="billing-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <div>
        <h2 id="billing-heading" className="font-semibold">{t('heading')}</h2>
        <p className="text-sm text-slate-600">{t('hint')}</p>
        <p className="text-sm font-medium" data-testid="billing-status">{t(complete ? 'complete' : 'incomplete')}</p>
      </div>
      <ActionForm action={setBillingDetailsAction} className="grid gap-3 sm:grid-cols-2" success={t('saved')} fieldMessages="feeNotes.fields" aria-label={t('heading')}>
        {FIELDS.map(([name, maxLength, autoComplete]) => (
          <label key={name} className="block space-y-1 text-sm font-medium">
            {t(name)}
            <input name={name} required maxLength={maxLength} autoComplete={autoComplete} defaultValue={name === 'country' ? values.country || 'BE' : values[name]} type={name === 'email' ? 'email' : 'text'} className="block w-full rounded-md border border-slate-300 px-2 py-1" />
          </label>
        ))}
        <div className="sm:col-span-2"><SubmitButton>{t('save')}</SubmitButton></div>
      </ActionForm>
    </section>
  );
}
