import { getTranslations } from 'next-intl/server';
import type { StaffActor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import type { PaletteAction } from '@/components/shell/palette-types';
import type { ShellLinks } from '@/components/shell/shell-links';

/** The header's links and the palette's actions for this person: what their role may open, nothing more. */
export async function workspaceNav(actor: StaffActor): Promise<{ links: ShellLinks; actions: PaletteAction[] }> {
  const t = await getTranslations('shell');
  const tl = await getTranslations('legalAid');
  const ts = await getTranslations('services');
  const tp = await getTranslations('palette');
  const when = <T>(allowed: boolean, item: T): T[] => (allowed ? [item] : []);
  const links: ShellLinks = {
    primary: [
      { href: '/dashboard', label: t('dashboard') },
      { href: '/cases', label: t('cases') },
      { href: '/clients', label: t('clients') },
      ...when(can(actor.role, 'inquiry.read'), {
        href: '/inquiries',
        label: t('inquiries'),
      }),
      ...when(can(actor.role, 'consultation.manage'), {
        href: '/consultations',
        label: t('consultations'),
      }),
    ],
    more: [
      ...when(can(actor.role, 'legal_aid.report'), {
        href: '/legal-aid',
        label: tl('navOverview'),
      }),
      ...when(can(actor.role, 'import.run'), {
        href: '/import',
        label: t('import'),
      }),
      ...when(can(actor.role, 'member.read'), {
        href: '/settings/members',
        label: t('members'),
      }),
      ...when(can(actor.role, 'audit.read'), {
        href: '/settings/audit',
        label: t('audit'),
      }),
      ...when(can(actor.role, 'outbox.read'), {
        href: '/settings/outbox',
        label: t('outbox'),
      }),
      ...when(can(actor.role, 'firm.settings.update'), {
        href: '/settings/firm',
        label: t('firm'),
      }),
      ...when(can(actor.role, 'service.manage'), {
        href: '/settings/services',
        label: ts('nav'),
      }),
    ],
    account: [
      { href: '/account/reminders', label: t('reminders') },
      { href: '/account/calendar', label: t('calendar') },
      { href: '/account/security', label: t('security') },
      { href: '/account/sessions', label: t('sessions') },
    ],
  };
  const shortcut: Record<string, [string, string]> = {
    '/dashboard': ['g', 'd'],
    '/cases': ['g', 'c'],
    '/clients': ['g', 'l'],
    '/inquiries': ['g', 'i'],
    '/consultations': ['g', 'o'],
  };
  const actions: PaletteAction[] = [
    ...when(can(actor.role, 'client.create'), {
      id: 'new-client',
      label: tp('newClient'),
      href: '/clients/new',
      group: 'create' as const,
      keys: ['n', 'c'] as [string, string],
    }),
    ...when(can(actor.role, 'case.create'), {
      id: 'new-case',
      label: tp('newCase'),
      href: '/cases/new',
      group: 'create' as const,
      keys: ['n', 'd'] as [string, string],
    }),
    ...[...links.primary, ...links.more, ...links.account].map((link) => ({
      id: `go-${link.href}`,
      label: tp('goTo', { page: link.label }),
      href: link.href,
      group: 'go' as const,
      keys: shortcut[link.href],
    })),
  ];
  return { links, actions };
}
