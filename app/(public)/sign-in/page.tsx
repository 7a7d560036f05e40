import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { currentActor } from '@/lib/auth/current-actor';
import { SignInForm } from './sign-in-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('signIn');
  return { title: t('heading') };
}

export default async function SignInPage() {
  const actor = await currentActor();
  if (actor) redirect(actor.kind === 'staff' ? '/dashboard' : '/portal');
  const t = await getTranslations('signIn');
  return (
    <div className="mx-auto max-w-md space-y-6 rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
      <h1 className="text-2xl font-semibold">{t('heading')}</h1>
      <p className="text-slate-600">{t('intro')}</p>
      <SignInForm />
      <div className="space-y-2 border-t border-slate-200 pt-4 text-sm">
        <p>
          <Link href="/portal/sign-in" className="text-brand-700 underline">
            {t('clientLink')}
          </Link>
        </p>
        <p>
          <Link href="/register" className="text-brand-700 underline">
            {t('registerLink')}
          </Link>
        </p>
      </div>
    </div>
  );
}
