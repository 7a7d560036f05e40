import { getLocale, getTranslations } from 'next-intl/server';
import type { AppLocale } from '@/lib/i18n/config';
import { PUBLIC_LOCALE_NAMES } from '@/lib/i18n/public-locales';
import { ruleLabel } from '@/lib/rules/labels';
import { PROCEDURES } from '@/lib/rules/vocabulary';
import { FEE_KINDS, SERVICE_LANGUAGES, VAT_RATES_BASIS_POINTS } from '@/lib/server/service/service-schemas';
import type { ServiceView } from '@/lib/server/service/service-select';

const input = 'block w-full rounded-md border border-slate-300 px-3 py-2';
const text = (value: unknown, lang: string) => ((value ?? {}) as Record<string, string | undefined>)[lang] ?? '';

/** The fields of the add and edit forms; `service` fills them for an edit. */
export async function ServiceFields({ service, idPrefix }: { service?: ServiceView; idPrefix: string }) {
  const t = await getTranslations('services.fields');
  const locale = (await getLocale()) as AppLocale;
  return (
    <div className="space-y-4">
      {service ? <input type="hidden" name="serviceId" value={service.id} /> : null}
      <p className="text-sm text-slate-600">{t('nameRequiredHint')}</p>
      <div className="grid gap-3 sm:grid-cols-2">
        {SERVICE_LANGUAGES.map((lang) => (
          <label key={lang} className="block space-y-1 text-sm font-medium">
            {t('name', { language: PUBLIC_LOCALE_NAMES[lang] })}
            <input name={`name_${lang}`} lang={lang} maxLength={200} required={lang === 'en'} defaultValue={text(service?.name, lang)} className={input} />
          </label>
        ))}
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        {SERVICE_LANGUAGES.map((lang) => (
          <label key={lang} className="block space-y-1 text-sm font-medium">
            {t('description', { language: PUBLIC_LOCALE_NAMES[lang] })}
            <textarea name={`description_${lang}`} lang={lang} rows={2} maxLength={2000} defaultValue={text(service?.description, lang)} className={input} />
          </label>
        ))}
      </div>
      <div className="grid gap-3 sm:grid-cols-4">
        <label className="block space-y-1 text-sm font-medium">
          {t('daysMin')}
          <input name="typicalDaysMin" type="number" min={0} max={3650} defaultValue={service?.typicalDaysMin ?? ''} className={input} />
        </label>
        <label className="block space-y-1 text-sm font-medium">
          {t('daysMax')}
          <input name="typicalDaysMax" type="number" min={0} max={3650} defaultValue={service?.typicalDaysMax ?? ''} className={input} />
        </label>
        <label className="block space-y-1 text-sm font-medium">
          {t('position')}
          <input name="position" type="number" min={0} max={10000} defaultValue={service?.position ?? 0} className={input} />
        </label>
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        <label className="block space-y-1 text-sm font-medium">
          {t('feeKind')}
          <select name="feeKind" defaultValue={service?.feeKind ?? 'FIXED'} className={input}>
            {FEE_KINDS.map((kind) => <option key={kind} value={kind}>{t(`feeKind${kind}`)}</option>)}
          </select>
        </label>
        <label className="block space-y-1 text-sm font-medium">
          {t('fee')}
          <input name="fee" inputMode="decimal" required defaultValue={service ? (service.feeCents / 100).toFixed(2) : ''} className={input} />
        </label>
        <label className="block space-y-1 text-sm font-medium">
          {t('vat')}
          <select name="vatRateBasisPoints" defaultValue={String(service?.vatRateBasisPoints ?? 2100)} className={input}>
            {VAT_RATES_BASIS_POINTS.map((rate) => <option key={rate} value={rate}>{t('vatRate', { rate: rate / 100 })}</option>)}
          </select>
        </label>
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t('procedures')}</legend>
        <div className="grid gap-1 sm:grid-cols-2">
          {PROCEDURES.map((procedure) => (
            <label key={procedure} className="flex items-center gap-2 text-sm" htmlFor={`${idPrefix}-${procedure}`}>
              <input id={`${idPrefix}-${procedure}`} type="checkbox" name="procedures" value={procedure} defaultChecked={service?.procedures.includes(procedure) ?? false} />
              {ruleLabel(locale, `procedure.${procedure}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <label className="flex items-center gap-2 text-sm font-medium">
        <input type="checkbox" name="showOnPublicPage" defaultChecked={service?.showOnPublicPage ?? true} />
        {t('showOnPublicPage')}
      </label>
    </div>
  );
}
