import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireWorkingStaff } from '@/lib/auth/require-working-staff';
import { countryOptions } from '@/lib/i18n/country-options';
import { NewClientForm } from './new-client-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('clients');
  return { title: t('newHeading') };
}

export default async function NewClientPage() {
  await requireWorkingStaff();
  const t = await getTranslations('clients');
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-semibold">{t('newHeading')}</h1>
      <NewClientForm countries={countryOptions(await getLocale())} />
    </div>
  );
}
