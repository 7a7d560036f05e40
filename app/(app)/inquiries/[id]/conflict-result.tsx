import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDateFormatter } from '@/lib/format/get-date-formatter';
import type { InquiryView } from '@/lib/server/inquiry/get-inquiry';

/** The last conflict check recorded on the inquiry: outcome, who ran it and when, each match with a link to it. */
export async function ConflictResult({ inquiry }: { inquiry: InquiryView }) {
  const [t, tc, to, dates] = await Promise.all([getTranslations('inquiries.conflict'), getTranslations('clients'), getTranslations('inquiries.otherParties'), getDateFormatter()]);
  if (!inquiry.conflictCheckedAt || !inquiry.conflictOutcome) return <p className="text-slate-600">{t('notChecked')}</p>;
  const when = dates.dateTime(inquiry.conflictCheckedAt);
  return (
    <div className="space-y-2" data-testid="conflict-result">
      <p className={`rounded-md p-3 font-medium ${inquiry.conflictOutcome === 'CLEAR' ? 'bg-emerald-50 text-emerald-900' : 'bg-amber-50 text-amber-950'}`} data-outcome={inquiry.conflictOutcome}>
        {t(inquiry.conflictOutcome)}
      </p>
      <p className="text-slate-600">{t('checkedBy', { name: inquiry.checkedBy ?? '?', date: when })}</p>
      {inquiry.conflictMatches.length ? (
        <ul className="space-y-2">
          {inquiry.conflictMatches.map((match) => (
            <li key={`${match.kind}:${match.id}:${match.via?.id ?? ''}`} className="rounded-md border border-slate-200 p-2">
              <p className="text-xs font-semibold uppercase text-slate-600">{t(`kind.${match.kind}`)}</p>
              <p>
                {match.kind === 'other_party' ? (
                  <>
                    {match.label}
                    {match.role ? ` (${to(`roles.${match.role}`)})` : ''} · {match.caseId ? <Link href={`/cases/${match.caseId}`} className="text-brand-700 underline">{t('onCase', { reference: match.caseReference ?? '' })}</Link> : null}
                  </>
                ) : match.kind === 'family' ? (
                  <>
                    {t('familyOf', { relation: match.relation ? tc(`relation.${match.relation}`) : '', name: '' })}
                    <Link href={`/clients/${match.id}`} className="text-brand-700 underline">{match.label}</Link>
                    {match.via ? <span className="text-slate-600"> · {t('via', { name: match.via.label })}</span> : null}
                  </>
                ) : (
                  <Link href={`/clients/${match.id}`} className="text-brand-700 underline">{match.label}{match.fileNumber ? ` (${match.fileNumber})` : ''}</Link>
                )}
              </p>
              <p className="text-slate-600">{match.reasons.map((reason) => t(`reason.${reason}`)).join(', ')}</p>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
