import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('signIn');
  return { title: t('heading') };
}

// Placeholder until the accounts issue wires next-auth: the fields are shown but disabled,
// so nobody types a password into a form that goes nowhere.
export default async function SignInPage() {
  const t = await getTranslations('signIn');
  return (
    <div className="mx-auto max-w-md space-y-6 rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
      <h1 className="text-2xl font-semibold">{t('heading')}</h1>
      <p className="text-slate-600">{t('intro')}</p>
      <p role="status" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
        {t('comingSoon')}
      </p>
      <form className="space-y-4">
        <fieldset disabled className="space-y-4">
          <label className="block text-sm font-medium">
            {t('email')}
            <input type="email" name="email" autoComplete="email" className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2" />
          </label>
          <label className="block text-sm font-medium">
            {t('password')}
            <input type="password" name="password" autoComplete="current-password" className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2" />
          </label>
          <button type="submit" className="w-full rounded-md bg-brand-700 px-4 py-2 font-medium text-white disabled:opacity-60">
            {t('submit')}
          </button>
        </fieldset>
      </form>
    </div>
  );
}
