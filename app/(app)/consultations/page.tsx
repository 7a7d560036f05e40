import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { ConfirmDeleteForm } from '@/components/form/confirm-delete-form';
import { FormMessage } from '@/components/form/form-message';
import { can } from '@/lib/auth/permissions';
import { requireWorkingStaff } from '@/lib/auth/require-working-staff';
import { formatConsultationTime, formatEuros } from '@/lib/email/booking-translator';
import { isLocale } from '@/lib/i18n/config';
import { PUBLIC_LOCALE_NAMES, isPublicLocale } from '@/lib/i18n/public-locales';
import { listConsultationAdvisors } from '@/lib/server/consultation/list-consultation-advisors';
import { listConsultationSlots } from '@/lib/server/consultation/list-consultation-slots';
import { withdrawSlotAction } from './actions';
import { PublishSlotForm } from './publish-slot-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('consultations.page');
  return { title: t('heading') };
}

export default async function ConsultationsPage() {
  const actor = await requireWorkingStaff();
  const t = await getTranslations('consultations');
  const appLocale = await getLocale();
  const locale = isLocale(appLocale) ? appLocale : 'en';
  if (!can(actor.role, 'consultation.manage')) {
    return (
      <div className="max-w-3xl space-y-4">
        <h1 className="text-2xl font-semibold">{t('page.heading')}</h1>
        <FormMessage tone="info">{t('page.notAllowed')}</FormMessage>
      </div>
    );
  }
  const [advisors, slots] = await Promise.all([listConsultationAdvisors({ actor }), listConsultationSlots({ actor })]);
  const modeLabels = { IN_PERSON: t('modes.IN_PERSON'), PHONE: t('modes.PHONE'), VIDEO: t('modes.VIDEO') };
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t('page.heading')}</h1>
      <p className="max-w-3xl text-slate-700">{t('page.intro')}</p>
      <section aria-labelledby="publish-heading" className="max-w-3xl space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="publish-heading" className="font-semibold">{t('publish.heading')}</h2>
        <PublishSlotForm advisors={advisors} me={actor.userId} modeLabels={modeLabels} />
      </section>
      <section aria-labelledby="upcoming-heading" className="space-y-3">
        <h2 id="upcoming-heading" className="font-semibold">{t('page.upcomingHeading')}</h2>
        {slots.length === 0 ? (
          <p className="text-slate-700">{t('page.none')}</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
            <table className="min-w-full text-left text-sm">
              <thead className="bg-slate-50 text-slate-700">
                <tr>
                  {(['when', 'length', 'price', 'mode', 'place', 'advisor', 'status', 'actions'] as const).map((column) => (
                    <th key={column} scope="col" className="px-3 py-2 font-medium">{t(`columns.${column}`)}</th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200">
                {slots.map((slot) => {
                  const when = formatConsultationTime(locale, slot.startsAt);
                  return (
                    <tr key={slot.id} className="align-top">
                      <td className="px-3 py-2 whitespace-nowrap">{when}</td>
                      <td className="px-3 py-2 whitespace-nowrap">{t('minutes', { minutes: slot.durationMinutes })}</td>
                      <td className="px-3 py-2 whitespace-nowrap">{formatEuros(locale, slot.priceCents)}</td>
                      <td className="px-3 py-2">{modeLabels[slot.mode]}</td>
                      <td className="px-3 py-2 break-all">{slot.location ?? ''}</td>
                      <td className="px-3 py-2">{slot.advisor.name ?? slot.advisor.email}</td>
                      <td className="px-3 py-2">
                        {slot.booking ? (
                          <div>
                            <p className="font-medium">{t('page.booked')}: {slot.booking.name}</p>
                            <p className="break-all">{slot.booking.email}</p>
                            <p>{slot.booking.phone ?? t('page.noPhone')}</p>
                            <p>{isPublicLocale(slot.booking.language) ? PUBLIC_LOCALE_NAMES[slot.booking.language] : slot.booking.language}</p>
                          </div>
                        ) : (
                          <span className="text-emerald-800">{t('page.free')}</span>
                        )}
                      </td>
                      <td className="px-3 py-2">
                        {slot.canWithdraw ? (
                          <ConfirmDeleteForm action={withdrawSlotAction} fields={{ slotId: slot.id }} name={when} label={t('page.withdraw')} question={t('page.withdrawQuestion')} />
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
