import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requireStaff } from '@/lib/auth/current-actor';
import { SessionsList } from '@/components/account/sessions-list';
import { listMySessions } from '@/lib/server/account/list-my-sessions';
import { endSessionAction } from './actions';
import { PasswordForm } from './password-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('sessions');
  return { title: t('heading') };
}

export default async function SessionsPage() {
  const actor = await requireStaff();
  const sessions = await listMySessions({ actor });
  const t = await getTranslations('sessions');
  return (
    <div className="max-w-4xl space-y-6">
      <h1 className="text-2xl font-semibold">{t('heading')}</h1>
      <SessionsList sessions={sessions} endAction={endSessionAction} />
      <section aria-labelledby="password-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="password-heading" className="font-semibold">{t('passwordHeading')}</h2>
        <p className="text-sm text-slate-700">{t('passwordIntro')}</p>
        <PasswordForm />
      </section>
    </div>
  );
}
