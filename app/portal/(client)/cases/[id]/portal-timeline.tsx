import { getTranslations } from 'next-intl/server';
import { getDateFormatter } from '@/lib/format/get-date-formatter';
import type { AppLocale } from '@/lib/i18n/config';
import { ruleLabel, type RuleLabelKey } from '@/lib/rules/labels';
import type { PortalCase } from '@/lib/server/portal/get-portal-case';

type Event = PortalCase['events'][number];

const DOCUMENT_ACTIONS = new Set(['requested', 'uploaded', 'approved', 'rejected']);

/** The client-visible events, newest first, each told in plain words. */
export async function PortalTimeline({ events, locale }: { events: Event[]; locale: AppLocale }) {
  const t = await getTranslations('portalCase.case');
  const dates = await getDateFormatter();
  const title = (event: Event) => {
    if (event.type === 'TRANSITION') {
      if (event.toStage) return t('event.transition', { stage: ruleLabel(locale, `stage.${event.toStage}`) });
      if (event.transition) return ruleLabel(locale, `transition.${event.transition}` as RuleLabelKey);
    }
    if (event.type === 'DOCUMENT' && event.action && DOCUMENT_ACTIONS.has(event.action)) return t(`event.${event.action as 'requested'}`);
    if (event.type === 'CREATED' || event.type === 'MESSAGE' || event.type === 'NOTE') return t(`event.${event.type}`);
    return t('event.other');
  };
  if (events.length === 0) return <p className="text-slate-700">{t('noEvents')}</p>;
  return (
    <ol className="space-y-4 border-l-2 border-slate-200 pl-4" data-testid="portal-timeline">
      {events.map((event) => (
        <li key={event.id}>
          <p className="font-medium text-slate-900">{title(event)}</p>
          <p className="text-sm text-slate-600">
            {((day) => (day ? <time dateTime={day}>{dates.long(day)}</time> : <time dateTime={event.occurredAt.toISOString()}>{dates.instantDate(event.occurredAt)}</time>))(event.occurredOn)}
          </p>
          {event.note ? (
            <p className="mt-1 whitespace-pre-wrap break-words rounded-md bg-red-50 p-2 text-sm text-red-900">
              <span className="font-medium">{t('reason')}</span> {event.note}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
