import { getTranslations } from 'next-intl/server';
import { getDateFormatter } from '@/lib/format/get-date-formatter';
import { ActionForm } from '@/components/form/action-form';
import { ComboboxField } from '@/components/form/combobox-field';
import { ConfirmDeleteForm } from '@/components/form/confirm-delete-form';
import { SubmitButton } from '@/components/form/submit-button';
import type { StaffActor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import { brusselsDate } from '@/lib/dates';
import { formatPoints, pointListOn } from '@/lib/rules/legal-aid-points';
import type { Locale } from '@/lib/rules/vocabulary';
import { getCaseLegalAid } from '@/lib/server/legal-aid/get-case-legal-aid';
import { addLegalAidEntryAction, closeLegalAidAction, removeLegalAidEntryAction, setLegalAidDesignationAction } from './legal-aid-actions';
import { DateInput } from '@/components/form/date-input';

/**
 * Legal aid (pro deo) of the case: the BJB/BAJ's designation, the services entered against the point list in force
 * (each entry keeps the list that valued it), and, for advisors and admins, closing and the closing report.
 */
export async function LegalAidSection({ actor, caseId, locale }: { actor: StaffActor; caseId: string; locale: Locale }) {
  const [{ report, lawyers }, t, dates] = await Promise.all([getCaseLegalAid({ actor, caseId, locale }), getTranslations('legalAid'), getDateFormatter()]);
  const today = brusselsDate();
  const list = pointListOn(today);
  const mayReport = can(actor.role, 'legal_aid.report');
  const mayRemove = can(actor.role, 'legal_aid.delete');
  const input = 'w-full rounded-md border border-slate-300 px-2 py-1';
  const d = report?.designation;
  const open = report !== null && !d?.closedOn;
  return (
    <section aria-label={t('heading')} className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 className="font-semibold">{t('heading')}</h2>
      <p className="text-sm text-slate-600">{t('intro')}</p>
      {report ? null : <p className="text-sm text-slate-600">{t('notDesignated')}</p>}
      {d?.closedOn ? <p className="text-sm font-medium">{t('close.closedOnDate', { date: dates.long(d.closedOn) })}</p> : null}
      <ActionForm action={setLegalAidDesignationAction} className="grid gap-2 text-sm sm:grid-cols-2" success={t('designation.saved')} fieldMessages="legalAid.fields" aria-label={t('designation.heading')}>
        <input type="hidden" name="caseId" value={caseId} />
        <label className="space-y-1">
          <span className="block font-medium">{t('designation.designatedOn')}</span>
          <DateInput name="designatedOn" required defaultValue={d?.designatedOn ?? today} className={input} />
        </label>
        <label className="space-y-1">
          <span className="block font-medium">{t('designation.designationNumber')}</span>
          <input name="designationNumber" required maxLength={64} defaultValue={d?.designationNumber ?? ''} className={input} />
        </label>
        <label className="space-y-1">
          <span className="block font-medium">{t('designation.bar')}</span>
          <input name="bar" required maxLength={100} defaultValue={d?.bar ?? ''} className={input} />
        </label>
        <ComboboxField
          id={`legal-aid-lawyer-${caseId}`}
          label={t('designation.lawyer')}
          name="lawyerId"
          options={lawyers.map((lawyer) => ({ value: lawyer.id, label: lawyer.name }))}
          defaultValue={d?.lawyerId ?? (actor.role === 'ASSISTANT' ? '' : actor.userId)}
        />
        <label className="space-y-1">
          <span className="block font-medium">{t('designation.clientContribution')}</span>
          <input name="clientContributionCents" inputMode="decimal" defaultValue={d ? (d.clientContributionCents / 100).toFixed(2) : '0'} className={input} />
        </label>
        <div className="self-end"><SubmitButton className="text-sm">{t('designation.save')}</SubmitButton></div>
      </ActionForm>
      {report ? (
        <div className="space-y-2 border-t border-slate-100 pt-3 text-sm">
          <h3 className="font-medium">{t('entries.heading')}</h3>
          {report.groups.length === 0 ? <p className="text-slate-600">{t('entries.none')}</p> : null}
          {report.groups.map((group) => (
            <ul key={group.pointListId} className="space-y-1" aria-label={t('entries.list', { id: group.pointListId })}>
              {group.entries.map((entry) => (
                <li key={entry.id} className="rounded-md bg-slate-50 p-2">
                  <p>
                    {dates.long(entry.performedOn)} · {entry.itemCode} · {entry.label} · ×{entry.quantity} · {formatPoints(entry.pointsHundredths)} · {t('entries.list', { id: group.pointListId })}
                  </p>
                  {entry.note ? <p className="whitespace-pre-wrap text-slate-700">{entry.note}</p> : null}
                  {open && mayRemove ? <ConfirmDeleteForm action={removeLegalAidEntryAction} fields={{ caseId, entryId: entry.id }} name={`${entry.itemCode} ${entry.performedOn}`} label={t('entries.remove')} /> : null}
                </li>
              ))}
              <li className="font-medium">{t('entries.subtotal', { id: group.pointListId })}: {formatPoints(group.subtotalHundredths)}</li>
            </ul>
          ))}
          <p className="font-semibold">{t('entries.total')}: <span data-testid="legal-aid-total">{formatPoints(report.totalHundredths)}</span></p>
        </div>
      ) : null}
      {open && list ? (
        <ActionForm action={addLegalAidEntryAction} className="grid gap-2 border-t border-slate-100 pt-3 text-sm sm:grid-cols-2" success={t('entries.added')} fieldMessages="legalAid.fields" aria-label={t('entries.add')}>
          <input type="hidden" name="caseId" value={caseId} />
          <label className="space-y-1 sm:col-span-2">
            <span className="block font-medium">{t('entries.item')}</span>
            <select name="itemCode" className={input}>
              {list.items.map((item) => <option key={item.code} value={item.code}>{t('entries.itemOption', { code: item.code, label: item.labels[locale], points: formatPoints(item.points), list: list.id })}</option>)}
            </select>
          </label>
          <label className="space-y-1">
            <span className="block font-medium">{t('entries.performedOn')}</span>
            <DateInput name="performedOn" required defaultValue={today} className={input} />
          </label>
          <label className="space-y-1">
            <span className="block font-medium">{t('entries.quantity')}</span>
            <input name="quantity" type="number" min={1} max={999} defaultValue={1} className={input} />
          </label>
          <label className="space-y-1 sm:col-span-2">
            <span className="block font-medium">{t('entries.note')}</span>
            <input name="note" maxLength={1000} className={input} />
          </label>
          <div className="sm:col-span-2"><SubmitButton className="text-sm">{t('entries.add')}</SubmitButton></div>
        </ActionForm>
      ) : null}
      {report && mayReport ? (
        <div className="flex flex-wrap items-end gap-3 border-t border-slate-100 pt-3 text-sm">
          <a href={`/api/cases/${caseId}/legal-aid/csv`} className="text-brand-700 underline" download>{t('report.csv')}</a>
          <a href={`/api/cases/${caseId}/legal-aid/pdf`} className="text-brand-700 underline" download>{t('report.pdf')}</a>
          {open ? (
            <ActionForm action={closeLegalAidAction} className="flex items-end gap-2" success={t('close.closed')} fieldMessages="legalAid.fields" aria-label={t('close.submit')}>
              <input type="hidden" name="caseId" value={caseId} />
              <label className="space-y-1">
                <span className="block font-medium">{t('close.closedOn')}</span>
                <DateInput name="closedOn" required defaultValue={today} className={input} />
              </label>
              <SubmitButton className="text-sm">{t('close.submit')}</SubmitButton>
            </ActionForm>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
