import { getTranslations } from 'next-intl/server';

const STEPS = ['upload', 'mapping', 'check', 'import'] as const;
export type ImportStep = (typeof STEPS)[number];

/** Where the person is in the four steps; done steps and the current one are said, not only coloured. */
export async function ImportSteps({ current, finished = false }: { current: ImportStep; finished?: boolean }) {
  const t = await getTranslations('importer.steps');
  const at = STEPS.indexOf(current);
  return (
    <ol aria-label={t('label')} className="flex flex-wrap gap-2 text-sm">
      {STEPS.map((step, index) => {
        const done = index < at || (finished && index === at);
        const isCurrent = index === at && !finished;
        return (
          <li
            key={step}
            aria-current={isCurrent ? 'step' : undefined}
            className={`rounded-full border px-3 py-1 ${isCurrent ? 'border-brand-700 bg-brand-700 text-white' : done ? 'border-brand-100 bg-brand-50 text-brand-900' : 'border-slate-300 bg-white text-slate-700'}`}
          >
            {index + 1}. {t(step)}
            {done ? <span className="sr-only"> {t('done')}</span> : null}
            {isCurrent ? <span className="sr-only"> {t('current')}</span> : null}
          </li>
        );
      })}
    </ol>
  );
}
