import type { ReactNode } from 'react';
import { requireClient } from '@/lib/auth/current-actor';
import { getFirmContext } from '@/lib/server/firm/get-firm-context';
import { signOutAction } from '../../(app)/sign-out-action';
import { PortalShell } from './portal-shell';

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const actor = await requireClient();
  const { firm, user } = await getFirmContext({ actor });
  return (
    <PortalShell firmName={firm.name} userLabel={user.name ?? user.email} signOut={signOutAction}>
      {children}
    </PortalShell>
  );
}
