import { expect } from 'vitest';
import { getDb } from '@/lib/db';
import { addFeeItem } from '@/lib/server/billing/add-fee-item';
import { addTimeEntry } from '@/lib/server/billing/add-time-entry';
import { cancelFeeNote } from '@/lib/server/billing/cancel-fee-note';
import { getBillingDetails } from '@/lib/server/billing/get-billing-details';
import { issueFeeNote } from '@/lib/server/billing/issue-fee-note';
import { listCaseBillables } from '@/lib/server/billing/list-case-billables';
import { openFeeNoteFile } from '@/lib/server/billing/open-fee-note-file';
import { recordFeeNotePayment } from '@/lib/server/billing/record-fee-note-payment';
import { removeFeeItem } from '@/lib/server/billing/remove-fee-item';
import { removeTimeEntry } from '@/lib/server/billing/remove-time-entry';
import { setBillingDetails } from '@/lib/server/billing/set-billing-details';
import { BILLING_DETAILS } from './fee-note-world';
import { newContext } from './fixtures';
import { walkActor, type WalkOperation, type WalkWorld } from './walk-types';

// Time, fixed fees and fee notes: rows of the OPERATIONS table in permissions.test.ts, which spreads them in.

const db = getDb();
const auditActions = async (w: WalkWorld) => (await db.auditLog.findMany({ where: { firmId: w.firm.id }, orderBy: { id: 'asc' } })).map((row) => row.action);
const ref = (w: WalkWorld, name: string) => w.refs[name] ?? '';

/** An unbilled fixed fee entered by the caller (so removing it is removing one's own). */
async function callersFee(w: WalkWorld, role: Parameters<typeof walkActor>[1]) {
  const item = await db.feeItem.create({ data: { firmId: w.firm.id, caseId: w.kase.id, description: 'Filing', unitCents: 50_000, performedOn: new Date('2026-12-01'), createdById: walkActor(w, role).userId } });
  w.refs.feeItem = item.id;
}
async function callersTime(w: WalkWorld, role: Parameters<typeof walkActor>[1]) {
  const entry = await db.timeEntry.create({ data: { firmId: w.firm.id, caseId: w.kase.id, userId: walkActor(w, role).userId, workedOn: new Date('2026-12-01'), minutes: 30, description: 'Call', rateCents: 12_000 } });
  w.refs.timeEntry = entry.id;
}
async function billable(w: WalkWorld) {
  await db.firm.update({ where: { id: w.firm.id }, data: { billingDetails: { ...BILLING_DETAILS, enterpriseNumber: '0403170701', vatNumber: 'BE0403170701', iban: 'BE68539007547034' } } });
  await callersFee(w, 'ADMIN');
}
/** An issued fee note, made by the admin through the operation itself (so its PDF exists). */
async function issued(w: WalkWorld) {
  await billable(w);
  const note = await issueFeeNote({ actor: w.admin.actor, input: { caseId: w.kase.id, buyerKind: 'PERSON', issuedOn: '2026-12-07' }, context: newContext() });
  w.refs.feeNote = note.id;
}

