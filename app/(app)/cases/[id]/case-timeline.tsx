import { getTranslations } from 'next-intl/server';
import { eventOccurredOn } from '@/lib/case-event-date';
import { getDateFormatter } from '@/lib/format/get-date-formatter';
import type { AppLocale } from '@/lib/i18n/config';
import { ruleLabel } from '@/lib/rules/labels';

type Event = { id: string; type: string; payload: unknown; transition: string | null; toStage: string | null; visibility: 'INTERNAL' | 'CLIENT'; note: string | null; occurredAt: Date; actor: { name: string | null; email: string } | null };

export async function CaseTimeline({ events, locale }: { events: Event[]; locale: AppLocale }) {
  const t = await getTranslations('caseView');
  const td = await getTranslations('documents');
  const dates = await getDateFormatter();
  const when = (event: Event) => {
    const day = eventOccurredOn(event.payload, event.occurredAt);
    return day ? <time dateTime={day}>{dates.long(day)}</time> : <time dateTime={event.occurredAt.toISOString()}>{dates.dateTime(event.occurredAt)}</time>;
  };
  const title = (event: Event) => {
    if (event.type === 'TRANSITION' && event.transition) return ruleLabel(locale, `transition.${event.transition}` as 'transition.CLOSE');
    if (event.type === 'CREATED') return t('created');
    if (event.type === 'FACTS_CHANGED') {
      const roll = (event.payload as { rvvRollNumber?: string } | null)?.rvvRollNumber;
      return roll ? t('rollNumberRecorded', { roll }) : t('factsChanged');
    }
    if (event.type === 'NOTE') return t('noteAdded');
    if (event.type === 'TASK') {
      const action = (event.payload as { action?: string } | null)?.action;
      return action === 'completed' ? t('taskCompleted') : action === 'deleted' ? t('taskDeleted') : t('taskAdded');
    }
    if (event.type === 'MESSAGE') return t('clientMessage');
    if (event.type === 'DOCUMENT') {
      const action = (event.payload as { action?: string } | null)?.action;
      if (action === 'uploaded' || action === 'requested' || action === 'approved' || action === 'rejected' || action === 'attached' || action === 'deleted') return td(`event.${action}`);
    }
    return event.type;
  };
  return (
    <ol className="space-y-3 border-l-2 border-slate-200 pl-4">
      {events.map((event) => (
        <li key={event.id} className="text-sm">
          <p className="font-medium">
            {title(event)}
            {event.toStage ? <span className="font-normal text-slate-600"> → {ruleLabel(locale, `stage.${event.toStage}` as 'stage.CLOSED')}</span> : null}
          </p>
          <p className="text-xs text-slate-600">
            {when(event)} · {event.actor?.name ?? event.actor?.email ?? ''} · {event.visibility === 'CLIENT' ? t('clientVisible') : t('internalOnly')}
          </p>
          {event.note ? <p className="mt-1 whitespace-pre-wrap text-slate-800">{event.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}
