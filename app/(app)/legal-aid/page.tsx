import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { FormMessage } from '@/components/form/form-message';
import { can } from '@/lib/auth/permissions';
import { requireWorkingStaff } from '@/lib/auth/require-working-staff';
import { brusselsDate } from '@/lib/dates';
import { formatPoints } from '@/lib/rules/legal-aid-points';
import { yearlyLegalAidOverview } from '@/lib/server/legal-aid/yearly-legal-aid-overview';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('legalAid.overview');
  return { title: t('heading') };
}

/** The yearly legal-aid overview: an advisor's own line, every lawyer's for an admin; the year from ?year=. */
export default async function LegalAidOverviewPage({ searchParams }: { searchParams: Promise<{ year?: string }> }) {
  const actor = await requireWorkingStaff();
  const t = await getTranslations('legalAid');
  if (!can(actor.role, 'legal_aid.report')) {
    return (
      <div className="max-w-3xl space-y-4">
        <h1 className="text-2xl font-semibold">{t('overview.heading')}</h1>
        <FormMessage tone="info">{t('overview.notAllowed')}</FormMessage>
      </div>
    );
  }
  const thisYear = Number(brusselsDate().slice(0, 4));
  const asked = Number((await searchParams).year);
  const year = Number.isInteger(asked) && asked >= 2016 && asked <= thisYear + 1 ? asked : thisYear;
  const { rows } = await yearlyLegalAidOverview({ actor, input: { year } });
  const years = Array.from({ length: thisYear - 2016 + 2 }, (_, i) => thisYear + 1 - i);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t('overview.heading')}</h1>
      <p className="max-w-3xl text-slate-700">{t('overview.intro')}</p>
      <form method="get" className="flex items-end gap-2 text-sm">
        <label className="space-y-1">
          <span className="block font-medium">{t('overview.year')}</span>
          <select name="year" defaultValue={String(year)} className="rounded-md border border-slate-300 px-2 py-1">
            {years.map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </label>
        <button type="submit" className="rounded-md border border-slate-300 px-3 py-1">{t('overview.show')}</button>
      </form>
      {rows.length === 0 ? <p className="text-sm text-slate-600">{t('overview.none')}</p> : (
        <table className="min-w-full text-left text-sm">
          <thead>
            <tr className="border-b border-slate-200">
              <th scope="col" className="py-2 pr-4">{t('overview.lawyer')}</th>
              <th scope="col" className="py-2 pr-4">{t('overview.designated')}</th>
              <th scope="col" className="py-2 pr-4">{t('overview.closed')}</th>
              <th scope="col" className="py-2 pr-4">{t('overview.points')}</th>
              <th scope="col" className="py-2 pr-4">{t('overview.performed')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.lawyerId} className="border-b border-slate-100">
                <th scope="row" className="py-2 pr-4 font-medium">{row.lawyerName}</th>
                <td className="py-2 pr-4">{row.designated}</td>
                <td className="py-2 pr-4">{row.closed}</td>
                <td className="py-2 pr-4">{formatPoints(row.closedPointsHundredths)}</td>
                <td className="py-2 pr-4">{formatPoints(row.performedPointsHundredths)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
