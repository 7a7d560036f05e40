import { getTranslations } from 'next-intl/server';
import type { AppLocale } from '@/lib/i18n/config';
import { ruleLabel } from '@/lib/rules/labels';
import type { PortalOverview } from '@/lib/server/portal/get-portal-overview';
import { plainDateFormatter } from './plain-dates';

/** "My card": the residence card on each case that has one, and when its renewal must be asked for. */
export async function MyCards({ cases, locale }: { cases: PortalOverview['cases']; locale: AppLocale }) {
  const withCard = cases.filter((kase) => kase.cardType || kase.cardNumber || kase.cardValidUntil);
  if (withCard.length === 0) return null;
  const t = await getTranslations('portalCase.card');
  const date = await plainDateFormatter();
  return (
    <section aria-labelledby="card-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
      <h2 id="card-heading" className="text-lg font-semibold">{t('heading')}</h2>
      <ul className="space-y-4">
        {withCard.map((kase) => {
          const renewal = kase.deadlines.find((deadline) => deadline.kind === 'RENEWAL_WINDOW');
          return (
            <li key={kase.id} data-testid="portal-card" className="space-y-3 rounded-md border border-slate-200 p-3">
              <dl className="grid gap-2 sm:grid-cols-3">
                {kase.cardType ? (
                  <div><dt className="text-sm text-slate-600">{t('type')}</dt><dd className="font-medium">{ruleLabel(locale, `card.${kase.cardType}`)}</dd></div>
                ) : null}
                {kase.cardNumber ? (
                  <div><dt className="text-sm text-slate-600">{t('number')}</dt><dd className="break-all font-medium">{kase.cardNumber}</dd></div>
                ) : null}
                {kase.cardValidUntil ? (
                  <div><dt className="text-sm text-slate-600">{t('validUntil')}</dt><dd className="font-medium">{date(kase.cardValidUntil)}</dd></div>
                ) : null}
              </dl>
              <div className="space-y-1">
                <h3 className="font-medium">{t('renewal')}</h3>
                {renewal ? (
                  <>
                    <p className="font-semibold">{renewal.opensOn ? t('renewalWindow', { from: date(renewal.opensOn), until: date(renewal.dueOn) }) : t('renewalBy', { date: date(renewal.dueOn) })}</p>
                    <p className="text-sm text-slate-700">{t('renewalBasis')}</p>
                  </>
                ) : (
                  <p className="text-slate-700">{t('renewalUnknown')}</p>
                )}
              </div>
              <p className="text-xs text-slate-600">{ruleLabel(locale, `procedure.${kase.procedure}`)} · <span className="whitespace-nowrap">{kase.reference}</span></p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
