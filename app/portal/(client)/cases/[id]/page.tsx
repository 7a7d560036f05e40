import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireClient } from '@/lib/auth/current-actor';
import { isAppError } from '@/lib/errors';
import type { AppLocale } from '@/lib/i18n/config';
import { ruleLabel } from '@/lib/rules/labels';
import { phaseOf } from '@/lib/rules/stages';
import { getPortalCase } from '@/lib/server/portal/get-portal-case';
import { listCaseServicesForClient } from '@/lib/server/service/list-case-services-for-client';
import { CaseServices } from './case-services';
import { Conversation } from './conversation';
import { PortalFeeNotes } from './fee-notes';
import { MessageForm } from './message-form';
import { PortalTimeline } from './portal-timeline';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('portalCase.home');
  return { title: t('open') };
}

export default async function PortalCasePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireClient();
  const { id } = await params;
  const kase = await getPortalCase({ actor, caseId: id }).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  });
  const services = await listCaseServicesForClient({ actor, caseId: kase.id });
  const t = await getTranslations('portalCase');
  const locale = (await getLocale()) as AppLocale;
  const phase = phaseOf(kase.stage);
  return (
    <div className="space-y-6">
      <Link href="/portal" className="inline-flex min-h-11 items-center text-brand-700 underline">
        <span aria-hidden="true">←&nbsp;</span>{t('case.back')}
      </Link>
      <header className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
        <h1 className="text-2xl font-semibold">{ruleLabel(locale, `procedure.${kase.procedure}`)}</h1>
        <p className="text-sm text-slate-600">{t('case.reference', { reference: kase.reference })}</p>
        <dl className="space-y-2">
          <div>
            <dt className="text-sm font-medium text-slate-600">{t('home.stage')}</dt>
            <dd data-testid="portal-stage">
              {ruleLabel(locale, `stage.${kase.stage}`)}
              {phase ? <span className="text-slate-600"> · {ruleLabel(locale, `phase.${phase}`)}</span> : null}
            </dd>
          </div>
          <div>
            <dt className="text-sm font-medium text-slate-600">{t('home.next')}</dt>
            <dd>{kase.closedAt ? t('home.closed') : t(`nextStep.${kase.stage}`)}</dd>
          </div>
          {kase.assignedTo?.name ? (
            <div>
              <dt className="text-sm font-medium text-slate-600">{t('home.advisor')}</dt>
              <dd>{kase.assignedTo.name}</dd>
            </div>
          ) : null}
        </dl>
      </header>
      <section aria-labelledby="timeline-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
        <h2 id="timeline-heading" className="text-lg font-semibold">{t('case.timeline')}</h2>
        <PortalTimeline events={kase.events} locale={locale} />
      </section>
      {services.length > 0 ? <CaseServices services={services} locale={locale} /> : null}
      <PortalFeeNotes actor={actor} caseId={kase.id} />
      <section aria-labelledby="messages-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
        <h2 id="messages-heading" className="text-lg font-semibold">{t('case.messages')}</h2>
        <Conversation messages={kase.notes} />
        {kase.closedAt ? <p className="rounded-md bg-slate-50 p-3 text-slate-700">{t('case.closedNoMessages')}</p> : <MessageForm caseId={kase.id} />}
      </section>
    </div>
  );
}
