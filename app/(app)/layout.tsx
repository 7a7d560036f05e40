import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { AppShell } from '@/components/app-shell';
import { requireStaff } from '@/lib/auth/current-actor';
import { can } from '@/lib/auth/permissions';
import { getFirmContext } from '@/lib/server/firm/get-firm-context';
import { signOutAction } from './sign-out-action';

export default async function WorkspaceLayout({ children }: { children: ReactNode }) {
  const actor = await requireStaff();
  const { firm, user } = await getFirmContext({ actor });
  const t = await getTranslations('shell');
  const tl = await getTranslations('legalAid');
  const ts = await getTranslations('services');
  const links = [
    { href: '/dashboard', label: t('dashboard') },
    { href: '/cases', label: t('cases') },
    { href: '/clients', label: t('clients') },
    ...(can(actor.role, 'inquiry.read') ? [{ href: '/inquiries', label: t('inquiries') }] : []),
    ...(can(actor.role, 'consultation.manage') ? [{ href: '/consultations', label: t('consultations') }] : []),
    ...(can(actor.role, 'legal_aid.report') ? [{ href: '/legal-aid', label: tl('navOverview') }] : []),
    ...(can(actor.role, 'import.run') ? [{ href: '/import', label: t('import') }] : []),
    ...(can(actor.role, 'member.read') ? [{ href: '/settings/members', label: t('members') }] : []),
    ...(can(actor.role, 'audit.read') ? [{ href: '/settings/audit', label: t('audit') }] : []),
    ...(can(actor.role, 'outbox.read') ? [{ href: '/settings/outbox', label: t('outbox') }] : []),
    ...(can(actor.role, 'firm.settings.update') ? [{ href: '/settings/firm', label: t('firm') }] : []),
    ...(can(actor.role, 'service.manage') ? [{ href: '/settings/services', label: ts('nav') }] : []),
    { href: '/account/reminders', label: t('reminders') },
    { href: '/account/calendar', label: t('calendar') },
    { href: '/account/security', label: t('security') },
    { href: '/account/sessions', label: t('sessions') },
  ];
  return (
    <AppShell firmName={firm.name} userLabel={user.name ?? user.email} links={links} signOut={signOutAction}>
      {children}
    </AppShell>
  );
}
