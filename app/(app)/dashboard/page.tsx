import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { DueItemsSection } from '@/components/dashboard/due-items-section';
import { FailedEmailsSection } from '@/components/dashboard/failed-emails-section';
import { getDateFormatter } from '@/lib/format/get-date-formatter';
import { OpenInquiriesSection } from '@/components/dashboard/open-inquiries-section';
import { OverdueDecisionsSection } from '@/components/dashboard/overdue-decisions-section';
import { RecentActivitySection } from '@/components/dashboard/recent-activity-section';
import { ScopeSwitch } from '@/components/dashboard/scope-switch';
import { StageChartSection } from '@/components/dashboard/stage-chart-section';
import { UnconfirmedDeadlinesSection } from '@/components/dashboard/unconfirmed-deadlines-section';
import { WaitingOnClientSection } from '@/components/dashboard/waiting-on-client-section';
import { can } from '@/lib/auth/permissions';
import { requireWorkingStaff } from '@/lib/auth/require-working-staff';
import { ZDashboardScope } from '@/lib/server/dashboard/dashboard-scope';
import { getDashboard } from '@/lib/server/dashboard/get-dashboard';
import { listOpenInquiries } from '@/lib/server/dashboard/list-open-inquiries';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('dashboard');
  return { title: t('heading') };
}

export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ scope?: string }> }) {
  const actor = await requireWorkingStaff();
  const scope = ZDashboardScope.parse((await searchParams).scope);
  const dashboard = await getDashboard({ actor, scope });
  const inquiries = can(actor.role, 'inquiry.read') ? await listOpenInquiries({ actor, asOf: dashboard.asOf }) : null;
  const t = await getTranslations('dashboard');
  const dates = await getDateFormatter();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('heading')}</h1>
        <p className="text-sm text-slate-600">
          {t.rich('asOf', { date: dates.long(dashboard.asOf), when: (chunks) => <time dateTime={dashboard.asOf}>{chunks}</time> })}
        </p>
      </div>
      <UnconfirmedDeadlinesSection unconfirmed={dashboard.unconfirmed} userId={actor.userId} />
      {inquiries && (inquiries.urgent.length > 0 || inquiries.unanswered > 0) ? <OpenInquiriesSection inquiries={inquiries} /> : null}
      <DueItemsSection due={dashboard.due} />
      <FailedEmailsSection failed={dashboard.failedEmails} canOpen={can(actor.role, 'outbox.read')} />
      <StageChartSection stages={dashboard.stages} />
      <ScopeSwitch scope={scope} />
      <div className="grid gap-6 lg:grid-cols-2">
        <WaitingOnClientSection waiting={dashboard.waiting} />
        <OverdueDecisionsSection decisions={dashboard.decisions} />
      </div>
      <RecentActivitySection activity={dashboard.activity} />
    </div>
  );
}
