import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/form/action-form';
import { SubmitButton } from '@/components/form/submit-button';
import type { StaffActor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import { dateFormatter } from '@/lib/format/date-formatter';
import type { DecisionWorkspace } from '@/lib/server/decision/get-decision-workspace';
import { buildAppealPacketAction, generatePetitionAction, recordRollNumberAction, recordSubmissionAction, saveAppealFilingAction } from './appeal-actions';

const input = 'block w-full rounded-md border border-slate-300 px-2 py-1 text-sm';

/**
 * The RvV/CCE filing from the appeal stage: choose the petition, the contested decision and the annexes among
 * the client's documents, build the J-Box packet (PDF/A, numbered, with the inventory), download it, then
 * record the submission and later the roll number.
 */
export async function AppealPanel({ actor, caseId, version, workspace, locale }: { actor: StaffActor; caseId: string; version: number; workspace: DecisionWorkspace; locale: string }) {
  const t = await getTranslations('appeals');
  const { filing, submitted, documents, urgentAddress, language, stage } = workspace;
  const mayPrepare = can(actor.role, 'appeal.prepare');
  const mayFile = can(actor.role, 'appeal.file');
  const option = (d: (typeof documents)[number]) => <option key={d.id} value={d.id}>{d.title} ({d.fileName})</option>;
  const decisionDefault = filing?.decisionDocumentId ?? documents.find((d) => d.kind === 'DECISION_LETTER')?.id ?? '';
  const petitionDefault = filing?.petitionDocumentId ?? documents.find((d) => d.kind === 'APPEAL_PETITION')?.id ?? '';
  return (
    <section aria-label={t('heading')} className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm" data-testid="appeal-panel">
      <h2 className="font-semibold">{t('heading')}</h2>
      <p className="text-sm text-slate-600">{t('intro')}</p>
      {urgentAddress ? (
        <aside className="rounded-md border border-red-300 bg-red-50 p-3 text-sm" data-testid="urgent-address">
          <p className="font-medium text-red-900">{t('urgent.heading')}</p>
          <p>{urgentAddress.name}<br />{urgentAddress.street}<br />{urgentAddress.city}</p>
          <p className="text-xs text-slate-700">{t('urgent.verify')}</p>
        </aside>
      ) : null}
      {stage === 'REFUSED' && mayPrepare ? (
        <>
          <ActionForm action={generatePetitionAction} className="flex flex-wrap items-end gap-2 text-sm" success={t('petition.generated')}>
            <input type="hidden" name="caseId" value={caseId} />
            <label className="space-y-1">{t('petition.language')}
              <select name="locale" defaultValue={language} className={input}>
                <option value="nl">Nederlands</option><option value="fr">Français</option><option value="en">English</option>
              </select>
            </label>
            <SubmitButton className="text-sm">{t('petition.generate')}</SubmitButton>
          </ActionForm>
          <ActionForm action={saveAppealFilingAction} className="space-y-3 text-sm" success={t('filing.saved')} fieldMessages="appeals.fields" aria-label={t('filing.form')}>
            <input type="hidden" name="caseId" value={caseId} />
            <div className="grid gap-3 sm:grid-cols-3">
              <label className="space-y-1 font-medium">{t('filing.language')}
                <select name="language" defaultValue={language} className={input}>
                  <option value="nl">{t('filing.nl')}</option><option value="fr">{t('filing.fr')}</option>
                </select>
              </label>
              <label className="space-y-1 font-medium">{t('filing.petition')}
                <select name="petitionDocumentId" defaultValue={petitionDefault} className={input}><option value="">{t('filing.none')}</option>{documents.map(option)}</select>
              </label>
              <label className="space-y-1 font-medium">{t('filing.decision')}
                <select name="decisionDocumentId" defaultValue={decisionDefault} className={input}><option value="">{t('filing.none')}</option>{documents.map(option)}</select>
              </label>
            </div>
            <fieldset className="space-y-1">
              <legend className="font-medium">{t('filing.annexes')}</legend>
              {documents.length === 0 ? <p className="text-slate-600">{t('filing.noDocuments')}</p> : null}
              {documents.map((d) => (
                <label key={d.id} className="flex items-center gap-2">
                  <input type="checkbox" name="annexDocumentIds" value={d.id} defaultChecked={filing?.annexDocumentIds.includes(d.id) ?? false} />
                  {d.title} <span className="text-xs text-slate-600">({d.fileName})</span>
                </label>
              ))}
            </fieldset>
            <SubmitButton className="text-sm">{t('filing.save')}</SubmitButton>
          </ActionForm>
          {filing ? (
            <ActionForm action={buildAppealPacketAction} className="space-y-1 text-sm" success={t('packet.built')}>
              <input type="hidden" name="caseId" value={caseId} />
              <SubmitButton className="text-sm">{t(filing.builtAt ? 'packet.rebuild' : 'packet.build')}</SubmitButton>
              <p className="text-xs text-slate-600">{t('packet.hint')}</p>
            </ActionForm>
          ) : null}
        </>
      ) : null}
      {filing?.manifest && filing.builtAt ? (
        <div className="space-y-2" data-testid="packet">
          <p className="text-sm">{t('packet.builtOn', { date: dateFormatter(locale).dateTime(filing.builtAt) })} · <a href={`/api/cases/${caseId}/appeal/packet`} className="font-medium text-brand-700 underline underline-offset-2">{t('packet.download')}</a></p>
          <table className="w-full text-left text-xs">
            <thead><tr><th className="py-1">#</th><th>{t('packet.file')}</th><th>{t('packet.format')}</th></tr></thead>
            <tbody>
              {filing.manifest.files.map((file) => (
                <tr key={file.order} className="border-t border-slate-100" data-testid="packet-file">
                  <td className="py-1">{file.order}</td>
                  <td className="font-mono">{file.fileName}</td>
                  <td>{file.format}{file.converted ? ` · ${t('packet.converted', { tool: file.tool ?? '' })}` : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {stage === 'REFUSED' && filing && mayFile ? (
        <ActionForm action={recordSubmissionAction} className="grid gap-3 text-sm sm:grid-cols-3" fieldMessages="appeals.fields" aria-label={t('submit.form')}>
          <input type="hidden" name="caseId" value={caseId} />
          <input type="hidden" name="version" value={version} />
          <label className="space-y-1 font-medium">{t('submit.at')}<input type="datetime-local" name="submittedAt" required className={input} /></label>
          <label className="space-y-1 font-medium sm:col-span-2">{t('submit.receipt')}<input name="receipt" required maxLength={200} className={input} /></label>
          <div className="sm:col-span-3"><SubmitButton className="text-sm">{t('submit.record')}</SubmitButton></div>
        </ActionForm>
      ) : null}
      {submitted?.submittedAt ? (
        <div className="space-y-2 text-sm" data-testid="submission">
          <p>{t('submit.done', { date: dateFormatter(locale).dateTime(submitted.submittedAt), receipt: submitted.jboxReceipt ?? '' })}</p>
          {submitted.rollNumber ? <p>{t('roll.recorded', { roll: submitted.rollNumber })}</p> : null}
          {stage === 'APPEAL_FILED' && mayFile ? (
            <ActionForm action={recordRollNumberAction} className="flex flex-wrap items-end gap-2" aria-label={t('roll.form')}>
              <input type="hidden" name="caseId" value={caseId} />
              <input type="hidden" name="version" value={version} />
              <label className="space-y-1 font-medium">{t('roll.number')}<input name="rollNumber" required maxLength={40} defaultValue={submitted.rollNumber ?? ''} className={input} /></label>
              <SubmitButton className="text-sm">{t('roll.record')}</SubmitButton>
            </ActionForm>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
