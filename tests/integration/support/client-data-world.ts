import { randomUUID } from 'node:crypto';
import type { ClientActor } from '@/lib/auth/actor';
import { redeemMagicLink, requestMagicLink } from '@/lib/auth/magic-link';
import { getDb } from '@/lib/db';
import { createCase } from '@/lib/server/case/create-case';
import { transitionCase } from '@/lib/server/case/transition-case';
import { addChecklistItem } from '@/lib/server/checklist/add-checklist-item';
import { requestChecklistItems } from '@/lib/server/checklist/request-checklist-items';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { createClient } from '@/lib/server/client/create-client';
import { inviteClientToPortal } from '@/lib/server/client/invite-client-to-portal';
import { uploadDocument } from '@/lib/server/document/upload-document';
import { linkFamilyMember } from '@/lib/server/family/link-family-member';
import { addNote } from '@/lib/server/note/add-note';
import { sealNationalRegisterNumber } from '@/lib/server/client/sealed-national-number';
import { addFeeItem } from '@/lib/server/billing/add-fee-item';
import { addTimeEntry } from '@/lib/server/billing/add-time-entry';
import { issueFeeNote } from '@/lib/server/billing/issue-fee-note';
import { setBillingDetails } from '@/lib/server/billing/set-billing-details';
import { addLegalAidEntry } from '@/lib/server/legal-aid/add-legal-aid-entry';
import { setLegalAidDesignation } from '@/lib/server/legal-aid/set-legal-aid-designation';
import { BILLING_DETAILS } from './fee-note-world';
import { addOtherParty } from '@/lib/server/other-party/add-other-party';
import { sendPortalMessage } from '@/lib/server/portal/send-portal-message';
import { createTask } from '@/lib/server/task/create-task';
import type { Storage } from '@/lib/storage/storage';
import { pdf, sha256 } from './document-files';
import { emailsTo, linkToken, newContext, unique, type FirmWithStaff } from './fixtures';

// A client with everything Sejour can hold on them, made through the operations a firm and the client would use
// (case, notes, checklist request, portal invitation and sign-in, uploads from both sides, a portal message, a
// task, family link, deadlines and their reminders), plus the rows no operation writes yet (a portal invitation row,
// a decision read, a built appeal packet, a delivery attempt, an import report), written as the code would.
// Import after setupTestDatabase(), as the test does lib/server.

const db = getDb();

export type Person = {
  firstName: string;
  lastName: string;
  birthDate: string;
  email: string;
  phone: string;
  addressLine: string;
  nationalRegisterNumber: string;
  passportNumber: string;
};

let serial = 100;

/**
 * A person born on `birthDate` (19xx) with unique names, numbers and addresses, so a scan for one person's values
 * never finds another's: a valid national register number with a serial no other person of the file has.
 */
export function person(firstName: string, birthDate: string, lastName?: string): Person {
  const tag = unique();
  const base = `${birthDate.slice(2).replaceAll('-', '')}${String(serial++).padStart(3, '0')}`;
  return {
    firstName,
    lastName: lastName ?? `Benali${tag}`,
    birthDate,
    email: `${firstName.toLowerCase()}.${tag}@client.example.test`,
    phone: `+32 470 ${tag.slice(0, 6)}`,
    addressLine: `Rue du Test ${tag}`,
    nationalRegisterNumber: `${base}${String(97 - (Number(base) % 97)).padStart(2, '0')}`,
    passportNumber: `PA${tag.toUpperCase()}`,
  };
}

export type PopulatedClient = { clientId: string; fileNumber: string; caseId: string; person: Person; portal: ClientActor; storageKeys: string[] };

