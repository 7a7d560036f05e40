import { getTranslations } from 'next-intl/server';
import type { OutboxStatus } from '@/lib/generated/prisma/enums';

const STATUS_STYLE: Record<OutboxStatus, string> = {
  PENDING: 'bg-slate-100 text-slate-800',
  SENDING: 'bg-sky-100 text-sky-900',
  SENT: 'bg-emerald-100 text-emerald-900',
  RETRYING: 'bg-amber-100 text-amber-900',
  FAILED: 'bg-red-100 text-red-900',
};

export async function OutboxStatusBadge({ status }: { status: OutboxStatus }) {
  const t = await getTranslations('outbox.status');
  return <span className={`inline-block whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-semibold ${STATUS_STYLE[status]}`}>{t(status)}</span>;
}

type Translator = Awaited<ReturnType<typeof getTranslations<'outbox'>>>;

/** The template's name in the reader's language; a template the catalogue does not know shows as stored. */
export function templateLabel(t: Translator, template: string): string {
  return t.has(`templates.${template}`) ? t(`templates.${template}`) : template;
}