export const FEE_NOTE_OPERATIONS: WalkOperation[] = [
  {
    name: 'setBillingDetails',
    file: 'lib/server/billing/set-billing-details.ts',
    action: 'firm.settings.update',
    run: (w, role) => setBillingDetails({ actor: walkActor(w, role), input: BILLING_DETAILS, context: newContext() }),
    allowed: async (w) => {
      expect((await db.firm.findUniqueOrThrow({ where: { id: w.firm.id } })).billingDetails).toMatchObject({ enterpriseNumber: '0403170701' });
      expect(await auditActions(w)).toEqual(['client.created', 'settings.updated']);
    },
  },
  {
    name: 'getBillingDetails',
    file: 'lib/server/billing/get-billing-details.ts',
    action: 'firm.settings.update',
    run: (w, role) => getBillingDetails({ actor: walkActor(w, role) }),
    allowed: async (_w, _role, result) => {
      expect(result).toMatchObject({ complete: false, values: { legalName: '' } });
    },
  },
  {
    name: 'addTimeEntry',
    file: 'lib/server/billing/add-time-entry.ts',
    action: 'time.enter',
    run: (w, role) => addTimeEntry({ actor: walkActor(w, role), input: { caseId: w.kase.id, workedOn: '2026-12-02', minutes: 45, description: 'Drafting', rate: '120' }, context: newContext() }),
    allowed: async (w) => {
      expect(await db.timeEntry.findMany({ where: { firmId: w.firm.id }, select: { minutes: true, rateCents: true } })).toEqual([{ minutes: 45, rateCents: 12_000 }]);
      expect(await auditActions(w)).toEqual(['client.created', 'fee_note.time_added']);
    },
  },
  {
    name: 'addFeeItem',
    file: 'lib/server/billing/add-fee-item.ts',
    action: 'time.enter',
    run: (w, role) => addFeeItem({ actor: walkActor(w, role), input: { caseId: w.kase.id, performedOn: '2026-12-02', description: 'Single permit', unit: '950' }, context: newContext() }),
    allowed: async (w) => {
      expect(await db.feeItem.findMany({ where: { firmId: w.firm.id }, select: { unitCents: true, quantity: true } })).toEqual([{ unitCents: 95_000, quantity: 1 }]);
      expect(await auditActions(w)).toEqual(['client.created', 'fee_note.fee_added']);
    },
  },
  {
    name: 'removeTimeEntry',
    file: 'lib/server/billing/remove-time-entry.ts',
    action: 'time.enter',
    setup: callersTime,
    run: (w, role) => removeTimeEntry({ actor: walkActor(w, role), input: { timeEntryId: ref(w, 'timeEntry') }, context: newContext() }),
    allowed: async (w) => {
      expect(await db.timeEntry.findUniqueOrThrow({ where: { id: ref(w, 'timeEntry') } })).toMatchObject({ deletedAt: expect.any(Date) });
      expect(await auditActions(w)).toEqual(['client.created', 'fee_note.time_removed']);
    },
  },
  {
    name: 'removeFeeItem',
    file: 'lib/server/billing/remove-fee-item.ts',
    action: 'time.enter',
    setup: callersFee,
    run: (w, role) => removeFeeItem({ actor: walkActor(w, role), input: { feeItemId: ref(w, 'feeItem') }, context: newContext() }),
    allowed: async (w) => {
      expect(await db.feeItem.findUniqueOrThrow({ where: { id: ref(w, 'feeItem') } })).toMatchObject({ deletedAt: expect.any(Date) });
      expect(await auditActions(w)).toEqual(['client.created', 'fee_note.fee_removed']);
    },
  },
  {
    name: 'listCaseBillables',
    file: 'lib/server/billing/list-case-billables.ts',
    action: 'time.enter',
    setup: callersFee,
    run: (w, role) => listCaseBillables({ actor: walkActor(w, role), caseId: w.kase.id }),
    allowed: async (_w, _role, result) => {
      expect(result).toMatchObject({ totalExclCents: 50_000, fees: [{ amountCents: 50_000, mayRemove: true }] });
    },
  },
  {
    name: 'issueFeeNote',
    file: 'lib/server/billing/issue-fee-note.ts',
    action: 'fee_note.issue',
    setup: billable,
    run: (w, role) => issueFeeNote({ actor: walkActor(w, role), input: { caseId: w.kase.id, buyerKind: 'PERSON', issuedOn: '2026-12-07' }, context: newContext() }),
    allowed: async (w) => {
      expect(await db.feeNote.findMany({ where: { firmId: w.firm.id }, select: { number: true, totalInclCents: true } })).toEqual([{ number: '2026/0001', totalInclCents: 60_500 }]);
      expect(await auditActions(w)).toEqual(['client.created', 'fee_note.issued']);
    },
  },
  {
    name: 'recordFeeNotePayment',
    file: 'lib/server/billing/record-fee-note-payment.ts',
    action: 'fee_note.payment',
    setup: issued,
    run: (w, role) => recordFeeNotePayment({ actor: walkActor(w, role), input: { feeNoteId: ref(w, 'feeNote'), paidOn: '2026-12-08' }, context: newContext() }),
    allowed: async (w) => {
      expect(await db.feeNote.findUniqueOrThrow({ where: { id: ref(w, 'feeNote') } })).toMatchObject({ status: 'PAID' });
      expect(await auditActions(w)).toEqual(['client.created', 'fee_note.issued', 'fee_note.paid']);
    },
  },
  {
    name: 'cancelFeeNote',
    file: 'lib/server/billing/cancel-fee-note.ts',
    action: 'fee_note.payment',
    setup: issued,
    run: (w, role) => cancelFeeNote({ actor: walkActor(w, role), input: { feeNoteId: ref(w, 'feeNote') }, context: newContext() }),
    allowed: async (w) => {
      expect(await db.feeNote.findUniqueOrThrow({ where: { id: ref(w, 'feeNote') } })).toMatchObject({ status: 'CANCELLED' });
      expect(await auditActions(w)).toEqual(['client.created', 'fee_note.issued', 'fee_note.cancelled']);
    },
  },
  {
    name: 'openFeeNoteFile',
    file: 'lib/server/billing/open-fee-note-file.ts',
    action: 'fee_note.read',
    setup: issued,
    run: async (w, role) => {
      const file = await openFeeNoteFile({ actor: walkActor(w, role), feeNoteId: ref(w, 'feeNote'), kind: 'pdf', context: newContext() });
      file.body.destroy();
      return file;
    },
    allowed: async (w, _role, result) => {
      expect(result).toMatchObject({ mimeType: 'application/pdf', fileName: 'fee-note-2026-0001.pdf' });
      expect(await auditActions(w)).toEqual(['client.created', 'fee_note.issued', 'fee_note.downloaded']);
    },
  },
];