export async function populateClient(w: FirmWithStaff, who: Person, storage: Storage, family: { clientId: string }): Promise<PopulatedClient> {
  const staff = w.advisor.actor;
  const context = newContext();
  const { id: clientId, fileNumber } = await createClient({
    actor: staff,
    input: { ...who, nationality: 'MA', language: 'fr', postalCode: '1030', commune: 'Schaerbeek' },
    context,
  });
  const { id: caseId } = await createCase({ actor: staff, input: { clientId, procedure: 'SINGLE_PERMIT', arrivedOn: '2026-09-01' }, context });
  await addNote({ actor: staff, input: { caseId, body: `Met ${who.firstName} at the office`, visibility: 'INTERNAL' }, context });
  await addNote({ actor: staff, input: { caseId, body: 'Your file is complete.', visibility: 'CLIENT' }, context });
  await createTask({ actor: staff, input: { caseId, title: `Call ${who.firstName} ${who.lastName}`, dueOn: '2027-01-10' }, context });
  await linkFamilyMember({ actor: staff, input: { clientId, relatedClientId: family.clientId, relation: 'SPOUSE', visibleInPortal: 'true' }, context });

  // The portal: invited, signed in through the emailed link, asked for a passport, which they send.
  await inviteClientToPortal({ actor: staff, input: { clientId }, context });
  const [invitationEmail] = await emailsTo(who.email);
  if (!invitationEmail) throw new Error('no portal invitation');
  const signedIn = await redeemMagicLink(linkToken(invitationEmail, 'magic-link'), newContext());
  if (!signedIn) throw new Error('portal sign-in failed');
  const portal: ClientActor = { kind: 'client', userId: signedIn.userId, firmId: w.firm.id, clientId, sessionId: signedIn.sessionId };
  const { id: itemId } = await addChecklistItem({ actor: staff, input: { caseId, documentKind: 'PASSPORT', label: 'Passport' }, context });
  await requestChecklistItems({ actor: staff, input: { caseId, itemIds: [itemId] }, context });
  const passport = await uploadDocument({ actor: portal, input: { caseId, checklistItemId: itemId }, file: { name: `passport-${who.lastName}.pdf`, body: pdf() }, context: newContext(), storage });
  const birth = await uploadDocument({ actor: staff, input: { caseId, kind: 'BIRTH_CERTIFICATE' }, file: { name: `birth-${who.lastName}.pdf`, body: pdf() }, context, storage });
  await sendPortalMessage({ actor: portal, input: { caseId, body: `Hello, this is ${who.firstName} ${who.lastName}, when is my appointment?` }, context: newContext() });
  // A fresh sign-in link asked for later and never used: a token, a rate-limit counter and an audit entry.
  await requestMagicLink({ email: who.email }, newContext());
  // Someone typed the address on the staff sign-in page: recorded before any firm is known.
  await recordAudit(db, { firmId: null, actor: { kind: 'anonymous' }, action: 'auth.sign_in_failed', entity: 'session', after: { email: who.email, reason: 'password' }, context: newContext() });
  for (const actor of ['ADVISOR', 'CLIENT'] as const) {
    await db.deadline.create({
      data: { firmId: w.firm.id, caseId, key: `APPEAL:${actor}`, kind: 'APPEAL', dueOn: new Date('2027-04-21T00:00:00Z'), basis: 'Art. 39/57', confidence: 'H', actor },
    });
  }

  // Rows no operation writes yet, as the schema describes them.
  await db.invitation.create({
    data: { firmId: w.firm.id, email: who.email, clientId, tokenHash: sha256(new TextEncoder().encode(randomUUID())), expiresAt: new Date('2027-01-01T00:00:00Z'), invitedById: w.admin.user.id },
  });
  await db.decisionIntake.create({
    data: { firmId: w.firm.id, caseId, documentId: birth.documentId, versionId: birth.versionId, readMethod: 'TEXT', text: `Decision about ${who.firstName} ${who.lastName}`, proposal: {}, createdById: w.advisor.user.id },
  });
  const packetKey = `${w.firm.id}/appeals/${randomUUID()}/${randomUUID()}`;
  const packet = new TextEncoder().encode(`packet of ${who.lastName} ${unique()}`);
  await storage.put(packetKey, packet, { contentType: 'application/zip', size: packet.byteLength });
  await db.appealFiling.create({
    data: { firmId: w.firm.id, caseId, language: 'fr', petitionDocumentId: birth.documentId, annexDocumentIds: [passport.documentId], packetStorageKey: packetKey, builtAt: new Date(), createdById: w.advisor.user.id },
  });
  await db.emailAttempt.create({ data: { outboxId: invitationEmail.id, ok: false, error: 'ECONNREFUSED' } });
  await db.importJob.create({
    data: {
      firmId: w.firm.id, createdById: w.admin.user.id, fileName: `clients-${unique()}.csv`, status: 'COMMITTED', totalRows: 1, processedRows: 1,
      report: { result: { finishedAt: new Date().toISOString(), clientCount: 1, caseCount: 0, clients: [{ id: clientId, fileNumber, name: `${who.firstName} ${who.lastName}` }] } },
    },
  });
  // Before they were a client: the inquiry they were converted from, with its letter and its booking; and the other
  // side of their case.
  const slot = await db.consultationSlot.create({ data: { firmId: w.firm.id, advisorId: w.advisor.user.id, startsAt: new Date('2026-10-01T09:00:00Z'), durationMinutes: 30, priceCents: 2900, mode: 'PHONE' } });
  const booking = await db.consultationBooking.create({ data: { firmId: w.firm.id, slotId: slot.id, name: `${who.firstName} ${who.lastName}`, email: who.email, phone: who.phone, language: 'fr', tokenHash: sha256(new TextEncoder().encode(randomUUID())) } });
  const inquiryId = randomUUID();
  const letterKey = `${w.firm.id}/inquiries/${inquiryId}/${randomUUID()}`;
  const letter = pdf();
  await storage.put(letterKey, letter, { contentType: 'application/pdf', size: letter.byteLength });
  await db.inquiry.create({
    data: {
      id: inquiryId, firmId: w.firm.id, status: 'CONVERTED', firstName: who.firstName, lastName: who.lastName, email: who.email, phone: who.phone, language: 'fr',
      birthDate: new Date(`${who.birthDate}T00:00:00Z`), topic: 'WORK', question: `I am ${who.firstName} ${who.lastName}, I live at ${who.addressLine}`,
      ...sealNationalRegisterNumber({ table: 'Inquiry', id: inquiryId, firmId: w.firm.id }, who.nationalRegisterNumber),
      letterStorageKey: letterKey, letterFileName: `letter-${who.lastName}.pdf`, letterMimeType: 'application/pdf', letterSizeBytes: letter.byteLength, letterSha256: sha256(letter),
      bookingId: booking.id, convertedClientId: clientId, convertedCaseId: caseId, convertedAt: new Date(), convertedById: staff.userId,
    },
  });
  await addOtherParty({ actor: staff, input: { caseId, name: `Sponsor of ${who.lastName}`, role: 'SPONSOR' }, context });
  // Pro deo: the office's designation and one service entered.
  await setLegalAidDesignation({ actor: staff, input: { caseId, designatedOn: '2026-09-01', designationNumber: `BJB-${unique()}`, bar: 'Brussel (NL)', lawyerId: w.advisor.user.id, clientContributionCents: 0 }, context });
  await addLegalAidEntry({ actor: staff, input: { caseId, performedOn: '2026-09-02', itemCode: 'OPENING', quantity: 1 }, context });
  // Billed work: a fee note of 2018 (old enough that erasure is allowed again) for time and a fixed fee, and time
  // not billed yet.
  await setBillingDetails({ actor: w.admin.actor, input: BILLING_DETAILS, context });
  await addTimeEntry({ actor: staff, input: { caseId, workedOn: '2018-02-01', minutes: 60, description: `Advice to ${who.lastName}`, rate: '120' }, context });
  await addFeeItem({ actor: staff, input: { caseId, performedOn: '2018-02-02', description: 'Registration file', unit: '500' }, context });
  const note = await issueFeeNote({ actor: staff, input: { caseId, buyerKind: 'PERSON', issuedOn: '2018-03-01' }, context, storage });
  await addTimeEntry({ actor: staff, input: { caseId, workedOn: '2026-09-03', minutes: 30, description: 'Follow-up', rate: '120' }, context });
  const { pdfStorageKey } = await db.feeNote.findUniqueOrThrow({ where: { id: note.id }, select: { pdfStorageKey: true } });
  const versions = await db.documentVersion.findMany({ where: { firmId: w.firm.id, document: { clientId } }, select: { storageKey: true } });
  return { clientId, fileNumber, caseId, person: who, portal, storageKeys: [...versions.map((v) => v.storageKey), packetKey, letterKey, pdfStorageKey!] };
}

/** Closes the client's case on `closedOn` (a past date) through the stage machine. */
export async function closeCase(w: FirmWithStaff, caseId: string, closedOn: string) {
  const { version } = await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { version: true } });
  await transitionCase({ actor: w.advisor.actor, input: { caseId, version, transition: 'CLOSE', facts: { closedOn } }, context: newContext() });
}
