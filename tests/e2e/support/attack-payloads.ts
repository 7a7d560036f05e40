import { form } from './server-action';

// How to attack each server action: who it is for and the arguments it is called with, naming the victim firm's
// objects. Keyed by module and export, as the build's manifest names them; the walk fails on an action missing
// here, so a new one is attacked the day it appears. Forms also carry the victim's firmId: no action may take the
// firm from its input.

export type Targets = {
  firmId: string;
  clientId: string;
  fileNumber: string;
  caseId: string;
  caseVersion: string;
  noteId: string;
  taskId: string;
  itemId: string;
  documentId: string;
  versionId: string;
  deadlineId: string;
  intakeId: string;
  membershipId: string;
  /** A session of the victim firm's admin. */
  sessionId: string;
  invitationId: string;
  jobId: string;
  familyLinkId: string;
  relatedClientId: string;
  outboxId: string;
  /** A case of another client of the same firm, for the portal client. */
  otherClientCaseId: string;
  /** A consultation slot the victim firm published. */
  slotId: string;
  inquiryId: string;
  otherPartyId: string;
  legalAidEntryId: string;
  /** A service of the victim firm's catalogue (the demo seed's first). */
  serviceId: string;
  /** Unbilled time and a fee on the victim's case, and a fee note issued on it (with a UBL file). */
  timeEntryId: string;
  feeItemId: string;
  feeNoteId: string;
};

/**
 * `staff`: acts on the victim's objects named in the payload; the other firm's staff must be refused NOT_FOUND (or
 * FORBIDDEN), a client and a stranger sent to sign in.
 * `own-firm`: acts only on the signed-in member's own firm (its settings, a new client); the payload is harmless
 * there, and the victim firm must not move.
 * `portal`: the client's own actions; another client's objects must be refused.
 * `public`: for anyone (sign-in, registration, invitations); called with made-up or the victim's values.
 */
export type ActionAttack = { audience: 'staff' | 'own-firm' | 'portal' | 'public'; args: (t: Targets) => unknown[]; page?: (t: Targets) => string };

const withFirm = (t: Targets, fields: Record<string, string | string[]>) => [null, form({ firmId: t.firmId, ...fields })];
const staff = (fields: (t: Targets) => Record<string, string | string[]>): ActionAttack => ({ audience: 'staff', args: (t) => withFirm(t, fields(t)) });
const ownFirm = (fields: (t: Targets) => Record<string, string | string[]>): ActionAttack => ({ audience: 'own-firm', args: (t) => withFirm(t, fields(t)) });

const CASE = 'app/(app)/cases/[id]';
const SOON = '2027-06-30';

