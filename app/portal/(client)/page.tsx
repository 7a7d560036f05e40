import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireClient } from '@/lib/auth/current-actor';
import { brusselsDate } from '@/lib/dates';
import type { AppLocale } from '@/lib/i18n/config';
import { env } from '@/lib/env';
import { getPortalOverview } from '@/lib/server/portal/get-portal-overview';
import { listPortalDocumentRequests } from '@/lib/server/portal/list-portal-document-requests';
import { CaseCards } from './case-cards';
import { DocumentRequests } from './document-requests';
import { FamilyMembers } from './family-members';
import { MyCards } from './my-cards';
import { MyDeadlines } from './my-deadlines';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('portal');
  return { title: t('heading') };
}

export default async function PortalHomePage() {
  const actor = await requireClient();
  const [overview, requests] = await Promise.all([getPortalOverview({ actor }), listPortalDocumentRequests({ actor })]);
  const t = await getTranslations('portal');
  const locale = (await getLocale()) as AppLocale;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t('welcome', { name: overview.firstName })}</h1>
      {overview.cases.length === 0 ? <p className="text-slate-700">{t('noCases')}</p> : <CaseCards cases={overview.cases} locale={locale} />}
      <MyDeadlines cases={overview.cases} locale={locale} today={brusselsDate()} />
      <DocumentRequests requests={requests} locale={locale} maxBytes={env().UPLOAD_MAX_BYTES} />
      <MyCards cases={overview.cases} locale={locale} />
      <FamilyMembers links={overview.links} />
    </div>
  );
}
