import { getTranslations } from 'next-intl/server';
import { getDateFormatter } from '@/lib/format/get-date-formatter';
import { LegalDate } from '@/components/dates/legal-date';
import { UploadDropzone } from '@/components/documents/upload-dropzone';
import { ActionForm } from '@/components/form/action-form';
import { SubmitButton } from '@/components/form/submit-button';
import type { StaffActor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import { env } from '@/lib/env';
import type { AppLocale } from '@/lib/i18n/config';
import type { DecisionWorkspace } from '@/lib/server/decision/get-decision-workspace';
import { confirmDeadlineAction } from './appeal-actions';
import { DecisionIntakeReview } from './decision-intake-review';

const DECISION_ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

/** The decision letter read into the case, and the appeal deadline's second check (four eyes) where the firm asks for it. */
export async function DecisionPanel({ actor, caseId, version, workspace, locale }: { actor: StaffActor; caseId: string; version: number; workspace: DecisionWorkspace; locale: AppLocale }) {
  const t = await getTranslations('decisions');
  const dates = await getDateFormatter();
  const deadline = workspace.appealDeadline;
  const maxBytes = env().UPLOAD_MAX_BYTES;
  const mayConfirm = deadline && deadline.required && !deadline.confirmedAt && deadline.status === 'OPEN' && can(actor.role, 'deadline.confirm');
  return (
    <section aria-label={t('heading')} className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm" data-testid="decision-panel">
      <h2 className="font-semibold">{t('heading')}</h2>
      {deadline ? (
        <div className="space-y-2 text-sm" data-testid="appeal-deadline">
          <p><span className="font-medium">{t('deadline.label')}:</span> <LegalDate date={deadline.dueOn} locale={locale} />
            {deadline.required ? (deadline.confirmedAt
              ? <span className="ml-2 rounded bg-emerald-100 px-2 py-0.5 text-xs text-emerald-900" data-testid="deadline-confirmed">{t('deadline.confirmedBy', { name: deadline.confirmedBy ?? '' })}</span>
              : <span className="ml-2 rounded bg-amber-100 px-2 py-0.5 text-xs text-amber-900" data-testid="deadline-unconfirmed">{t('deadline.unconfirmed')}</span>) : null}
          </p>
          {mayConfirm ? (deadline.actorMayConfirm ? (
            <ActionForm action={confirmDeadlineAction} success={t('deadline.thanks')}>
              <input type="hidden" name="caseId" value={caseId} />
              <input type="hidden" name="deadlineId" value={deadline.id} />
              <SubmitButton className="text-sm">{t('deadline.confirm', { date: dates.long(deadline.dueOn) })}</SubmitButton>
            </ActionForm>
          ) : <p className="text-xs text-slate-600">{t('deadline.askColleague')}</p>) : null}
        </div>
      ) : null}
      {workspace.intakes.map((intake) => <DecisionIntakeReview key={intake.id} intake={intake} caseId={caseId} version={version} locale={locale} />)}
      {can(actor.role, 'decision.intake') ? (
        <UploadDropzone target={{ caseId }} maxBytes={maxBytes} label={t('upload.label')} endpoint="/api/decisions/upload" multiple={false} accept={DECISION_ACCEPT} hint={t('upload.hint')} />
      ) : null}
    </section>
  );
}
