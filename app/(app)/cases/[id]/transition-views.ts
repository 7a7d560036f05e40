import type { AppLocale } from '@/lib/i18n/config';
import { ruleLabel } from '@/lib/rules/labels';
import { transitionFields } from '@/lib/rules/stage-machine';
import type { TransitionId } from '@/lib/rules/transitions';
import { APPEAL_REGIMES, APPEAL_RESULTS, CARD_TYPES } from '@/lib/rules/vocabulary';
import type { TransitionView } from './transition-forms';

/** The transition facts that are calendar dates (notifiedOn, since, validUntil, ...): typed day first in the form. */
export const DATE_FACT = /On$|^since$|^valid(From|Until)$/;

// The form for each allowed move is built from the transition's own schema in lib/rules, so the fields
// asked for are exactly the facts the rules need.
export function transitionViews(ids: TransitionId[], locale: AppLocale): TransitionView[] {
  const options = (field: string) => {
    if (field === 'cardType') return CARD_TYPES.map((c) => ({ value: c, label: ruleLabel(locale, `card.${c}`) }));
    if (field === 'regime') return APPEAL_REGIMES.map((r) => ({ value: r, label: ruleLabel(locale, `regime.${r}`) }));
    if (field === 'result') return APPEAL_RESULTS.map((r) => ({ value: r, label: ruleLabel(locale, `appealResult.${r}`) }));
    if (field === 'outcome') return (['REFUSED', 'WITHDRAWN'] as const).map((o) => ({ value: o, label: ruleLabel(locale, `outcome.${o}`) }));
    return undefined;
  };
  return ids.map((id) => ({
    id,
    label: ruleLabel(locale, `transition.${id}`),
    fields: transitionFields(id).map(({ field, required }) => {
      const choices = options(field);
      const kind = choices ? 'select' : DATE_FACT.test(field) ? 'date' : field === 'statedPeriodDays' ? 'number' : 'text';
      return { field, required, kind, ...(choices ? { options: choices } : {}) } as TransitionView['fields'][number];
    }),
  }));
}
