import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { getDb } from '@/lib/db';
import { checkInquiryConflicts } from '@/lib/server/inquiry/check-inquiry-conflicts';
import { convertInquiry } from '@/lib/server/inquiry/convert-inquiry';
import { getInquiry } from '@/lib/server/inquiry/get-inquiry';
import { listInquiries } from '@/lib/server/inquiry/list-inquiries';
import { openInquiryLetter } from '@/lib/server/inquiry/open-inquiry-letter';
import { updateInquiryStatus } from '@/lib/server/inquiry/update-inquiry-status';
import { createLocalStorage } from '@/lib/storage/local-storage';
import { pdf } from './document-files';
import { newContext } from './fixtures';
import { createInquiry } from './inquiry-world';
import { walkActor, type WalkOperation, type WalkWorld } from './walk-types';

// Inquiries from the public form: rows of the OPERATIONS table in permissions.test.ts, which spreads them in.
// Converting past a possible conflict (inquiry.convert_past_conflict, admins) is a check inside convertInquiry,
// walked in inquiry-conversion.test.ts.

const db = getDb();
const storage = createLocalStorage(path.join(mkdtempSync(path.join(tmpdir(), 'sejour-walk-inquiry-')), 'objects'));
const auditActions = async (w: WalkWorld) => (await db.auditLog.findMany({ where: { firmId: w.firm.id }, orderBy: { id: 'asc' } })).map((row) => row.action);
const ref = (w: WalkWorld) => w.refs.inquiry ?? '';

const inquiry = (fields: Parameters<typeof createInquiry>[1] = {}) => async (w: WalkWorld) => {
  w.refs.inquiry = (await createInquiry(w.firm, fields)).id;
};
/** An inquiry whose conflict check found nothing, as the convert form expects. */
async function checkedInquiry(w: WalkWorld) {
  const row = await createInquiry(w.firm, { topic: 'WORK' });
  await db.inquiry.update({ where: { id: row.id }, data: { conflictOutcome: 'CLEAR', conflictMatches: [], conflictCheckedAt: new Date(), conflictCheckedById: w.admin.user.id } });
  w.refs.inquiry = row.id;
}

export const INQUIRY_OPERATIONS: WalkOperation[] = [
  {
    name: 'listInquiries',
    file: 'lib/server/inquiry/list-inquiries.ts',
    action: 'inquiry.read',
    setup: inquiry(),
    run: (w, role) => listInquiries({ actor: walkActor(w, role), query: {} }),
    allowed: async (w, _role, result) => {
      expect((result as Awaited<ReturnType<typeof listInquiries>>).rows.map((row) => row.id)).toEqual([ref(w)]);
    },
  },
  {
    name: 'getInquiry',
    file: 'lib/server/inquiry/get-inquiry.ts',
    action: 'inquiry.read',
    setup: inquiry(),
    run: (w, role) => getInquiry({ actor: walkActor(w, role), inquiryId: ref(w) }),
    allowed: async (w, _role, result) => {
      expect(result).toMatchObject({ id: ref(w), firmId: w.firm.id, status: 'NEW' });
    },
  },
  {
    name: 'openInquiryLetter',
    file: 'lib/server/inquiry/open-inquiry-letter.ts',
    action: 'inquiry.read',
    setup: (w) => inquiry({ letter: { storage, fileName: 'letter.pdf', mimeType: 'application/pdf', bytes: pdf() } })(w),
    run: (w, role) => openInquiryLetter({ actor: walkActor(w, role), inquiryId: ref(w), context: newContext(), storage }),
    allowed: async (w, _role, result) => {
      const file = result as Awaited<ReturnType<typeof openInquiryLetter>>;
      file.body.destroy();
      expect(file).toMatchObject({ fileName: 'letter.pdf', mimeType: 'application/pdf' });
      expect(await auditActions(w)).toEqual(['client.created', 'inquiry.letter_downloaded']);
    },
  },
  {
    name: 'updateInquiryStatus',
    file: 'lib/server/inquiry/update-inquiry-status.ts',
    action: 'inquiry.update',
    setup: inquiry(),
    run: (w, role) => updateInquiryStatus({ actor: walkActor(w, role), input: { inquiryId: ref(w), status: 'CONTACTED' }, context: newContext() }),
    allowed: async (w) => {
      expect(await db.inquiry.findUniqueOrThrow({ where: { id: ref(w) } })).toMatchObject({ status: 'CONTACTED' });
      expect(await auditActions(w)).toEqual(['client.created', 'inquiry.status_changed']);
    },
  },
  {
    name: 'checkInquiryConflicts',
    file: 'lib/server/inquiry/check-inquiry-conflicts.ts',
    action: 'inquiry.update',
    setup: inquiry(),
    run: (w, role) => checkInquiryConflicts({ actor: walkActor(w, role), input: { inquiryId: ref(w) }, context: newContext() }),
    allowed: async (w, role) => {
      expect(await db.inquiry.findUniqueOrThrow({ where: { id: ref(w) } })).toMatchObject({ conflictOutcome: 'CLEAR', conflictCheckedById: walkActor(w, role).userId });
      expect(await auditActions(w)).toEqual(['client.created', 'inquiry.conflict_checked']);
    },
  },
  {
    name: 'convertInquiry',
    file: 'lib/server/inquiry/convert-inquiry.ts',
    action: 'inquiry.convert',
    setup: checkedInquiry,
    run: (w, role) => convertInquiry({ actor: walkActor(w, role), input: { inquiryId: ref(w), nationality: 'MA', language: 'fr', createCase: 'on' }, context: newContext(), storage }),
    allowed: async (w, _role, result) => {
      const { clientId, caseId } = result as Awaited<ReturnType<typeof convertInquiry>>;
      expect(await db.inquiry.findUniqueOrThrow({ where: { id: ref(w) } })).toMatchObject({ status: 'CONVERTED', convertedClientId: clientId, convertedCaseId: caseId });
      expect(await db.case.findUniqueOrThrow({ where: { id: caseId! } })).toMatchObject({ clientId, procedure: 'SINGLE_PERMIT' });
      expect(await auditActions(w)).toEqual(['client.created', 'client.created', 'case.created', 'inquiry.converted']);
    },
  },
];
