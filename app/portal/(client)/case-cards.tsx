import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { AppLocale } from '@/lib/i18n/config';
import { ruleLabel } from '@/lib/rules/labels';
import { phaseOf } from '@/lib/rules/stages';
import type { PortalOverview } from '@/lib/server/portal/get-portal-overview';

type Case = PortalOverview['cases'][number];

function Row({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-sm font-medium text-slate-600">{term}</dt>
      <dd className="text-slate-900">{children}</dd>
    </div>
  );
}

/** One card per case: where it stands and what comes next, in plain words, and who to ask. */
export async function CaseCards({ cases, locale }: { cases: Case[]; locale: AppLocale }) {
  const t = await getTranslations('portalCase.home');
  const tn = await getTranslations('portalCase.nextStep');
  const tp = await getTranslations('portal');
  return (
    <section aria-labelledby="cases-heading" className="space-y-3">
      <h2 id="cases-heading" className="text-lg font-semibold">{t('casesHeading')}</h2>
      <ul className="space-y-4">
        {cases.map((kase) => {
          const phase = phaseOf(kase.stage);
          const advisor = kase.assignedTo;
          return (
            <li key={kase.id} data-testid="portal-case" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
              <h3 id={`case-${kase.id}`} className="text-lg font-semibold">{ruleLabel(locale, `procedure.${kase.procedure}`)}</h3>
              <p className="text-sm text-slate-600">{tp('reference', { reference: kase.reference })}</p>
              <dl className="mt-3 space-y-3">
                {phase ? <Row term={t('phase')}>{ruleLabel(locale, `phase.${phase}`)}</Row> : null}
                <Row term={t('stage')}><span data-testid="portal-stage">{ruleLabel(locale, `stage.${kase.stage}`)}</span></Row>
                <Row term={t('next')}>{kase.closedAt ? t('closed') : tn(kase.stage)}</Row>
                {advisor ? (
                  <Row term={t('advisor')}>
                    <span className="block">{advisor.name ?? advisor.email}</span>
                    <a href={`mailto:${advisor.email}`} className="inline-flex min-h-11 items-center break-all text-brand-700 underline">{advisor.email}</a>
                  </Row>
                ) : null}
              </dl>
              <Link
                href={`/portal/cases/${kase.id}`}
                aria-describedby={`case-${kase.id}`}
                className="mt-4 flex min-h-12 w-full items-center justify-center rounded-md bg-brand-700 px-4 py-2 text-center font-medium text-white hover:bg-brand-900 sm:w-auto sm:inline-flex"
              >
                {t('open')}
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
