import { getFormatter, getTranslations } from 'next-intl/server';
import type { PublicLocale } from '@/lib/i18n/public-locales';
import type { ServiceView } from '@/lib/server/service/service-select';
import { inclVatCents, localizedText, timelineMessage, timelineOf } from '@/lib/server/service/service-view';

/** The firm's public price list: what each service is, how long it usually takes and what it costs with VAT. */
export async function ServicesTable({ services, locale }: { services: ServiceView[]; locale: PublicLocale }) {
  const t = await getTranslations('publicPage.services');
  const format = await getFormatter();
  return (
    // Wider than a phone: the table scrolls sideways, so the scroll area must be reachable by keyboard too.
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t('caption')}>
      <table className="w-full border-collapse text-left text-sm" data-testid="public-services">
        <caption className="sr-only">{t('caption')}</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="py-2 pr-3 font-semibold">{t('name')}</th>
            <th scope="col" className="py-2 pr-3 font-semibold">{t('description')}</th>
            <th scope="col" className="py-2 pr-3 font-semibold">{t('timeline')}</th>
            <th scope="col" className="py-2 font-semibold">{t('cost')}</th>
          </tr>
        </thead>
        <tbody>
          {services.map((service) => {
            const timeline = timelineMessage(timelineOf(service.typicalDaysMin, service.typicalDaysMax));
            const amount = format.number(inclVatCents(service.feeCents, service.vatRateBasisPoints) / 100, { style: 'currency', currency: 'EUR' });
            return (
              <tr key={service.id} className="border-b border-slate-200 align-top">
                <th scope="row" className="py-2 pr-3 font-medium text-slate-900">{localizedText(service.name, locale)}</th>
                <td className="whitespace-pre-line py-2 pr-3 text-slate-700">{localizedText(service.description, locale)}</td>
                <td className="py-2 pr-3 text-slate-700">{t(`timelines.${timeline.key}`, timeline.values)}</td>
                <td className="py-2 text-slate-700">{service.feeKind === 'HOURLY' ? t('perHour', { amount }) : t('fixed', { amount })}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
