import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireWorkingStaff } from '@/lib/auth/require-working-staff';
import { isAppError } from '@/lib/errors';
import type { AppLocale } from '@/lib/i18n/config';
import { ruleLabel } from '@/lib/rules/labels';
import { CARD_TYPES, PROCEDURES } from '@/lib/rules/vocabulary';
import { getClient } from '@/lib/server/client/get-client';
import { listClients } from '@/lib/server/client/list-clients';
import { listMembers } from '@/lib/server/member/list-members';
import { ChooseClientForm } from './choose-client-form';
import { NewCaseForm } from './new-case-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('caseView');
  return { title: t('newHeading') };
}

export default async function NewCasePage({ searchParams }: { searchParams: Promise<{ clientId?: string }> }) {
  const actor = await requireWorkingStaff();
  const { clientId = '' } = await searchParams;
  const t = await getTranslations('caseView');
  // Reached from the palette or the cases list, without a client yet: choose one first (a GET form, so the
  // address then names the client as when coming from the client's page).
  if (!clientId) {
    const { rows } = await listClients({ actor, query: {} });
    return (
      <div className="max-w-3xl space-y-6">
        <h1 className="text-2xl font-semibold">{t('newHeading')}</h1>
        <ChooseClientForm initialOptions={rows.map((row) => ({ value: row.id, label: `${row.firstName} ${row.lastName}`, hint: row.fileNumber }))} />
      </div>
    );
  }
  const client = await getClient({ actor, clientId }).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  });
  const { members } = await listMembers({ actor });
  const locale = (await getLocale()) as AppLocale;
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-semibold">{t('newHeading')}</h1>
      <NewCaseForm
        clientId={client.id}
        clientLabel={`${client.lastName}, ${client.firstName} (${client.fileNumber})`}
        procedures={PROCEDURES.map((p) => ({ value: p, label: ruleLabel(locale, `procedure.${p}`) }))}
        cards={CARD_TYPES.map((c) => ({ value: c, label: ruleLabel(locale, `card.${c}`) }))}
        members={members.filter((m) => !m.deactivatedAt).map((m) => ({ value: m.user.id, label: m.user.name ?? m.user.email }))}
        me={actor.userId}
      />
    </div>
  );
}
