import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { FormMessage } from '@/components/form/form-message';
import { findOpenInvitation } from '@/lib/server/member/accept-invitation';
import { AcceptForm } from './accept-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('invitations');
  return { title: t('heading') };
}

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations('invitations');
  const tr = await getTranslations('roles');
  const invitation = await findOpenInvitation(token);
  return (
    <div className="mx-auto max-w-md space-y-6 rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
      <h1 className="text-2xl font-semibold">{t('heading')}</h1>
      {invitation ? (
        <>
          <p className="text-slate-700">{t('intro', { firm: invitation.firmName, role: tr(invitation.role) })}</p>
          <AcceptForm token={token} email={invitation.email} hasAccount={invitation.hasAccount} />
        </>
      ) : (
        <FormMessage tone="error">{t('invalid')}</FormMessage>
      )}
    </div>
  );
}
