import { Pencil } from 'lucide-react';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { ActionDialog } from '@/components/form/action-dialog';
import { ActionForm } from '@/components/form/action-form';
import { ConfirmDeleteForm } from '@/components/form/confirm-delete-form';
import { SubmitButton } from '@/components/form/submit-button';
import { can } from '@/lib/auth/permissions';
import { requireWorkingStaff } from '@/lib/auth/require-working-staff';
import type { AppLocale } from '@/lib/i18n/config';
import { ruleLabel } from '@/lib/rules/labels';
import { listServices } from '@/lib/server/service/list-services';
import { inclVatCents, localizedText, timelineMessage, timelineOf } from '@/lib/server/service/service-view';
import { archiveServiceAction, createServiceAction, updateServiceAction } from './actions';
import { ServiceFields } from './service-fields';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('services');
  return { title: t('heading') };
}

export default async function ServicesPage() {
  const actor = await requireWorkingStaff();
  if (!can(actor.role, 'service.manage')) notFound();
  const services = await listServices({ actor });
  const t = await getTranslations('services');
  const format = await getFormatter();
  const locale = (await getLocale()) as AppLocale;
  const euros = (cents: number) => format.number(cents / 100, { style: 'currency', currency: 'EUR' });
  return (
    <div className="max-w-5xl space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">{t('heading')}</h1>
        <p className="text-sm text-slate-600">{t('hint')}</p>
      </div>
      {services.length === 0 ? <p className="text-slate-700">{t('empty')}</p> : (
        <ul aria-label={t('list.caption')} className="space-y-3">
          {services.map((service) => {
            const name = localizedText(service.name, locale);
            const timeline = timelineMessage(timelineOf(service.typicalDaysMin, service.typicalDaysMax));
            const perHour = service.feeKind === 'HOURLY' ? ` ${t('fee.perHour')}` : '';
            return (
              <li key={service.id} data-testid="service-row" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h2 className="font-semibold">{name}</h2>
                  <ConfirmDeleteForm action={archiveServiceAction} fields={{ serviceId: service.id }} name={name} label={t('archive.label')} question={t('archive.question', { name })} />
                </div>
                <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
                  <div><dt className="inline font-medium">{t('list.timeline')}: </dt><dd className="inline">{t(`timeline.${timeline.key}`, timeline.values)}</dd></div>
                  <div>
                    <dt className="inline font-medium">{t('list.fee')}: </dt>
                    <dd className="inline">
                      {t('fee.excl', { amount: euros(service.feeCents) })}{perHour} · {t('fee.incl', { amount: euros(inclVatCents(service.feeCents, service.vatRateBasisPoints)), rate: service.vatRateBasisPoints / 100 })}{perHour}
                    </dd>
                  </div>
                  <div>
                    <dt className="inline font-medium">{t('list.procedures')}: </dt>
                    <dd className="inline">{service.procedures.length ? service.procedures.map((p) => ruleLabel(locale, `procedure.${p}`)).join(', ') : t('list.allProcedures')}</dd>
                  </div>
                  <div><dt className="inline font-medium">{t('list.public')}: </dt><dd className="inline">{service.showOnPublicPage ? t('list.publicYes') : t('list.publicNo')}</dd></div>
                </dl>
                <ActionDialog action={updateServiceAction} trigger={t('edit.summary')} triggerContext={name} icon={<Pencil aria-hidden="true" />} title={`${t('edit.summary')}: ${name}`} submit={t('edit.submit')} wide className="space-y-4" success={t('edit.saved')} fieldMessages="services.errors">
                  <ServiceFields service={service} idPrefix={`edit-${service.id}`} />
                </ActionDialog>
              </li>
            );
          })}
        </ul>
      )}
      <section aria-labelledby="add-service-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="add-service-heading" className="font-semibold">{t('add.heading')}</h2>
        <ActionForm action={createServiceAction} className="space-y-4" success={t('add.saved')} fieldMessages="services.errors" aria-label={t('add.heading')}>
          <ServiceFields idPrefix="add" />
          <SubmitButton>{t('add.submit')}</SubmitButton>
        </ActionForm>
      </section>
    </div>
  );
}
