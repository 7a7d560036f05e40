import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { NextIntlClientProvider } from 'next-intl';
import { getFormatter, getLocale, getMessages, getTranslations } from 'next-intl/server';
import { brusselsDate } from '@/lib/dates';
import { dateFormatter } from '@/lib/format/date-formatter';
import { isPublicLocale, PUBLIC_LOCALE_NAMES, PUBLIC_LOCALES, type PublicLocale } from '@/lib/i18n/public-locales';
import { getPublicFirm } from '@/lib/server/firm/get-public-firm';
import { knownNationalityCodes } from '@/lib/server/import/import-values';
import { issueIntakeFormToken } from '@/lib/server/inquiry/intake-form-token';
import { INQUIRY_TOPICS } from '@/lib/server/inquiry/intake-schemas';
import { listPublicServices } from '@/lib/server/service/list-public-services';
import { IntakeForm, type SlotOption } from './intake-form';
import { ServicesTable } from './services-table';

// The firm's own page for people looking for help: who the firm is, a consultation time to pick and a form to
// say what is wrong. Rendered per request: the free times change with every booking.
export const dynamic = 'force-dynamic';

async function pageLocale(): Promise<PublicLocale> {
  const locale = await getLocale();
  return isPublicLocale(locale) ? locale : 'en';
}

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const firm = await getPublicFirm({ slug: (await params).slug, locale: await pageLocale() });
  const t = await getTranslations('publicPage');
  return { title: firm ? t('metaTitle', { firmName: firm.name }) : t('notFound') };
}

export default async function FirmPublicPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { slug } = await params;
  // A browser without script posts the form to the route, which sends it back here with the outcome.
  const { sent, error } = await searchParams;
  const locale = await pageLocale();
  const firm = await getPublicFirm({ slug, locale });
  if (!firm) notFound();
  const services = await listPublicServices({ slug });
  const t = await getTranslations('publicPage');
  const format = await getFormatter();
  const dates = dateFormatter(locale);
  const countryNames = new Intl.DisplayNames([locale], { type: 'region' });
  const countries = knownNationalityCodes()
    .map((code) => ({ code, name: countryNames.of(code) ?? code }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
  const slots: SlotOption[] = firm.slots.map((slot) => ({
    id: slot.id,
    day: dates.full(brusselsDate(new Date(slot.startsAt))),
    time: dates.time(slot.startsAt),
    summary: t('slot.summary', { minutes: slot.durationMinutes, mode: slot.mode, price: format.number(slot.priceCents / 100, { style: 'currency', currency: 'EUR' }), advisor: slot.advisorName ?? '' }),
  }));
  return (
    <div className="min-h-screen bg-slate-50">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-3 px-4 py-4">
          <div className="flex items-center gap-3">
            {/* eslint-disable-next-line @next/next/no-img-element -- the firm's own stored logo, served as is */}
            {firm.logoPath ? <img src={firm.logoPath} alt="" className="h-10 w-auto" /> : null}
            <p className="text-lg font-semibold text-slate-900">{firm.name}</p>
          </div>
          <nav aria-label={t('languages')}>
            <ul className="flex gap-3 text-sm">
              {PUBLIC_LOCALES.map((code) => (
                <li key={code}>
                  <a href={`/f/${firm.slug}?lang=${code}`} lang={code} hrefLang={code} aria-current={code === locale ? 'true' : undefined} className={code === locale ? 'font-semibold text-slate-900 underline' : 'text-brand-700 hover:underline'}>
                    {PUBLIC_LOCALE_NAMES[code]}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-3xl space-y-8 px-4 py-8">
        <section aria-labelledby="about-heading" className="space-y-3">
          <h1 id="about-heading" className="text-2xl font-semibold text-slate-900">{t('heading', { firmName: firm.name })}</h1>
          <p className="whitespace-pre-line text-slate-700">{firm.description ?? t('defaultDescription')}</p>
          <h2 className="pt-2 font-semibold">{t('services.heading')}</h2>
          {/* The firm's own price list once it has one; the generic words only for a firm that lists nothing. */}
          {services.length > 0 ? <ServicesTable services={services} locale={locale} /> : (
            <ul className="list-disc space-y-1 pl-5 text-slate-700">
              <li>{t('services.consultation')}</li>
              <li>{t('services.files')}</li>
              <li>{t('services.appeals')}</li>
            </ul>
          )}
        </section>
        {sent === '1' ? <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-emerald-900">{t('sentBanner')}</p> : null}
        {typeof error === 'string' ? (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-red-900">
            {error.startsWith('publicPage.errors.') && t.has(error.slice('publicPage.'.length)) ? t(error.slice('publicPage.'.length)) : t('errors.generic')}
          </p>
        ) : null}
        {/* The form's own strings only, not the app's: it is the one client component here. */}
        <NextIntlClientProvider messages={{ publicPage: (await getMessages()).publicPage }}>
        <IntakeForm
          firmSlug={firm.slug}
          language={locale}
          formToken={issueIntakeFormToken(firm.id)}
          slots={slots}
          countries={countries}
          topics={[...INQUIRY_TOPICS]}
        />
        </NextIntlClientProvider>
      </main>
    </div>
  );
}
