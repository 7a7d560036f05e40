import { getFormatter, getTranslations } from 'next-intl/server';
import { getDateFormatter } from '@/lib/format/get-date-formatter';
import type { ClientActor } from '@/lib/auth/actor';
import { listPortalFeeNotes } from '@/lib/server/billing/list-portal-fee-notes';

/** The client's fee notes (and credit notes) on this case: number, date, total, status and the PDF. Nothing when there are none. */
export async function PortalFeeNotes({ actor, caseId }: { actor: ClientActor; caseId: string }) {
  const [notes, t, ts, format] = await Promise.all([listPortalFeeNotes({ actor, caseId }), getTranslations('feeNotes.portal'), getTranslations('feeNotes.status'), getFormatter()]);
  const dates = await getDateFormatter();
  if (notes.length === 0) return null;
  const money = (cents: number) => format.number(cents / 100, { style: 'currency', currency: 'EUR' });
  return (
    <section aria-labelledby="fee-notes-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
      <h2 id="fee-notes-heading" className="text-lg font-semibold">{t('heading')}</h2>
      <ul className="space-y-2">
        {notes.map((note) => (
          <li key={note.id} className="flex flex-wrap items-center justify-between gap-2 rounded-md bg-slate-50 p-3" data-testid="portal-fee-note">
            <span>
              {note.kind === 'CREDIT_NOTE'
                ? t('creditRow', { number: note.number, date: dates.long(note.issuedOn), amount: money(note.totalInclCents), credits: note.credits ?? '' })
                : `${t('row', { number: note.number, date: dates.long(note.issuedOn), amount: money(note.totalInclCents) })} · ${ts(note.status)}`}
            </span>
            <a href={`/api/portal/fee-notes/${note.id}`} className="inline-flex min-h-11 items-center text-brand-700 underline">{t('download')}<span className="sr-only"> {note.number}</span></a>
          </li>
        ))}
      </ul>
    </section>
  );
}
