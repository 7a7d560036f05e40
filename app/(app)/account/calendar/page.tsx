import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requireWorkingStaff } from '@/lib/auth/require-working-staff';
import { getCalendarFeedStatus } from '@/lib/server/calendar/get-calendar-feed-status';
import { CalendarFeedForms } from './calendar-feed-forms';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('calendar');
  return { title: t('heading') };
}

const APPS = [
  { heading: 'outlookHeading', steps: 'outlookSteps' },
  { heading: 'googleHeading', steps: 'googleSteps' },
  { heading: 'appleHeading', steps: 'appleSteps' },
] as const;

export default async function CalendarPage() {
  const actor = await requireWorkingStaff();
  const { active } = await getCalendarFeedStatus({ actor });
  const t = await getTranslations('calendar');
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-semibold">{t('heading')}</h1>
      <p className="text-slate-700">{t('intro')}</p>
      <section aria-labelledby="feed-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="feed-heading" className="font-semibold">{t('statusHeading')}</h2>
        <CalendarFeedForms active={active} />
      </section>
      <section aria-labelledby="howto-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="howto-heading" className="font-semibold">{t('howToHeading')}</h2>
        {APPS.map((app) => (
          <div key={app.heading}>
            <h3 className="text-sm font-semibold">{t(app.heading)}</h3>
            <p className="text-sm text-slate-700">{t(app.steps)}</p>
          </div>
        ))}
        <p className="text-sm text-slate-700">{t('secretWarning')}</p>
      </section>
    </div>
  );
}
