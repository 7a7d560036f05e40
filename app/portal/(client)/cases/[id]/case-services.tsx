import { getFormatter, getTranslations } from 'next-intl/server';
import type { ServiceView } from '@/lib/server/service/service-select';
import { inclVatCents, localizedText, timelineMessage, timelineOf } from '@/lib/server/service/service-view';

/** The firm's services that apply to this case's procedure, so the client knows what help costs and takes. */
export async function CaseServices({ services, locale }: { services: ServiceView[]; locale: string }) {
  const t = await getTranslations('services');
  const format = await getFormatter();
  return (
    <section aria-labelledby="services-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
      <div>
        <h2 id="services-heading" className="text-lg font-semibold">{t('portal.heading')}</h2>
        <p className="text-sm text-slate-600">{t('portal.hint')}</p>
      </div>
      <ul className="space-y-3" data-testid="portal-services">
        {services.map((service) => {
          const timeline = timelineMessage(timelineOf(service.typicalDaysMin, service.typicalDaysMax));
          const amount = format.number(inclVatCents(service.feeCents, service.vatRateBasisPoints) / 100, { style: 'currency', currency: 'EUR' });
          const description = localizedText(service.description, locale);
          return (
            <li key={service.id} className="space-y-1 border-t border-slate-100 pt-3 first:border-t-0 first:pt-0">
              <h3 className="font-medium">{localizedText(service.name, locale)}</h3>
              {description ? <p className="whitespace-pre-line text-sm text-slate-700">{description}</p> : null}
              <dl className="flex flex-wrap gap-x-6 text-sm">
                <div><dt className="inline text-slate-600">{t('portal.timeline')}: </dt><dd className="inline">{t(`timeline.${timeline.key}`, timeline.values)}</dd></div>
                <div><dt className="inline text-slate-600">{t('portal.cost')}: </dt><dd className="inline">{t(service.feeKind === 'HOURLY' ? 'portal.perHour' : 'portal.incl', { amount })}</dd></div>
              </dl>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
