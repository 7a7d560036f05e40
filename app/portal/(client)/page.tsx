import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireClient } from '@/lib/auth/current-actor';
import type { AppLocale } from '@/lib/i18n/config';
import { ruleLabel } from '@/lib/rules/labels';
import { phaseOf } from '@/lib/rules/stages';
import type { CaseStage } from '@/lib/rules/vocabulary';
import { env } from '@/lib/env';
import { getPortalOverview } from '@/lib/server/portal/get-portal-overview';
import { listPortalDocumentRequests } from '@/lib/server/portal/list-portal-document-requests';
import { DocumentRequests } from './document-requests';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('portal');
  return { title: t('heading') };
}

export default async function PortalHomePage() {
  const actor = await requireClient();
  const [overview, requests] = await Promise.all([getPortalOverview({ actor }), listPortalDocumentRequests({ actor })]);
  const t = await getTranslations('portal');
  const locale = (await getLocale()) as AppLocale;
  const phaseLabel = (stage: CaseStage) => {
    const phase = phaseOf(stage);
    return phase ? ruleLabel(locale, `phase.${phase}`) : null;
  };
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t('welcome', { name: overview.firstName })}</h1>
      {overview.cases.length === 0 ? <p className="text-slate-700">{t('noCases')}</p> : null}
      <ul className="space-y-4">
        {overview.cases.map((kase) => (
          <li key={kase.id} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
            <h2 className="font-semibold">{ruleLabel(locale, `procedure.${kase.procedure}`)}</h2>
            <p className="mt-1 text-sm text-slate-600">{t('reference', { reference: kase.reference })}</p>
            <p className="mt-3">
              <span className="font-medium">{t('phase')}:</span> {[phaseLabel(kase.stage), ruleLabel(locale, `stage.${kase.stage}`)].filter(Boolean).join(' · ')}
            </p>
            {kase.assignedTo?.name ? <p className="mt-1 text-sm text-slate-700">{t('advisor', { name: kase.assignedTo.name })}</p> : null}
          </li>
        ))}
      </ul>
      <DocumentRequests requests={requests} locale={locale} maxBytes={env().UPLOAD_MAX_BYTES} />
    </div>
  );
}
