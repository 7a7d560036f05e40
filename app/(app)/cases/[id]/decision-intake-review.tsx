import { getTranslations } from 'next-intl/server';
import { highlightSegments } from '@/components/decisions/highlight-segments';
import { ActionForm } from '@/components/form/action-form';
import { SubmitButton } from '@/components/form/submit-button';
import type { AppLocale } from '@/lib/i18n/config';
import { DECISION_FIELDS, DECISION_TYPES, NOTIFICATION_METHODS } from '@/lib/rules/decision-letter/vocabulary';
import type { DecisionProposal } from '@/lib/rules/decision-letter/read-decision-letter';
import { ruleLabel, type RuleLabelKey } from '@/lib/rules/labels';
import { APPEAL_REGIMES, DECISION_OUTCOMES } from '@/lib/rules/vocabulary';
import type { DecisionWorkspace } from '@/lib/server/decision/get-decision-workspace';
import { confirmDecisionAction, discardDecisionAction } from './appeal-actions';
import { DateInput } from '@/components/form/date-input';

const input = 'block w-full rounded-md border px-2 py-1 text-sm';
type Intake = DecisionWorkspace['intakes'][number];

/**
 * One letter as read: its text with each proposal highlighted, and the form where the advisor confirms or
 * corrects every field. A field the reader did not find is empty and marked; a doubtful date carries its flag.
 */
export async function DecisionIntakeReview({ intake, caseId, version, locale }: { intake: Intake; caseId: string; version: number; locale: AppLocale }) {
  const t = await getTranslations('decisions');
  const p: DecisionProposal = intake.proposal;
  const found = (field: (typeof DECISION_FIELDS)[number]) => p[field] as { value: string | number; start: number; end: number } | null;
  const segments = highlightSegments(intake.text, DECISION_FIELDS.flatMap((field) => { const f = found(field); return f ? [{ field, start: f.start, end: f.end }] : []; }));
  const note = (field: (typeof DECISION_FIELDS)[number]) => {
    const flags = p.flags[field] ?? [];
    return (
      <>
        {found(field) ? null : <span className="block text-xs font-medium text-amber-800" data-testid={`not-found-${field}`}>{t('review.notFound')}</span>}
        {flags.map((flag) => <span key={flag} role="alert" className="block text-xs font-medium text-red-800" data-testid={`flag-${field}`}>{t(`review.flags.${flag}`)}</span>)}
      </>
    );
  };
  const cls = (field: (typeof DECISION_FIELDS)[number]) => `${input} ${(p.flags[field] ?? []).length ? 'border-red-600' : found(field) ? 'border-slate-300' : 'border-amber-500 bg-amber-50'}`;
  const value = (field: (typeof DECISION_FIELDS)[number]) => String(found(field)?.value ?? '');
  const select = (field: 'decisionType' | 'outcome' | 'notificationMethod' | 'regime', options: readonly string[], label: (o: string) => string) => (
    <label className="space-y-1 text-sm font-medium">{t(`fields.${field}`)}
      <select name={field} defaultValue={value(field)} className={cls(field)} data-field={field}>
        <option value="">{t('review.choose')}</option>
        {options.map((o) => <option key={o} value={o}>{label(o)}</option>)}
      </select>
      {note(field)}
    </label>
  );
  const date = (field: 'decisionDate' | 'notifiedOn') => (
    <label className="space-y-1 text-sm font-medium">{t(`fields.${field}`)}
      <DateInput name={field} defaultValue={value(field)} className={cls(field)} data-field={field} />
      {note(field)}
    </label>
  );
  return (
    <article className="space-y-3 rounded-md border border-slate-200 p-3" data-testid="decision-intake">
      <p className="text-xs text-slate-600">{t(intake.readMethod === 'OCR' ? 'review.readByOcr' : 'review.readFromText')} · <a className="text-brand-700 underline underline-offset-2" href={`/api/documents/versions/${intake.versionId}?inline=1`} target="_blank" rel="noopener">{t('review.openLetter')}</a></p>
      <div className="grid gap-4 xl:grid-cols-2">
        <pre className="max-h-96 overflow-auto whitespace-pre-wrap rounded bg-slate-50 p-2 text-xs leading-relaxed" aria-label={t('review.letterText')} tabIndex={0}>
          {segments.map((s, i) => (s.field ? <mark key={i} data-field={s.field} title={t(`fields.${s.field}`)} className="rounded bg-yellow-200 px-0.5">{s.text}</mark> : s.text))}
        </pre>
        <ActionForm action={confirmDecisionAction} className="space-y-3" fieldMessages="decisions.fields" aria-label={t('review.confirmForm')}>
          <input type="hidden" name="caseId" value={caseId} />
          <input type="hidden" name="intakeId" value={intake.id} />
          <input type="hidden" name="version" value={version} />
          <div className="grid gap-3 sm:grid-cols-2">
            {select('decisionType', DECISION_TYPES, (o) => t(`types.${o}`))}
            {select('outcome', DECISION_OUTCOMES, (o) => ruleLabel(locale, `outcome.${o}` as RuleLabelKey))}
            {date('decisionDate')}
            {date('notifiedOn')}
            {select('notificationMethod', NOTIFICATION_METHODS, (o) => t(`methods.${o}`))}
            <label className="space-y-1 text-sm font-medium">{t('fields.dvzFileNumber')}
              <input name="dvzFileNumber" defaultValue={value('dvzFileNumber')} className={cls('dvzFileNumber')} data-field="dvzFileNumber" />
              {note('dvzFileNumber')}
            </label>
            {select('regime', APPEAL_REGIMES, (o) => ruleLabel(locale, `regime.${o}` as RuleLabelKey))}
            <label className="space-y-1 text-sm font-medium">{t('fields.statedPeriodDays')}
              <input type="number" min={1} max={365} name="statedPeriodDays" defaultValue={value('statedPeriodDays')} className={cls('statedPeriodDays')} data-field="statedPeriodDays" />
              {note('statedPeriodDays')}
            </label>
          </div>
          <SubmitButton className="text-sm">{t('review.confirm')}</SubmitButton>
        </ActionForm>
      </div>
      <ActionForm action={discardDecisionAction} className="text-right">
        <input type="hidden" name="caseId" value={caseId} />
        <input type="hidden" name="intakeId" value={intake.id} />
        <button type="submit" className="text-xs text-slate-600 underline">{t('review.discard')}</button>
      </ActionForm>
    </article>
  );
}
