import { getTranslations } from 'next-intl/server';
import type { PortalOverview } from '@/lib/server/portal/get-portal-overview';

/** Only the family links the advisor chose to show in the portal (the overview selects no others). */
export async function FamilyMembers({ links }: { links: PortalOverview['links'] }) {
  if (links.length === 0) return null;
  const t = await getTranslations('portalCase.family');
  return (
    <section aria-labelledby="family-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
      <h2 id="family-heading" className="text-lg font-semibold">{t('heading')}</h2>
      <ul className="divide-y divide-slate-200">
        {links.map((link) => (
          <li key={`${link.relation}-${link.related.firstName}-${link.related.lastName}`} className="py-2">
            <span className="font-medium">{link.related.firstName} {link.related.lastName}</span>
            <span className="block text-sm text-slate-600">{t(`relation.${link.relation}`)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
