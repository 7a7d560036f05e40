import { getTranslations } from 'next-intl/server';
import { getDateFormatter } from '@/lib/format/get-date-formatter';
import type { PortalCase } from '@/lib/server/portal/get-portal-case';

/** The messages between client and advisor, oldest first: the client's own on the right, the advisor's on the left. */
export async function Conversation({ messages }: { messages: PortalCase['notes'] }) {
  const t = await getTranslations('portalCase.case');
  const dates = await getDateFormatter();
  if (messages.length === 0) return <p className="text-slate-700">{t('noMessages')}</p>;
  return (
    <ol className="space-y-3" data-testid="conversation">
      {messages.map((message) => (
        <li key={message.id} data-testid={message.fromClient ? 'message-mine' : 'message-advisor'} className={`flex ${message.fromClient ? 'justify-end' : 'justify-start'}`}>
          <div className={`min-w-0 max-w-[85%] rounded-lg p-3 ${message.fromClient ? 'bg-brand-50 text-slate-900' : 'border border-slate-200 bg-slate-50 text-slate-900'}`}>
            <p className="text-xs text-slate-700">
              <span className="font-semibold">{message.fromClient ? t('you') : (message.author?.name ?? t('advisor'))}</span>
              {' · '}
              <time dateTime={message.createdAt.toISOString()}>{dates.dateTime(message.createdAt)}</time>
            </p>
            <p className="mt-1 whitespace-pre-wrap break-words">{message.body}</p>
          </div>
        </li>
      ))}
    </ol>
  );
}
