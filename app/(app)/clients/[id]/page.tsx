import type { Metadata } from 'next';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDateFormatter } from '@/lib/format/get-date-formatter';
import { requireWorkingStaff } from '@/lib/auth/require-working-staff';
import { can } from '@/lib/auth/permissions';
import { isAppError } from '@/lib/errors';
import type { AppLocale } from '@/lib/i18n/config';
import { ruleLabel } from '@/lib/rules/labels';
import { getClient } from '@/lib/server/client/get-client';
import { DataProtectionSection } from './data-protection-section';
import { FamilySection } from './family-section';
import { PortalAccessForm } from './portal-access-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('clients');
  return { title: t('heading') };
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section aria-label={title} className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 className="font-semibold">{title}</h2>
      {children}
    </section>
  );
}

export default async function ClientPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ family?: string }> }) {
  const actor = await requireWorkingStaff();
  const { id } = await params;
  const { family: familySearch = '' } = await searchParams;
  const client = await getClient({ actor, clientId: id }).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  });
  const t = await getTranslations('clients');
  const dates = await getDateFormatter();
  const locale = (await getLocale()) as AppLocale;
  const day = (date: Date) => dates.long(date);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{client.lastName}, {client.firstName}</h1>
          <p className="text-slate-600">
            {client.fileNumber} · {client.nationality} · {client.language.toUpperCase()}
            {client.birthDate ? ` · ${t('born', { date: day(client.birthDate) })}` : ''}
          </p>
        </div>
        {can(actor.role, 'case.create') ? (
          <Button asChild>
            <Link href={`/cases/new?clientId=${client.id}`}>{t('newCase')}</Link>
          </Button>
        ) : null}
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Section title={t('casesHeading')}>
            {client.cases.length === 0 ? <p className="text-sm text-slate-600">{t('noCases')}</p> : (
              <ul className="divide-y divide-slate-100">
                {client.cases.map((kase) => (
                  <li key={kase.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2">
                    <Link href={`/cases/${kase.id}`} className="font-medium text-brand-700 hover:underline">
                      {kase.reference} · {ruleLabel(locale, `procedure.${kase.procedure}`)}
                    </Link>
                    <span className="text-sm text-slate-700">
                      {ruleLabel(locale, `stage.${kase.stage}`)}
                      {kase.nextDeadlineOn && kase.nextDeadlineKind ? ` · ${ruleLabel(locale, `deadline.${kase.nextDeadlineKind}`)} ${day(kase.nextDeadlineOn)}` : ''}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Section>
          <Section title={t('documents')}>
            {client.documents.length === 0 ? <p className="text-sm text-slate-600">{t('noDocuments')}</p> : (
              <ul className="text-sm">
                {client.documents.map((doc) => (
                  <li key={doc.id}>{doc.title} · {ruleLabel(locale, `documentKind.${doc.kind}`)}{doc.expiresOn ? ` · ${t('expires', { date: day(doc.expiresOn) })}` : ''}</li>
                ))}
              </ul>
            )}
          </Section>
          <Section title={t('notes')}>
            {client.notes.length === 0 ? <p className="text-sm text-slate-600">{t('noNotes')}</p> : (
              <ul className="space-y-2 text-sm">
                {client.notes.map((note) => (
                  <li key={note.id} className="rounded-md bg-slate-50 p-3">
                    <p className="whitespace-pre-wrap">{note.body}</p>
                    <p className="mt-1 text-xs text-slate-600">
                      {note.author?.name ?? ''} · {dates.dateTime(note.createdAt)} · {note.fromClient ? t('fromClient') : note.visibility === 'CLIENT' ? t('visibleToClient') : t('internal')}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </Section>
        </div>
        <div className="space-y-6">
          <Section title={t('contact')}>
            <dl className="space-y-1 text-sm">
              {client.email ? <div><dt className="inline font-medium">{t('email')}: </dt><dd className="inline">{client.email}</dd></div> : null}
              {client.phone ? <div><dt className="inline font-medium">{t('phone')}: </dt><dd className="inline">{client.phone}</dd></div> : null}
              {client.addressLine ? <div><dt className="inline font-medium">{t('addressLine')}: </dt><dd className="inline">{client.addressLine}, {client.postalCode} {client.commune}</dd></div> : null}
            </dl>
          </Section>
          {client.nationalRegisterNumber || client.passportNumber || client.unreadable.length ? (
            <Section title={t('identityNumbers')}>
              <dl className="space-y-1 text-sm">
                {(['nationalRegisterNumber', 'passportNumber'] as const).map((field) =>
                  client[field] || client.unreadable.includes(field) ? (
                    <div key={field}>
                      <dt className="inline font-medium">{t(field)}: </dt>
                      <dd className="inline">{client[field] ?? <span className="text-red-700">{t('identityUnreadable')}</span>}</dd>
                    </div>
                  ) : null,
                )}
              </dl>
            </Section>
          ) : null}
          <Section title={t('family')}>
            <FamilySection actor={actor} client={client} search={typeof familySearch === 'string' ? familySearch : ''} />
          </Section>
          <Section title={t('portalAccess')}>
            <p className="text-sm text-slate-700">{client.portalUser ? t('portalActive', { email: client.portalUser.email }) : t('portalNone')}</p>
            {can(actor.role, 'client.portal.invite') ? <PortalAccessForm clientId={client.id} hasAccess={Boolean(client.portalUser)} /> : null}
          </Section>
          {can(actor.role, 'client.export') || can(actor.role, 'client.erase') ? (
            <Section title={t('dataProtection')}>
              <DataProtectionSection actor={actor} client={client} />
            </Section>
          ) : null}
        </div>
      </div>
    </div>
  );
}
