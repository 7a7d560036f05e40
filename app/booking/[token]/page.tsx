import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { bookingTranslator, formatConsultationTime, formatEuros } from '@/lib/email/booking-translator';
import { choosePublicLocale, isPublicLocale, PUBLIC_LOCALE_NAMES, PUBLIC_LOCALES, type PublicLocale } from '@/lib/i18n/public-locales';
import { getBookingByToken } from '@/lib/server/consultation/get-booking-by-token';
import { listFreeSlots } from '@/lib/server/consultation/list-free-slots';
import { ManageBookingForms, type ManageLabels } from './manage-booking-forms';

const LABEL_KEYS = ['cancelHeading', 'cancel', 'cancelQuestion', 'cancelYes', 'cancelNo', 'cancelled', 'rescheduleHeading', 'chooseSlot', 'noSlots', 'move', 'moved'] as const satisfies readonly (keyof ManageLabels)[];

// The page behind the link in a booking's emails: no sign-in, the token is the credential. It speaks the
// booking's language (or the one chosen with ?lang=), German included, from the public `booking` catalogue.

export const dynamic = 'force-dynamic';

// The address carries the token: no referrer leaves with it, and no search engine keeps it.
export const metadata: Metadata = { referrer: 'no-referrer', robots: { index: false, follow: false } };

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ lang?: string | string[] }> };

export default async function BookingPage({ params, searchParams }: Props) {
  const { token } = await params;
  const { lang } = await searchParams;
  const requested = typeof lang === 'string' ? lang : null;
  const booking = await getBookingByToken({ token });
  const locale: PublicLocale = isPublicLocale(requested) ? requested : (booking?.language ?? choosePublicLocale({ acceptLanguage: (await headers()).get('accept-language') }));
  const t = bookingTranslator(locale);

  const switcher = (
    <nav aria-label={t('page.language')} className="flex gap-3 text-sm">
      {PUBLIC_LOCALES.map((code) => (
        <Link key={code} href={`?lang=${code}`} hrefLang={code} lang={code} aria-current={code === locale ? 'true' : undefined} className={code === locale ? 'font-semibold text-slate-900' : 'text-brand-700 underline'}>
          {PUBLIC_LOCALE_NAMES[code]}
        </Link>
      ))}
    </nav>
  );

  if (!booking) {
    return (
      <main id="main" lang={locale} className="mx-auto max-w-xl space-y-4 px-4 py-10">
        {switcher}
        <h1 className="text-2xl font-semibold">{t('page.invalidHeading')}</h1>
        <p className="text-slate-700">{t('page.invalidBody')}</p>
      </main>
    );
  }

  const where = booking.mode === 'PHONE' ? (booking.phone ? t('phoneCall', { phone: booking.phone }) : t('phoneCallNoNumber')) : booking.location;
  const facts: [string, string | null][] = [
    [t('facts.when'), formatConsultationTime(locale, booking.startsAt)],
    [t('facts.length'), t('lengthValue', { minutes: booking.durationMinutes })],
    [t('facts.mode'), t(`modes.${booking.mode}`)],
    [booking.mode === 'VIDEO' ? t('facts.videoLink') : booking.mode === 'PHONE' ? t('facts.phone') : t('facts.place'), where],
    [t('facts.price'), booking.priceCents === 0 ? t('priceFree') : formatEuros(locale, booking.priceCents)],
    [t('facts.advisor'), booking.advisorName],
    [t('facts.firm'), booking.firmName],
  ];
  const free = booking.started ? [] : await listFreeSlots({ firmSlug: booking.firmSlug });
  const slots = free.map((slot) => ({
    id: slot.id,
    label: t('page.slotOption', {
      when: formatConsultationTime(locale, slot.startsAt),
      minutes: slot.durationMinutes,
      mode: t(`modes.${slot.mode}`),
      advisorName: slot.advisor.name ?? booking.firmName,
      price: slot.priceCents === 0 ? t('priceFree') : formatEuros(locale, slot.priceCents),
    }),
  }));
  const labels = Object.fromEntries(LABEL_KEYS.map((key) => [key, t(`page.${key}`)])) as ManageLabels;
  const errors = Object.fromEntries((['slotTaken', 'slotGone', 'bookingGone', 'slotRequired', 'generic'] as const).map((key) => [key, t(`errors.${key}`)]));

  return (
    <main id="main" lang={locale} className="mx-auto max-w-2xl space-y-6 px-4 py-10">
      {switcher}
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">{t('page.heading')}</h1>
        <p className="text-slate-700">{t('page.intro', { firmName: booking.firmName })}</p>
      </div>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-5 text-sm shadow-sm">
        {facts.filter(([, value]) => value).map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-600">{label}</dt>
            <dd className="break-all font-medium text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      {booking.started ? null : <ManageBookingForms token={token} labels={labels} errors={errors} slots={slots} />}
    </main>
  );
}
