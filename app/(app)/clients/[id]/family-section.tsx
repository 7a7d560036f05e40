import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/form/action-form';
import { SubmitButton } from '@/components/form/submit-button';
import type { StaffActor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import type { getClient } from '@/lib/server/client/get-client';
import { listClients } from '@/lib/server/client/list-clients';
import { familyLinkVisibilityAction, linkFamilyMemberAction, unlinkFamilyMemberAction } from './family-actions';

type Client = Awaited<ReturnType<typeof getClient>>;

const RELATIONS = ['SPOUSE', 'PARTNER', 'CHILD', 'PARENT', 'SPONSOR', 'OTHER'] as const;
const CANDIDATES_SHOWN = 8;

/**
 * The client's family: the links on this file (each shown in the client's portal only when ticked), the files
 * that link to this client, and, for staff who may edit, a search to link another client of the firm.
 */
export async function FamilySection({ actor, client, search }: { actor: StaffActor; client: Client; search: string }) {
  const t = await getTranslations('clients');
  const mayEdit = can(actor.role, 'client.update');
  const linked = new Set(client.links.map((link) => link.related.id));
  const candidates = mayEdit && search.trim()
    ? (await listClients({ actor, query: { q: search } })).rows.filter((row) => row.id !== client.id && !linked.has(row.id)).slice(0, CANDIDATES_SHOWN)
    : [];
  const person = (p: { id: string; firstName: string; lastName: string; fileNumber: string }) => (
    <><Link href={`/clients/${p.id}`} className="text-brand-700 hover:underline">{p.lastName}, {p.firstName}</Link> <span className="text-slate-600">({p.fileNumber})</span></>
  );
  return (
    <div className="space-y-4 text-sm">
      {client.links.length === 0 && client.linkedFrom.length === 0 ? <p className="text-slate-600">{t('familyLink.none')}</p> : null}
      {client.links.length ? (
        <ul className="space-y-3" aria-label={t('familyLink.onThisFile')}>
          {client.links.map((link) => (
            <li key={link.id} className="space-y-1">
              <p>{t(`relation.${link.relation}`)}: {person(link.related)}</p>
              <p className="text-slate-600">{link.visibleInPortal ? t('familyLink.shown') : t('familyLink.hidden')}</p>
              {mayEdit ? (
                <div className="flex flex-wrap gap-2">
                  <ActionForm action={familyLinkVisibilityAction}>
                    <input type="hidden" name="linkId" value={link.id} />
                    <input type="hidden" name="visibleInPortal" value={String(!link.visibleInPortal)} />
                    <button type="submit" className="rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-50">
                      {t(link.visibleInPortal ? 'familyLink.hide' : 'familyLink.show', { name: link.related.firstName })}
                    </button>
                  </ActionForm>
                  <ActionForm action={unlinkFamilyMemberAction}>
                    <input type="hidden" name="linkId" value={link.id} />
                    <button type="submit" className="rounded-md border border-red-700 px-2 py-1 text-red-800 hover:bg-red-50">
                      {t('familyLink.remove', { name: link.related.firstName })}
                    </button>
                  </ActionForm>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {client.linkedFrom.length ? (
        <ul className="space-y-1" aria-label={t('familyLink.fromOtherFiles')}>
          {client.linkedFrom.map((link) => (
            <li key={link.id}>{t('familyLink.listedOn', { relation: t(`relation.${link.relation}`) })} {person(link.client)}</li>
          ))}
        </ul>
      ) : null}
      {mayEdit ? (
        <div className="space-y-2 border-t border-slate-100 pt-3">
          <form role="search" className="flex gap-2">
            <label htmlFor="family-search" className="sr-only">{t('familyLink.search')}</label>
            <input id="family-search" name="family" defaultValue={search} placeholder={t('familyLink.search')} className="w-full rounded-md border border-slate-300 px-2 py-1" />
            <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1">{t('searchButton')}</button>
          </form>
          {search.trim() && candidates.length === 0 ? <p className="text-slate-600">{t('familyLink.noMatch')}</p> : null}
          {candidates.map((candidate) => (
            <ActionForm key={candidate.id} action={linkFamilyMemberAction} aria-label={`${candidate.lastName}, ${candidate.firstName}`} className="space-y-1 rounded-md border border-slate-200 p-2" success={t('familyLink.linked')}>
              <input type="hidden" name="clientId" value={client.id} />
              <input type="hidden" name="relatedClientId" value={candidate.id} />
              <p className="font-medium">{candidate.lastName}, {candidate.firstName} <span className="font-normal text-slate-600">({candidate.fileNumber})</span></p>
              <div className="flex flex-wrap items-center gap-2">
                <label className="sr-only" htmlFor={`relation-${candidate.id}`}>{t('familyLink.relation')}</label>
                <select id={`relation-${candidate.id}`} name="relation" className="rounded-md border border-slate-300 px-2 py-1">
                  {RELATIONS.map((relation) => <option key={relation} value={relation}>{t(`relation.${relation}`)}</option>)}
                </select>
                <label className="flex items-center gap-1">
                  <input type="checkbox" name="visibleInPortal" />
                  {t('familyLink.showInPortal', { name: client.firstName })}
                </label>
                <SubmitButton className="px-3 py-1 text-sm">{t('familyLink.link')}</SubmitButton>
              </div>
            </ActionForm>
          ))}
        </div>
      ) : null}
    </div>
  );
}
