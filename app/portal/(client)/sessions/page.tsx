import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SessionsList } from '@/components/account/sessions-list';
import { requireClient } from '@/lib/auth/current-actor';
import { listMySessions } from '@/lib/server/account/list-my-sessions';
import { endPortalSessionAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('sessions');
  return { title: t('listHeading') };
}

export default async function PortalSessionsPage() {
  const actor = await requireClient();
  const sessions = await listMySessions({ actor });
  const t = await getTranslations('sessions');
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t('listHeading')}</h1>
      <SessionsList sessions={sessions} endAction={endPortalSessionAction} portal />
    </div>
  );
}
