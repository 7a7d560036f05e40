import type { getTranslations } from 'next-intl/server';

type Translator = Awaited<ReturnType<typeof getTranslations<'inquiries'>>>;

/** "3 days left" (red when fewer than 10 remain), "Last day today", or "Deadline passed". */
export function AppealBadge({ daysLeft, urgent, t }: { daysLeft: number; urgent: boolean; t: Translator }) {
  const text = daysLeft < 0 ? t('deadlinePassed') : daysLeft === 0 ? t('lastDay') : t('daysLeft', { days: daysLeft });
  const tone = daysLeft < 0 ? 'bg-slate-200 text-slate-800' : urgent ? 'bg-red-100 text-red-900' : 'bg-amber-50 text-amber-900';
  return (
    <span data-testid="appeal-badge" className={`inline-block rounded-full px-2 py-0.5 text-xs font-semibold ${tone}`}>
      {text}
    </span>
  );
}