export const ACTION_ATTACKS: Record<string, ActionAttack> = {
  // The case page.
  [`${CASE}/case-actions.ts#updateCaseAction`]: staff((t) => ({ caseId: t.caseId, version: t.caseVersion, dvzFileNumber: '1234567' })),
  [`${CASE}/case-actions.ts#transitionAction`]: staff((t) => ({ caseId: t.caseId, version: t.caseVersion, transition: 'CLOSE', note: 'x' })),
  [`${CASE}/case-actions.ts#deleteNoteAction`]: staff((t) => ({ caseId: t.caseId, noteId: t.noteId })),
  [`${CASE}/task-actions.ts#deleteTaskAction`]: staff((t) => ({ caseId: t.caseId, taskId: t.taskId })),
  [`${CASE}/document-actions.ts#deleteDocumentAction`]: staff((t) => ({ caseId: t.caseId, documentId: t.documentId })),
  [`${CASE}/case-actions.ts#addNoteAction`]: staff((t) => ({ caseId: t.caseId, body: 'planted note' })),
  [`${CASE}/task-actions.ts#createTaskAction`]: staff((t) => ({ caseId: t.caseId, title: 'planted task', dueOn: SOON })),
  [`${CASE}/task-actions.ts#completeTaskAction`]: staff((t) => ({ caseId: t.caseId, taskId: t.taskId })),
  [`${CASE}/document-actions.ts#requestDocumentsAction`]: staff((t) => ({ caseId: t.caseId, itemIds: [t.itemId] })),
  [`${CASE}/document-actions.ts#reviewDocumentAction`]: staff((t) => ({ caseId: t.caseId, itemId: t.itemId, versionId: t.versionId, decision: 'APPROVE' })),
  [`${CASE}/document-actions.ts#addChecklistItemAction`]: staff((t) => ({ caseId: t.caseId, documentKind: 'PASSPORT', label: 'planted item' })),
  [`${CASE}/document-actions.ts#removeChecklistItemAction`]: staff((t) => ({ caseId: t.caseId, itemId: t.itemId })),
  [`${CASE}/document-actions.ts#applyDefaultChecklistAction`]: staff((t) => ({ caseId: t.caseId })),
  [`${CASE}/document-actions.ts#documentDetailsAction`]: staff((t) => ({ caseId: t.caseId, documentId: t.documentId, title: 'renamed', kind: 'PASSPORT', expiresOn: SOON })),
  [`${CASE}/document-actions.ts#attachDocumentAction`]: staff((t) => ({ caseId: t.caseId, itemId: t.itemId, documentId: t.documentId })),
  [`${CASE}/document-actions.ts#plannedSubmissionAction`]: staff((t) => ({ caseId: t.caseId, plannedSubmissionOn: SOON })),
  [`${CASE}/appeal-actions.ts#confirmDecisionAction`]: staff((t) => ({ caseId: t.caseId, intakeId: t.intakeId, version: t.caseVersion, decisionType: 'ANNEX_20', outcome: 'REFUSED', decisionDate: '2026-11-20', notifiedOn: '2026-11-25', notificationMethod: 'IN_PERSON', regime: 'ORDINARY' })),
  [`${CASE}/appeal-actions.ts#discardDecisionAction`]: staff((t) => ({ caseId: t.caseId, intakeId: t.intakeId })),
  [`${CASE}/appeal-actions.ts#confirmDeadlineAction`]: staff((t) => ({ caseId: t.caseId, deadlineId: t.deadlineId })),
  [`${CASE}/appeal-actions.ts#saveAppealFilingAction`]: staff((t) => ({ caseId: t.caseId, language: 'nl', petitionDocumentId: t.documentId, annexDocumentIds: [t.documentId] })),
  [`${CASE}/appeal-actions.ts#generatePetitionAction`]: staff((t) => ({ caseId: t.caseId, locale: 'en' })),
  [`${CASE}/appeal-actions.ts#buildAppealPacketAction`]: staff((t) => ({ caseId: t.caseId })),
  [`${CASE}/appeal-actions.ts#recordSubmissionAction`]: staff((t) => ({ caseId: t.caseId, version: t.caseVersion, submittedAt: '2026-12-01T10:00', receipt: 'JBOX-1' })),
  [`${CASE}/other-party-actions.ts#addOtherPartyAction`]: staff((t) => ({ caseId: t.caseId, name: 'Planted Party', role: 'OTHER' })),
  [`${CASE}/other-party-actions.ts#removeOtherPartyAction`]: staff((t) => ({ caseId: t.caseId, otherPartyId: t.otherPartyId })),
  [`${CASE}/legal-aid-actions.ts#setLegalAidDesignationAction`]: staff((t) => ({ caseId: t.caseId, designatedOn: '2026-11-02', designationNumber: 'PLANTED', bar: 'Planted', lawyerId: 'x', clientContributionCents: '0' })),
  [`${CASE}/legal-aid-actions.ts#addLegalAidEntryAction`]: staff((t) => ({ caseId: t.caseId, performedOn: '2026-11-03', itemCode: 'OPENING', quantity: '1' })),
  [`${CASE}/legal-aid-actions.ts#removeLegalAidEntryAction`]: staff((t) => ({ caseId: t.caseId, entryId: t.legalAidEntryId })),
  [`${CASE}/legal-aid-actions.ts#closeLegalAidAction`]: staff((t) => ({ caseId: t.caseId, closedOn: '2026-12-01' })),
  [`${CASE}/fee-note-actions.ts#addTimeEntryAction`]: staff((t) => ({ caseId: t.caseId, workedOn: '2026-12-02', minutes: '60', description: 'planted time', rate: '100' })),
  [`${CASE}/fee-note-actions.ts#addFeeItemAction`]: staff((t) => ({ caseId: t.caseId, performedOn: '2026-12-02', description: 'planted fee', unit: '100' })),
  [`${CASE}/fee-note-actions.ts#removeTimeEntryAction`]: staff((t) => ({ caseId: t.caseId, timeEntryId: t.timeEntryId })),
  [`${CASE}/fee-note-actions.ts#removeFeeItemAction`]: staff((t) => ({ caseId: t.caseId, feeItemId: t.feeItemId })),
  [`${CASE}/fee-note-actions.ts#issueFeeNoteAction`]: staff((t) => ({ caseId: t.caseId, buyerKind: 'PERSON', issuedOn: '2026-12-07', timeEntryIds: t.timeEntryId, feeItemIds: t.feeItemId })),
  [`${CASE}/fee-note-actions.ts#recordFeeNotePaymentAction`]: staff((t) => ({ caseId: t.caseId, feeNoteId: t.feeNoteId, paidOn: '2026-12-08' })),
  [`${CASE}/fee-note-actions.ts#cancelFeeNoteAction`]: staff((t) => ({ caseId: t.caseId, feeNoteId: t.feeNoteId })),
  [`${CASE}/appeal-actions.ts#recordRollNumberAction`]: staff((t) => ({ caseId: t.caseId, version: t.caseVersion, rollNumber: '123 456' })),
  // Clients.
  'app/(app)/clients/[id]/actions.ts#invitePortalAction': staff((t) => ({ clientId: t.clientId })),
  'app/(app)/clients/[id]/actions.ts#eraseClientAction': staff((t) => ({ clientId: t.clientId, confirmFileNumber: t.fileNumber })),
  'app/(app)/clients/[id]/family-actions.ts#linkFamilyMemberAction': staff((t) => ({ clientId: t.clientId, relatedClientId: t.relatedClientId, relation: 'SPOUSE' })),
  'app/(app)/clients/[id]/family-actions.ts#familyLinkVisibilityAction': staff((t) => ({ clientId: t.clientId, linkId: t.familyLinkId, visibleInPortal: 'on' })),
  'app/(app)/clients/[id]/family-actions.ts#unlinkFamilyMemberAction': staff((t) => ({ clientId: t.clientId, linkId: t.familyLinkId })),
  // Inquiries from the public form: the other firm's inquiry must not be found.
  'app/(app)/inquiries/[id]/actions.ts#updateInquiryStatusAction': staff((t) => ({ inquiryId: t.inquiryId, status: 'DECLINED' })),
  'app/(app)/inquiries/[id]/actions.ts#checkConflictsAction': staff((t) => ({ inquiryId: t.inquiryId })),
  'app/(app)/inquiries/[id]/actions.ts#convertInquiryAction': staff((t) => ({ inquiryId: t.inquiryId, nationality: 'MA', language: 'fr', createCase: 'on', procedure: 'SINGLE_PERMIT', reason: 'planted', confirmDuplicate: 'true' })),
  // New cases and clients: the other firm's client must not be found.
  'app/(app)/cases/new/actions.ts#createCaseAction': staff((t) => ({ clientId: t.clientId, procedure: 'REGISTRATION_NON_EU' })),
  'app/(app)/clients/new/actions.ts#createClientAction': ownFirm(() => ({ firstName: 'Walk', lastName: 'Attacker', nationality: 'MA', language: 'en' })),
  // Imports.
  'app/(app)/import/[jobId]/actions.ts#checkImportAction': staff((t) => ({ jobId: t.jobId, 'map.firstName': 'First name' })),
  'app/(app)/import/[jobId]/actions.ts#commitImportAction': { audience: 'staff', args: (t) => [t.jobId] },
  // Members and firm settings.
  'app/(app)/settings/members/actions.ts#inviteAction': ownFirm(() => ({ email: 'walk-invitee@attacker.example', role: 'ASSISTANT' })),
  'app/(app)/settings/members/actions.ts#changeRoleAction': staff((t) => ({ membershipId: t.membershipId, role: 'ASSISTANT' })),
  'app/(app)/settings/members/actions.ts#deactivateAction': staff((t) => ({ membershipId: t.membershipId })),
  'app/(app)/settings/members/actions.ts#twoFactorAction': ownFirm(() => ({ required: 'false' })),
  'app/(app)/settings/members/actions.ts#deadlineConfirmationAction': ownFirm(() => ({ required: 'false' })),
  'app/(app)/settings/members/actions.ts#secondFactorPolicyAction': ownFirm(() => ({ policy: 'NONE' })),
  'app/(app)/settings/members/actions.ts#endMemberSessionsAction': staff((t) => ({ membershipId: t.membershipId })),
  'app/(app)/settings/firm/actions.ts#uploadLogoAction': { audience: 'own-firm', args: (t) => [null, form({ firmId: t.firmId, logo: new File(['<svg onload="alert(1)"/>'], 'logo.png', { type: 'image/png' }) })] },
  'app/(app)/settings/firm/actions.ts#removeLogoAction': { audience: 'own-firm', args: () => [] },
  'app/(app)/settings/firm/actions.ts#uploadPetitionTemplateAction': { audience: 'own-firm', args: (t) => [null, form({ firmId: t.firmId, locale: 'en', template: new File(['not a docx'], 'petition.docx') })] },
  'app/(app)/settings/firm/actions.ts#removePetitionTemplateAction': ownFirm(() => ({ locale: 'fr' })),
  'app/(app)/settings/firm/actions.ts#setRetentionAction': ownFirm(() => ({ years: '5' })),
  'app/(app)/settings/firm/actions.ts#setBillingDetailsAction': ownFirm(() => ({ legalName: 'Attacker BV', street: 'Rue 1', postalCode: '1000', city: 'Bruxelles', country: 'BE', enterpriseNumber: '0202239951', vatNumber: 'BE0202239951', iban: 'BE71096123456769', bic: 'GKCCBEBB', email: 'billing@attacker.example' })),
  'app/(app)/settings/firm/actions.ts#publicPageAction': ownFirm(() => ({ enabled: 'on', en: 'Planted description' })),
  // Consultations: the victim's slot must not be withdrawn; publishing names an advisor the attacker's firm lacks.
  'app/(app)/consultations/actions.ts#withdrawSlotAction': staff((t) => ({ slotId: t.slotId })),
  'app/(app)/consultations/actions.ts#publishSlotAction': ownFirm((t) => ({ advisorId: t.membershipId, startsAt: '2031-06-30T10:00', durationMinutes: '30', price: '0', mode: 'PHONE' })),
  // The service catalogue: the victim's service must not be edited or archived; a new one lands in the caller's firm.
  'app/(app)/settings/services/actions.ts#createServiceAction': ownFirm(() => ({ name_en: 'Planted service', feeKind: 'FIXED', fee: '1', vatRateBasisPoints: '2100', procedures: 'APPEAL_RVV', showOnPublicPage: 'on' })),
  'app/(app)/settings/services/actions.ts#updateServiceAction': staff((t) => ({ serviceId: t.serviceId, name_en: 'Planted service', feeKind: 'FIXED', fee: '1', vatRateBasisPoints: '2100', showOnPublicPage: 'on' })),
  'app/(app)/settings/services/actions.ts#archiveServiceAction': staff((t) => ({ serviceId: t.serviceId })),
  'app/(app)/account/reminders/actions.ts#reminderPreferencesAction': ownFirm(() => ({ digest: 'on' })),
  'app/(app)/account/reminders/actions.ts#firmLeadTimesAction': ownFirm(() => ({ leadDays: ['30', '7', '1'] })),
  'app/(app)/account/calendar/actions.ts#createFeedAction': { audience: 'own-firm', args: () => [null] },
  'app/(app)/account/calendar/actions.ts#revokeFeedAction': { audience: 'own-firm', args: () => [null] },
  'app/(app)/account/security/actions.ts#confirmTotpAction': ownFirm(() => ({ code: '000000' })),
  // The signed-in person's own account: passkeys, recovery codes, password, sessions. The victim has no passkey,
  // so a made-up id stands for one; the session is the victim admin's own.
  'app/(app)/account/security/actions.ts#startPasskeyRegistrationAction': { audience: 'own-firm', args: () => [] },
  'app/(app)/account/security/actions.ts#registerPasskeyAction': { audience: 'own-firm', args: () => [{ challengeId: 'made-up', name: 'Planted', response: '{}' }] },
  'app/(app)/account/security/actions.ts#renamePasskeyAction': staff(() => ({ passkeyId: 'cmadeuppasskey000000000', name: 'Planted' })),
  'app/(app)/account/security/actions.ts#deletePasskeyAction': staff(() => ({ passkeyId: 'cmadeuppasskey000000000' })),
  'app/(app)/account/security/actions.ts#regenerateRecoveryCodesAction': { audience: 'own-firm', args: () => [null] },
  'app/(app)/account/security/actions.ts#disableTotpAction': { audience: 'own-firm', args: () => [null] },
  'app/(app)/account/sessions/actions.ts#endSessionAction': staff((t) => ({ sessionId: t.sessionId })),
  'app/(app)/account/sessions/actions.ts#changePasswordAction': ownFirm(() => ({ currentPassword: 'not the password', newPassword: 'planted-password-2026', confirmPassword: 'planted-password-2026' })),
  // The portal.
  'app/portal/(client)/cases/[id]/actions.ts#sendMessageAction': { audience: 'portal', args: (t) => [null, form({ firmId: t.firmId, caseId: t.otherClientCaseId, body: 'planted message' })], page: (t) => `/portal/cases/${t.otherClientCaseId}` },
  'app/portal/(client)/sessions/actions.ts#endPortalSessionAction': { audience: 'portal', args: (t) => [null, form({ sessionId: t.sessionId })] },
  // For anyone.
  'app/(app)/sign-out-action.ts#signOutAction': { audience: 'public', args: () => [] },
  'lib/i18n/set-locale.ts#setLocale': { audience: 'public', args: () => ['fr'], page: () => '/sign-in' },
  'app/(public)/sign-in/actions.ts#signInWithPassword': { audience: 'public', args: () => [{}, form({ email: 'nobody@attacker.example', password: 'guess' })] },
  'app/(public)/sign-in/actions.ts#startPasskeySignInAction': { audience: 'public', args: () => [], page: () => '/sign-in' },
  'app/(public)/sign-in/actions.ts#signInWithPasskey': { audience: 'public', args: () => [{}, form({ response: '{}' })], page: () => '/sign-in' },
  'app/(public)/register/actions.ts#registerFirm': { audience: 'public', args: () => [null, form({ firmName: '', name: '', email: 'not-an-email', password: 'x' })] },
  'app/(public)/invitations/[token]/actions.ts#accept': { audience: 'public', args: (t) => [null, form({ token: t.invitationId, name: 'Intruder', password: 'intruder-password-2026' })], page: () => '/invitations/made-up-token' },
  'app/portal/sign-in/actions.ts#askForMagicLink': { audience: 'public', args: () => [{}, form({ email: 'nobody@attacker.example' })], page: () => '/portal/sign-in' },
  // A booking's manage link: a guessed token moves or cancels nothing.
  'app/booking/[token]/actions.ts#cancelBookingAction': { audience: 'public', args: () => [null, form({ token: 'made-up-token-0000000000000000' })], page: () => '/booking/made-up-token-0000000000000000' },
  'app/booking/[token]/actions.ts#rescheduleBookingAction': { audience: 'public', args: (t) => [null, form({ token: 'made-up-token-0000000000000000', slotId: t.slotId })], page: () => '/booking/made-up-token-0000000000000000' },
  'app/portal/sign-in/actions.ts#redeemLink': { audience: 'public', args: () => [{}, form({ token: 'made-up-token' })], page: () => '/portal/sign-in/verify' },
};
