import { getTranslations } from 'next-intl/server';
import { getDateFormatter } from '@/lib/format/get-date-formatter';
import { ActionForm } from '@/components/form/action-form';
import { ConfirmDeleteForm } from '@/components/form/confirm-delete-form';
import { SubmitButton } from '@/components/form/submit-button';
import type { StaffActor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import { listCaseOtherParties } from '@/lib/server/other-party/list-case-other-parties';
import { OTHER_PARTY_ROLES } from '@/lib/server/other-party/other-party-schemas';
import { addOtherPartyAction, removeOtherPartyAction } from './other-party-actions';
import { DateInput } from '@/components/form/date-input';

/**
 * Who is on the other side of the case (a sponsor in a dispute, a former partner): listed without their number
 * (only that one is on file), added by every member, removed by those who may delete. The conflict check of new
 * inquiries searches them.
 */
export async function OtherPartiesSection({ actor, caseId }: { actor: StaffActor; caseId: string }) {
  const [parties, t, dates] = await Promise.all([listCaseOtherParties({ actor, caseId }), getTranslations('inquiries.otherParties'), getDateFormatter()]);
  const input = 'w-full rounded-md border border-slate-300 px-2 py-1';
  return (
    <section aria-label={t('heading')} className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 className="font-semibold">{t('heading')}</h2>
      <p className="text-sm text-slate-600">{t('intro')}</p>
      {parties.length === 0 ? <p className="text-sm text-slate-600">{t('none')}</p> : null}
      <ul className="space-y-2 text-sm" aria-label={t('heading')}>
        {parties.map((party) => (
          <li key={party.id} className="space-y-1 rounded-md bg-slate-50 p-3">
            <p>
              <span className="font-medium">{party.name}</span> · {t(`roles.${party.role}`)}
              {party.birthDate ? ` · ${dates.long(party.birthDate)}` : ''}
              {party.hasNationalRegisterNumber ? ` · ${t('numberOnFile')}` : ''}
            </p>
            {party.note ? <p className="whitespace-pre-wrap text-slate-700">{party.note}</p> : null}
            {can(actor.role, 'other_party.delete') ? <ConfirmDeleteForm action={removeOtherPartyAction} fields={{ caseId, otherPartyId: party.id }} name={party.name} label={t('remove')} /> : null}
          </li>
        ))}
      </ul>
      {can(actor.role, 'other_party.manage') ? (
        <ActionForm action={addOtherPartyAction} className="grid gap-2 border-t border-slate-100 pt-3 text-sm sm:grid-cols-2" success={t('added')} fieldMessages="inquiries.fields" aria-label={t('add')}>
          <input type="hidden" name="caseId" value={caseId} />
          <label className="space-y-1">
            <span className="block font-medium">{t('name')}</span>
            <input name="name" required maxLength={200} className={input} />
          </label>
          <label className="space-y-1">
            <span className="block font-medium">{t('role')}</span>
            <select name="role" className={input}>
              {OTHER_PARTY_ROLES.map((role) => <option key={role} value={role}>{t(`roles.${role}`)}</option>)}
            </select>
          </label>
          <label className="space-y-1">
            <span className="block font-medium">{t('birthDate')}</span>
            <DateInput name="birthDate" className={input} />
          </label>
          <label className="space-y-1">
            <span className="block font-medium">{t('nationalRegisterNumber')}</span>
            <input name="nationalRegisterNumber" inputMode="numeric" autoComplete="off" className={input} />
          </label>
          <label className="space-y-1 sm:col-span-2">
            <span className="block font-medium">{t('note')}</span>
            <textarea name="note" rows={2} maxLength={2000} className={input} />
          </label>
          <div className="sm:col-span-2"><SubmitButton className="text-sm">{t('add')}</SubmitButton></div>
        </ActionForm>
      ) : null}
    </section>
  );
}
