import { Clock, FileText, Plus } from 'lucide-react';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { getDateFormatter } from '@/lib/format/get-date-formatter';
import { ActionForm } from '@/components/form/action-form';
import { ConfirmDeleteForm } from '@/components/form/confirm-delete-form';
import { SubmitButton } from '@/components/form/submit-button';
import type { StaffActor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import { brusselsDate } from '@/lib/dates';
import { VAT_RATES } from '@/lib/server/billing/billing-schemas';
import { listCaseBillables } from '@/lib/server/billing/list-case-billables';
import { listServices } from '@/lib/server/service/list-services';
import { localizedText } from '@/lib/server/service/service-view';
import { addFeeItemAction, addTimeEntryAction, cancelFeeNoteAction, issueFeeNoteAction, recordFeeNotePaymentAction, removeFeeItemAction, removeTimeEntryAction } from './fee-note-actions';
import { DateInput } from '@/components/form/date-input';
import { ActionDialog } from '@/components/form/action-dialog';

const input = 'w-full rounded-md border border-slate-300 px-2 py-1';

function VatSelect({ label, fromService }: { label: string; fromService: string }) {
  return (
    <label className="space-y-1">
      <span className="block font-medium">{label}</span>
      <select name="vatRateBasisPoints" defaultValue="" className={input}>
        <option value="">{fromService}</option>
        {VAT_RATES.map((rate) => <option key={rate} value={rate}>{rate / 100} %</option>)}
      </select>
    </label>
  );
}

type ServiceOption = { id: string; label: string };

/** The catalogue's live services; picking one fills what the member leaves blank (see addFeeItem, addTimeEntry). */
function ServiceSelect({ id, label, none, hint, options }: { id: string; label: string; none: string; hint: string; options: ServiceOption[] }) {
  if (options.length === 0) return null;
  return (
    <div className="space-y-1 sm:col-span-2">
      {/* A label beside the select, not around it: wrapped, its name would include the chosen option's words. */}
      <label htmlFor={`${id}-select`} className="block font-medium">{label}</label>
      <select id={`${id}-select`} name="serviceId" defaultValue="" className={input} aria-describedby={id}>
        <option value="">{none}</option>
        {options.map((option) => <option key={option.id} value={option.id}>{option.label}</option>)}
      </select>
      <p id={id} className="text-xs text-slate-600">{hint}</p>
    </div>
  );
}

/**
 * A paying case's unbilled time and fixed fees with their total, the forms that add them (every member, assistants
 * too), and its fee notes with their files, payment and cancellation (those who issue notes).
 */
export async function TimeAndFeesSection({ actor, caseId }: { actor: StaffActor; caseId: string }) {
  const [billables, services, t, ts, format, locale] = await Promise.all([
    listCaseBillables({ actor, caseId }), listServices({ actor }), getTranslations('feeNotes.section'), getTranslations('feeNotes.status'), getFormatter(), getLocale(),
  ]);
  const dates = await getDateFormatter();
  const eur = (cents: number) => format.number(cents / 100, { style: 'currency', currency: 'EUR' });
  const serviceOptions = (kind: 'FIXED' | 'HOURLY'): ServiceOption[] => services.filter((service) => service.feeKind === kind).map((service) => ({ id: service.id, label: `${localizedText(service.name, locale)} · ${eur(service.feeCents)}` }));
  const serviceSelect = (kind: 'FIXED' | 'HOURLY') => <ServiceSelect id={`service-${kind.toLowerCase()}-hint`} label={t('service')} none={t('serviceNone')} hint={t('serviceHint')} options={serviceOptions(kind)} />;
  const today = brusselsDate();
  const mayIssue = can(actor.role, 'fee_note.issue');
  const mayPay = can(actor.role, 'fee_note.payment');
  const empty = billables.time.length + billables.fees.length === 0;
  return (
    <section aria-label={t('heading')} className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 className="font-semibold">{t('heading')}</h2>
      {empty ? <p className="text-sm text-slate-600">{t('none')}</p> : <p className="text-sm font-medium" data-testid="unbilled-total">{t('total', { amount: eur(billables.totalExclCents), hours: format.number(billables.totalMinutes / 60, { maximumFractionDigits: 2 }) })}</p>}
      {billables.time.length > 0 ? (
        <ul className="space-y-1 text-sm" aria-label={t('time')}>
          {billables.time.map((row) => (
            <li key={row.id} className="flex flex-wrap items-center justify-between gap-2 rounded-md bg-slate-50 p-2">
              <span>{t('timeRow', { date: dates.long(row.workedOn), minutes: row.minutes, description: row.description, amount: eur(row.amountCents) })}{row.by ? ` · ${row.by}` : ''}</span>
              {row.mayRemove ? <ConfirmDeleteForm action={removeTimeEntryAction} fields={{ caseId, timeEntryId: row.id }} name={row.description} label={t('remove')} /> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {billables.fees.length > 0 ? (
        <ul className="space-y-1 text-sm" aria-label={t('fees')}>
          {billables.fees.map((row) => (
            <li key={row.id} className="flex flex-wrap items-center justify-between gap-2 rounded-md bg-slate-50 p-2">
              <span>{t('feeRow', { date: dates.long(row.performedOn), quantity: row.quantity, description: row.description, amount: eur(row.amountCents) })}</span>
              {row.mayRemove ? <ConfirmDeleteForm action={removeFeeItemAction} fields={{ caseId, feeItemId: row.id }} name={row.description} label={t('remove')} /> : null}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="flex flex-wrap gap-2 border-t border-slate-100 pt-3">
        <ActionDialog action={addTimeEntryAction} trigger={t('addTime')} icon={<Clock aria-hidden="true" />} submit={t('addTime')} className="grid gap-2 sm:grid-cols-2" success={t('timeSaved')} fieldMessages="feeNotes.fields">
          <input type="hidden" name="caseId" value={caseId} />
          {serviceSelect('HOURLY')}
          <label className="space-y-1"><span className="block font-medium">{t('workedOn')}</span><DateInput name="workedOn" required defaultValue={today} className={input} /></label>
          <label className="space-y-1"><span className="block font-medium">{t('minutes')}</span><input name="minutes" type="number" min={1} max={1440} required className={input} /></label>
          <label className="space-y-1 sm:col-span-2"><span className="block font-medium">{t('description')}</span><input name="description" maxLength={500} className={input} /></label>
          <label className="space-y-1"><span className="block font-medium">{t('rate')}</span><input name="rate" inputMode="decimal" className={input} /></label>
          <VatSelect label={t('vatRate')} fromService={t('vatFromService')} />
        </ActionDialog>
        <ActionDialog action={addFeeItemAction} trigger={t('addFee')} icon={<Plus aria-hidden="true" />} submit={t('addFee')} className="grid gap-2 sm:grid-cols-2" success={t('feeSaved')} fieldMessages="feeNotes.fields">
          <input type="hidden" name="caseId" value={caseId} />
          {serviceSelect('FIXED')}
          <label className="space-y-1"><span className="block font-medium">{t('performedOn')}</span><DateInput name="performedOn" required defaultValue={today} className={input} /></label>
          <label className="space-y-1"><span className="block font-medium">{t('quantity')}</span><input name="quantity" type="number" min={1} max={1000} defaultValue={1} className={input} /></label>
          <label className="space-y-1 sm:col-span-2"><span className="block font-medium">{t('description')}</span><input name="description" maxLength={500} className={input} /></label>
          <label className="space-y-1"><span className="block font-medium">{t('unit')}</span><input name="unit" inputMode="decimal" className={input} /></label>
          <VatSelect label={t('vatRate')} fromService={t('vatFromService')} />
        </ActionDialog>
        {mayIssue && !empty ? (
          <ActionDialog action={issueFeeNoteAction} trigger={t('issue')} icon={<FileText aria-hidden="true" />} description={t('issueHint')} submit={t('issueSubmit')} wide className="grid gap-2 sm:grid-cols-2" success={t('issued')} fieldMessages="feeNotes.fields">
            <input type="hidden" name="caseId" value={caseId} />
            {/* The ticks name the entries to bill, so unticking every one bills nothing rather than everything. */}
            <input type="hidden" name="picked" value="1" />
            <fieldset className="space-y-1 sm:col-span-2">
              <legend className="font-medium">{t('pickLegend')}</legend>
              {billables.time.map((row) => (
                <label key={row.id} className="flex items-center gap-2"><input type="checkbox" name="timeEntryIds" value={row.id} defaultChecked /> {t('timePick', { description: row.description, amount: eur(row.amountCents) })}</label>
              ))}
              {billables.fees.map((row) => (
                <label key={row.id} className="flex items-center gap-2"><input type="checkbox" name="feeItemIds" value={row.id} defaultChecked /> {t('feePick', { description: row.description, amount: eur(row.amountCents) })}</label>
              ))}
            </fieldset>
            <fieldset className="space-y-1 sm:col-span-2">
              <legend className="font-medium">{t('buyerKind')}</legend>
              <label className="mr-4"><input type="radio" name="buyerKind" value="PERSON" defaultChecked /> {t('buyerPerson')}</label>
              <label><input type="radio" name="buyerKind" value="COMPANY" /> {t('buyerCompany')}</label>
            </fieldset>
            <label className="space-y-1"><span className="block font-medium">{t('buyerName')}</span><input name="buyerName" maxLength={200} className={input} /></label>
            <label className="space-y-1"><span className="block font-medium">{t('buyerVatNumber')}</span><input name="buyerVatNumber" maxLength={20} className={input} /></label>
            <label className="space-y-1"><span className="block font-medium">{t('buyerStreet')}</span><input name="buyerStreet" maxLength={200} className={input} /></label>
            <label className="space-y-1"><span className="block font-medium">{t('buyerPostalCode')}</span><input name="buyerPostalCode" maxLength={16} className={input} /></label>
            <label className="space-y-1"><span className="block font-medium">{t('buyerCity')}</span><input name="buyerCity" maxLength={100} className={input} /></label>
            <label className="space-y-1"><span className="block font-medium">{t('buyerCountry')}</span><input name="buyerCountry" maxLength={2} defaultValue="BE" className={input} /></label>
            <label className="space-y-1 sm:col-span-2"><span className="block font-medium">{t('buyerEmail')}</span><input name="buyerEmail" type="email" maxLength={254} className={input} /></label>
            <label className="space-y-1"><span className="block font-medium">{t('issuedOn')}</span><DateInput name="issuedOn" required defaultValue={today} className={input} /></label>
            <label className="space-y-1"><span className="block font-medium">{t('paymentTermDays')}</span><input name="paymentTermDays" type="number" min={0} max={120} defaultValue={30} className={input} /></label>
          </ActionDialog>
        ) : null}
      </div>
      <h3 className="border-t border-slate-100 pt-3 font-medium">{t('notes')}</h3>
      {billables.feeNotes.length === 0 ? <p className="text-sm text-slate-600">{t('noNotes')}</p> : null}
      <ul className="space-y-2 text-sm" aria-label={t('notes')}>
        {billables.feeNotes.map((note) => (
          <li key={note.id} className="space-y-1 rounded-md bg-slate-50 p-2" data-testid="fee-note">
            {note.kind === 'CREDIT_NOTE' ? (
              <p className="font-medium">{t('creditRow', { number: note.number, date: dates.long(note.issuedOn), amount: eur(note.totalInclCents), credits: note.credits ?? '' })}</p>
            ) : (
              <p>
                <span className="font-medium">{t('noteRow', { number: note.number, date: dates.long(note.issuedOn), amount: eur(note.totalInclCents) })}</span>
                {' · '}{ts(note.status)}{note.paidOn ? ` · ${t('paidOn')} ${dates.long(note.paidOn)}` : ''}
                {note.creditedBy ? ` · ${t('creditedBy', { number: note.creditedBy })}` : ''}
              </p>
            )}
            <p className="space-x-3">
              <a href={`/api/fee-notes/${note.id}/pdf`} className="text-brand-700 underline">{t('pdf')}<span className="sr-only"> {note.number}</span></a>
              {note.hasUbl ? <a href={`/api/fee-notes/${note.id}/ubl`} className="text-brand-700 underline">{t('ubl')}<span className="sr-only"> {note.number}</span></a> : null}
            </p>
            {mayPay && note.kind === 'INVOICE' && note.status !== 'CANCELLED' ? (
              <div className="flex flex-wrap items-end gap-3">
                {note.status === 'ISSUED' ? (
                  <ActionForm action={recordFeeNotePaymentAction} className="flex items-end gap-2" success={t('paid')} fieldMessages="feeNotes.fields" aria-label={`${t('markPaid')} ${note.number}`}>
                    <input type="hidden" name="caseId" value={caseId} />
                    <input type="hidden" name="feeNoteId" value={note.id} />
                    <label className="space-y-1"><span className="block">{t('paidOn')}</span><DateInput name="paidOn" required defaultValue={today} className={input} /></label>
                    <SubmitButton>{t('markPaid')}</SubmitButton>
                  </ActionForm>
                ) : null}
                <ConfirmDeleteForm action={cancelFeeNoteAction} fields={{ caseId, feeNoteId: note.id }} name={note.number} label={t('cancel')} question={t(note.status === 'PAID' ? 'cancelPaidQuestion' : 'cancelQuestion')} confirm={t('cancelConfirm')} />
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
