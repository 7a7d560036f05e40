import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requireWorkingStaff } from '@/lib/auth/require-working-staff';
import { CASE_STAGES } from '@/lib/rules/vocabulary';
import { ruleLabel } from '@/lib/rules/labels';
import { countCasesByStage } from '@/lib/server/case/count-cases-by-stage';
import { getLocale } from 'next-intl/server';
import type { AppLocale } from '@/lib/i18n/config';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('dashboard');
  return { title: t('heading') };
}

export default async function DashboardPage() {
  const actor = await requireWorkingStaff();
  const t = await getTranslations('dashboard');
  const locale = (await getLocale()) as AppLocale;
  const counts = await countCasesByStage({ actor });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t('heading')}</h1>
      <section aria-labelledby="stages-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="stages-heading" className="mb-3 font-semibold">
          {t('byStage')}
        </h2>
        <table className="w-full text-sm">
          <thead>
            <tr className="border-b border-slate-200 text-left text-slate-600">
              <th scope="col" className="py-2 font-medium">{t('stage')}</th>
              <th scope="col" className="py-2 text-right font-medium">{t('mine')}</th>
              <th scope="col" className="py-2 text-right font-medium">{t('firm')}</th>
            </tr>
          </thead>
          <tbody>
            {CASE_STAGES.map((stage) => (
              <tr key={stage} className="border-b border-slate-100 last:border-0">
                <th scope="row" className="py-2 text-left font-normal">{ruleLabel(locale, `stage.${stage}`)}</th>
                <td className="py-2 text-right tabular-nums">{counts.mine[stage] ?? 0}</td>
                <td className="py-2 text-right tabular-nums">{counts.firm[stage] ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
