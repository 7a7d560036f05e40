import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { DashboardScope } from '@/lib/server/dashboard/dashboard-scope';

/** Links, not a form: the choice lives in the URL, so it can be bookmarked and the back button undoes it. */
export async function ScopeSwitch({ scope }: { scope: DashboardScope }) {
  const t = await getTranslations('dashboard.scope');
  const option = (value: DashboardScope) => (
    <Link
      href={value === 'mine' ? '/dashboard' : '/dashboard?scope=firm'}
      aria-current={scope === value ? 'page' : undefined}
      scroll={false}
      className={`rounded-md px-3 py-1 ${scope === value ? 'bg-brand-700 text-white' : 'text-brand-700 hover:bg-brand-50'}`}
    >
      {t(value)}
    </Link>
  );
  return (
    <nav aria-label={t('label')} className="flex items-center gap-2 text-sm">
      <span className="text-slate-600">{t('label')}:</span>
      {option('mine')}
      {option('firm')}
    </nav>
  );
}
