import type { Targets } from './attack-payloads';

// The values the walk puts in each dynamic page's segments, and the requests it sends to each route handler: the
// victim firm's ids everywhere. A page or route missing here fails the walk.

export const PAGE_PARAMS: Record<string, (t: Targets) => Record<string, string>> = {
  '/cases/[id]': (t) => ({ id: t.caseId }),
  '/clients/[id]': (t) => ({ id: t.clientId }),
  '/inquiries/[id]': (t) => ({ id: t.inquiryId }),
  '/import/[jobId]': (t) => ({ jobId: t.jobId }),
  '/settings/outbox/[id]': (t) => ({ id: t.outboxId }),
  '/invitations/[token]': (t) => ({ token: t.invitationId }),
  '/portal/cases/[id]': (t) => ({ id: t.otherClientCaseId }),
  // The victim firm's public page is open to anyone: what it shows must still hold nothing of its clients.
  '/f/[slug]': () => ({ slug: 'peeters-advocaten' }),
  // A guess at a booking's manage token: the victim's slot id is as good a guess as any.
  '/booking/[token]': (t) => ({ token: `${t.slotId}${t.slotId}` }),
};

/**
 * Pages that take the victim's ids or words in their query: a prefilled form, the searches. Each answer must hold
 * none of `hidden` (what a leak would show: an id not in the address, or the marker when the address has none).
 */
export const PAGE_PROBES = (t: Targets, marker: string): { path: string; hidden: string[] }[] => [
  { path: `/cases/new?clientId=${t.clientId}`, hidden: [marker] },
  { path: `/cases?q=${marker}`, hidden: [t.caseId, t.clientId] },
  { path: `/clients?q=${marker}`, hidden: [t.clientId] },
  { path: '/inquiries?status=NEW', hidden: [t.inquiryId, marker] },
  { path: `/settings/audit?q=${marker}`, hidden: [t.clientId, t.caseId] },
  { path: `/settings/outbox?q=${marker}`, hidden: [t.outboxId] },
  { path: `/cases/export?q=${marker}`, hidden: [t.caseId, `${t.fileNumber};`] },
  { path: `/api/search?q=${marker}`, hidden: [t.caseId, t.clientId] },
  { path: `/api/search?q=${encodeURIComponent(t.fileNumber)}`, hidden: [t.caseId, t.clientId] },
];

export type RouteRequest = {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  data?: Buffer;
  multipart?: Record<string, { name: string; mimeType: string; buffer: Buffer }>;
  /** Answers the caller's own business (health, their own export): may succeed, but without the victim's data. */
  own?: boolean;
};

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n`);

export const ROUTE_ATTACKS: Record<string, (t: Targets) => RouteRequest[]> = {
  '/api/auth/[...nextauth]': () => [
    { method: 'GET', path: '/api/auth/session', own: true },
    { method: 'GET', path: '/api/auth/providers', own: true },
  ],
  '/api/calendar/[token]': (t) => [{ method: 'GET', path: `/api/calendar/${t.invitationId}.ics` }],
  '/api/cases/[id]/appeal/packet': (t) => [{ method: 'GET', path: `/api/cases/${t.caseId}/appeal/packet` }],
  '/api/cases/[id]/documents/zip': (t) => [{ method: 'GET', path: `/api/cases/${t.caseId}/documents/zip` }],
  '/api/cases/[id]/legal-aid/csv': (t) => [{ method: 'GET', path: `/api/cases/${t.caseId}/legal-aid/csv` }],
  '/api/cases/[id]/legal-aid/pdf': (t) => [{ method: 'GET', path: `/api/cases/${t.caseId}/legal-aid/pdf` }],
  '/api/clients/[id]/export': (t) => [{ method: 'GET', path: `/api/clients/${t.clientId}/export` }],
  '/api/decisions/upload': (t) => [
    { method: 'POST', path: `/api/decisions/upload?caseId=${t.caseId}`, headers: { 'Content-Type': 'application/pdf', 'X-File-Name': 'bijlage-20.pdf' }, data: pdf('decision') },
  ],
  '/api/documents/upload': (t) => [
    { method: 'POST', path: `/api/documents/upload?caseId=${t.caseId}&checklistItemId=${t.itemId}`, headers: { 'Content-Type': 'application/pdf', 'X-File-Name': 'planted.pdf' }, data: pdf('planted') },
    { method: 'POST', path: `/api/documents/upload?caseId=${t.otherClientCaseId}&documentId=${t.documentId}`, headers: { 'Content-Type': 'application/pdf', 'X-File-Name': 'planted.pdf' }, data: pdf('planted') },
  ],
  '/api/documents/versions/[id]': (t) => [
    { method: 'GET', path: `/api/documents/versions/${t.versionId}` },
    { method: 'GET', path: `/api/documents/versions/${t.versionId}?inline=1` },
  ],
  '/api/inquiries/[id]/letter': (t) => [{ method: 'GET', path: `/api/inquiries/${t.inquiryId}/letter` }],
  '/api/fee-notes/[id]/pdf': (t) => [{ method: 'GET', path: `/api/fee-notes/${t.feeNoteId}/pdf` }],
  '/api/fee-notes/[id]/ubl': (t) => [{ method: 'GET', path: `/api/fee-notes/${t.feeNoteId}/ubl` }],
  // The victim's fee note was issued to another client (and an employer): the portal client must get a 404 too.
  '/api/portal/fee-notes/[id]': (t) => [{ method: 'GET', path: `/api/portal/fee-notes/${t.feeNoteId}` }],
  '/api/firm-logos/[firmId]/[name]': (t) => [{ method: 'GET', path: `/api/firm-logos/${t.firmId}/logo.png` }],
  '/api/health': () => [{ method: 'GET', path: '/api/health', own: true }],
  // The palette's search answers the attacker's own firm: the victim's file number and ids must find nothing there.
  '/api/search': (t) => [
    { method: 'GET', path: `/api/search?q=${encodeURIComponent(t.fileNumber)}`, own: true },
    { method: 'GET', path: `/api/search?q=${t.caseId}`, own: true },
  ],
  '/api/metrics': () => [{ method: 'GET', path: '/api/metrics' }],
  '/cases/export': () => [{ method: 'GET', path: '/cases/export', own: true }],
  '/import/[jobId]/progress': (t) => [{ method: 'GET', path: `/import/${t.jobId}/progress` }],
  '/import/upload': () => [
    { method: 'POST', path: '/import/upload', multipart: { file: { name: 'clients.csv', mimeType: 'text/csv', buffer: Buffer.from('First name;Last name\nEve;Planted\n') } }, own: true },
  ],
  '/portal/sign-in/verify/language': () => [{ method: 'GET', path: '/portal/sign-in/verify/language', own: true }],
  // The public form, for anyone: a made-up form token is refused before any row (the fingerprint proves it).
  '/f/[slug]/intake': () => [
    {
      method: 'POST', path: '/f/peeters-advocaten/intake', headers: { Accept: 'application/json' }, own: true,
      multipart: {
        formToken: { name: 'formToken', mimeType: 'text/plain', buffer: Buffer.from('1.forged') },
        letter: { name: 'letter.pdf', mimeType: 'application/pdf', buffer: pdf('planted letter') },
      },
    },
  ],
};
