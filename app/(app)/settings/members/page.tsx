import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDateFormatter } from '@/lib/format/get-date-formatter';
import { requireWorkingStaff } from '@/lib/auth/require-working-staff';
import { can } from '@/lib/auth/permissions';
import { getFirmContext } from '@/lib/server/firm/get-firm-context';
import { listMembers } from '@/lib/server/member/list-members';
import { DeactivateForm, DeadlineConfirmationForm, EndSessionsForm, InviteForm, RoleForm, SecondFactorPolicyForm } from './member-forms';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('members');
  return { title: t('heading') };
}

export default async function MembersPage() {
  const actor = await requireWorkingStaff();
  const [{ members, invitations }, { firm }] = await Promise.all([listMembers({ actor }), getFirmContext({ actor })]);
  const t = await getTranslations('members');
  const tr = await getTranslations('roles');
  const dates = await getDateFormatter();
  const manage = can(actor.role, 'member.update');
  const endSessions = can(actor.role, 'member.sessions.end');
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">{t('heading')}</h1>
      {can(actor.role, 'member.invite') ? (
        <section aria-labelledby="invite-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <h2 id="invite-heading" className="font-semibold">{t('inviteHeading')}</h2>
          <InviteForm />
          {invitations.length ? (
            <ul className="text-sm text-slate-700">
              {invitations.map((invitation) => (
                <li key={invitation.id}>
                  {t('pending', { email: invitation.email, role: tr(invitation.role!), date: dates.dateTime(invitation.expiresAt) })}
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}
      <section aria-labelledby="members-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="members-heading" className="mb-3 font-semibold">{t('listHeading')}</h2>
        <table className="w-full text-sm">
          <thead>
            <tr className="border-b border-slate-200 text-left text-slate-600">
              <th scope="col" className="py-2 font-medium">{t('name')}</th>
              <th scope="col" className="py-2 font-medium">{t('role')}</th>
              <th scope="col" className="py-2 font-medium">{t('twoFactor')}</th>
              <th scope="col" className="py-2 font-medium">{t('status')}</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => {
              const name = m.user.name ?? m.user.email;
              const active = !m.deactivatedAt;
              return (
                <tr key={m.id} className="border-b border-slate-100 last:border-0">
                  <td className="py-2">
                    <div className="font-medium">{name}</div>
                    <div className="text-slate-600">{m.user.email}</div>
                  </td>
                  <td className="py-2">{manage && active && m.user.id !== actor.userId ? <RoleForm membershipId={m.id} role={m.role} name={name} /> : tr(m.role)}</td>
                  <td className="py-2">
                    {[m.user.totpEnabledAt ? t('factorTotp') : null, m.user._count.passkeys ? t('factorPasskeys', { count: m.user._count.passkeys }) : null].filter(Boolean).join(', ') || t('off')}
                  </td>
                  <td className="py-2">
                    {active ? (manage && m.user.id !== actor.userId ? <DeactivateForm membershipId={m.id} name={name} /> : t('active')) : t('deactivated')}
                    {active && endSessions && m.user.id !== actor.userId ? <div className="mt-1"><EndSessionsForm membershipId={m.id} name={name} /></div> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      {can(actor.role, 'firm.settings.update') ? (
        <section aria-labelledby="security-heading" className="space-y-2 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <h2 id="security-heading" className="font-semibold">{t('twoFactorHeading')}</h2>
          <SecondFactorPolicyForm policy={firm.secondFactorPolicy} />
          <h2 className="pt-2 font-semibold">{t('fourEyesHeading')}</h2>
          <DeadlineConfirmationForm required={firm.requireDeadlineConfirmation} />
        </section>
      ) : null}
    </div>
  );
}
