import type { ReactNode } from 'react';
import { AppShell } from '@/components/app-shell';
import { requireStaff } from '@/lib/auth/current-actor';
import { getFirmContext } from '@/lib/server/firm/get-firm-context';
import { signOutAction } from './sign-out-action';
import { workspaceNav } from './workspace-nav';

export default async function WorkspaceLayout({ children }: { children: ReactNode }) {
  const actor = await requireStaff();
  const { firm, user } = await getFirmContext({ actor });
  const { links, actions } = await workspaceNav(actor);
  return (
    <AppShell firmName={firm.name} userLabel={user.name ?? user.email} links={links} actions={actions} signOut={signOutAction}>
      {children}
    </AppShell>
  );
}
