import { getTranslations } from 'next-intl/server';
import { getDateFormatter } from '@/lib/format/get-date-formatter';
import { ActionForm } from '@/components/form/action-form';
import type { StaffActor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import { getClientErasureStatus } from '@/lib/server/client/get-client-erasure-status';
import { eraseClientAction } from './actions';

// Browsers compile `pattern` with the v flag, where only syntax characters may be escaped ("\-" would be an
// invalid pattern, silently ignored); file numbers are letters, digits, dashes and the like.
const escapePattern = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** GDPR for one client, for admins: the export of everything held on them, and their erasure once allowed. */
export async function DataProtectionSection({ actor, client }: { actor: StaffActor; client: { id: string; fileNumber: string } }) {
  const t = await getTranslations('dataProtection');
  const dates = await getDateFormatter();
  const status = can(actor.role, 'client.erase') ? await getClientErasureStatus({ actor, clientId: client.id }) : null;
  const day = (date: string) => dates.long(date);
  return (
    <div className="space-y-4 text-sm">
      {can(actor.role, 'client.export') ? (
        <div className="space-y-1">
          <a href={`/api/clients/${client.id}/export`} download className="font-medium text-brand-700 underline hover:text-brand-900">{t('export')}</a>
          <p className="text-slate-600">{t('exportHint')}</p>
        </div>
      ) : null}
      {status ? (
        <div className="space-y-2 border-t border-slate-100 pt-3">
          <h3 className="font-medium">{t('erase.heading')}</h3>
          <p className="text-slate-600">{t('erase.retentionInfo', { years: status.retentionYears })}</p>
          {status.erasable ? (
            <ActionForm action={eraseClientAction} className="space-y-2" aria-label={t('erase.heading')}>
              <input type="hidden" name="clientId" value={client.id} />
              <p className="text-red-800">{t('erase.warning')}</p>
              <label className="block space-y-1 font-medium">
                {t('erase.confirmLabel', { fileNumber: client.fileNumber })}
                {/* The browser refuses anything but the file number before the form is sent; the server checks it again. */}
                <input name="confirmFileNumber" required autoComplete="off" pattern={escapePattern(client.fileNumber)} title={t('erase.confirmTitle')} className="block w-full rounded-md border border-slate-300 px-2 py-1" />
              </label>
              <button type="submit" className="rounded-md border border-red-700 bg-red-700 px-3 py-1.5 font-medium text-white hover:bg-red-800">{t('erase.submit')}</button>
            </ActionForm>
          ) : (
            <p className="text-slate-700" role="status">
              {status.reason === 'openCase' ? t('erase.openCaseList', { cases: status.openCases.join(', ') }) : t('erase.retentionRuns', { date: day(status.retentionEndsOn) })}
            </p>
          )}
        </div>
      ) : null}
    </div>
  );
}
