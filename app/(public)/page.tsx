import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

const PHASES = ['registration', 'cardIssuance', 'renewal', 'appeal'] as const;

export default async function HomePage() {
  const t = await getTranslations('home');
  return (
    <div className="space-y-12">
      <section className="max-w-3xl space-y-5">
        <h1 className="text-3xl font-semibold tracking-tight text-brand-900 sm:text-4xl">{t('heading')}</h1>
        <p className="text-lg leading-relaxed text-slate-700">{t('intro')}</p>
        <Link href="/sign-in" className="inline-block rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-900">
          {t('cta')}
        </Link>
      </section>
      <section aria-labelledby="phases-heading" className="space-y-4">
        <h2 id="phases-heading" className="text-xl font-semibold text-slate-900">
          {t('phasesHeading')}
        </h2>
        <ol className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {PHASES.map((phase, index) => (
            <li key={phase} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
              <p className="text-sm font-medium text-brand-700">{index + 1}</p>
              <h3 className="mt-1 font-semibold">{t(`phases.${phase}.title`)}</h3>
              <p className="mt-2 text-sm leading-relaxed text-slate-600">{t(`phases.${phase}.body`)}</p>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
