import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { AppShell } from '@/components/app-shell';
import { requireClient } from '@/lib/auth/current-actor';
import { getFirmContext } from '@/lib/server/firm/get-firm-context';
import { signOutAction } from '../../(app)/sign-out-action';

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const actor = await requireClient();
  const { firm, user } = await getFirmContext({ actor });
  const t = await getTranslations('shell');
  return (
    <AppShell firmName={firm.name} userLabel={user.name ?? user.email} links={[{ href: '/portal', label: t('portalHome') }]} signOut={signOutAction}>
      {children}
    </AppShell>
  );
}
