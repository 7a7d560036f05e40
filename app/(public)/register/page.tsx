import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { RegisterForm } from './register-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('register');
  return { title: t('heading') };
}

export default async function RegisterPage() {
  const t = await getTranslations('register');
  return (
    <div className="mx-auto max-w-md space-y-6 rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
      <h1 className="text-2xl font-semibold">{t('heading')}</h1>
      <p className="text-slate-600">{t('intro')}</p>
      <RegisterForm />
    </div>
  );
}
