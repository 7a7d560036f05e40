import { z } from 'zod';

// The audit vocabulary. Each action names the one entity it is about, as data, and the entry schema is a
// discriminated union on `action` built from that table, so a mismatched pair ('client.created' about a
// 'case') fails type-checking at the call site and validation at run time. New issues add rows here.

export const AUDIT_ENTITIES = ['firm', 'member', 'invitation', 'client', 'case', 'document', 'checklist', 'deadline', 'note', 'task', 'settings', 'session', 'export', 'import', 'decision', 'appeal', 'consultation', 'inquiry', 'other_party', 'legal_aid', 'service',
  'fee_note'] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

export const AUDIT_ACTIONS = {
  'firm.created': 'firm',
  // `npm run keys:rotate` (actor SYSTEM): clients' identity numbers re-sealed under the current key, per batch.
  'firm.identity_keys_rotated': 'firm',
  'member.invited': 'invitation',
  'member.invitation_revoked': 'invitation',
  'member.joined': 'member',
  'member.role_changed': 'member',
  'member.deactivated': 'member',
  'member.reactivated': 'member',
  'client.created': 'client',
  'client.updated': 'client',
  'client.deleted': 'client',
  // Recorded on the client (entityId = Client id) so it shows in that client's history.
  'client.portal_invited': 'client',
  // Family links are recorded on the client whose file holds the link (entityId = Client id).
  'client.family_linked': 'client',
  'client.family_link_updated': 'client',
  'client.family_unlinked': 'client',
  // GDPR: the client's data handed out as one ZIP, and the client erased (the diff names no personal value).
  'client.exported': 'client',
  'client.erased': 'client',
  'case.created': 'case',
  'case.updated': 'case',
  'case.transitioned': 'case',
  'case.deleted': 'case',
  'document.uploaded': 'document',
  'document.downloaded': 'document',
  'document.reviewed': 'document',
  'document.deleted': 'document',
  'document.updated': 'document',
  // One entry for a whole case's ZIP (entityId = Case id); the files in it are listed in the diff.
  'case.documents_downloaded': 'case',
  // A case's list of required documents (entityId = ChecklistItem id).
  'checklist.item_added': 'checklist',
  'checklist.item_removed': 'checklist',
  'checklist.item_requested': 'checklist',
  'deadline.updated': 'deadline',
  // The second person's check of an appeal deadline (four eyes).
  'deadline.confirmed': 'deadline',
  // A decision letter read into a case (entityId = DecisionIntake id); confirming it also writes 'case.transitioned'.
  'decision.read': 'decision',
  'decision.confirmed': 'decision',
  'decision.discarded': 'decision',
  // The RvV/CCE filing of a case (entityId = AppealFiling id).
  'appeal.petition_generated': 'appeal',
  'appeal.filing_saved': 'appeal',
  'appeal.packet_built': 'appeal',
  'appeal.packet_downloaded': 'appeal',
  'appeal.submitted': 'appeal',
  'appeal.roll_number_recorded': 'appeal',
  'note.created': 'note',
  'note.updated': 'note',
  'note.deleted': 'note',
  'task.created': 'task',
  'task.updated': 'task',
  'task.deleted': 'task',
  'settings.updated': 'settings',
  // Sign-in events are about a session: entityId is the Session id when one exists, else the user id or null.
  'auth.sign_in': 'session',
  'auth.sign_in_failed': 'session',
  'auth.sign_in_throttled': 'session',
  'auth.sign_out': 'session',
  'auth.magic_link_requested': 'session',
  // A person ended one of their own sessions (entityId = Session id).
  'auth.session_ended': 'session',
  // A new password; the person's other sessions end with it (entityId = User id).
  'auth.password_changed': 'member',
  // An admin ended every session a member has in the firm (entityId = Membership id).
  'member.sessions_ended': 'member',
  // Two-factor belongs to the person, not a session: entityId is the User id.
  'auth.totp_enabled': 'member',
  'auth.totp_disabled': 'member',
  // Passkeys and recovery codes also belong to the person (entityId = User id); the diff names the passkey.
  'auth.passkey_added': 'member',
  'auth.passkey_renamed': 'member',
  'auth.passkey_removed': 'member',
  'auth.recovery_codes_generated': 'member',
  // A feed URL is a credential: creating or revoking one is recorded on the member (entityId = Membership id).
  'member.calendar_feed_created': 'member',
  'member.calendar_feed_revoked': 'member',
  // How and when a member wants reminders (entityId = Membership id).
  'member.reminder_preferences_updated': 'member',
  'export.created': 'export',
  // One entry per committed spreadsheet (entityId = ImportJob id); each client and case also has its own 'created'.
  'import.committed': 'import',
  // The worker's purge of an import a day after its last change (actor SYSTEM): an abandoned one deleted, a
  // committed one stripped of its rows' values.
  'import.purged': 'import',
  // Consultations (entityId = ConsultationSlot id for a slot, ConsultationBooking id for a booking).
  'consultation.slot_published': 'consultation',
  'consultation.booked': 'consultation',
  'consultation.booking_cancelled': 'consultation',
  // The public form (actor anonymous; entityId = Inquiry id). The diff holds the topic and language, never the text.
  'inquiry.received': 'inquiry',
  // The firm's public page switched on or off, or its description changed.
  'firm.public_page_updated': 'firm',
  // A slot taken off the page (entityId = slot id); its live booking, if any, is cancelled in the same change.
  'consultation.slot_withdrawn': 'consultation',
  // A booking moved to another slot by its emailed link (entityId = booking id; before/after name the slots).
  'consultation.booking_rescheduled': 'consultation',
  // Inquiries from the public form (entityId = Inquiry id): staff's status changes, the conflict check (what it
  // found, by kind and id, never the person's number), the letter opened, and the conversion into a client.
  'inquiry.status_changed': 'inquiry',
  'inquiry.conflict_checked': 'inquiry',
  'inquiry.letter_downloaded': 'inquiry',
  'inquiry.converted': 'inquiry',
  // Someone on the other side of a case (entityId = OtherParty id); the number is recorded as given, masked.
  'other_party.added': 'other_party',
  'other_party.updated': 'other_party',
  'other_party.removed': 'other_party',
  // Legal aid (pro deo) of a case: entityId = LegalAidDesignation id, or LegalAidEntry id for the points entered.
  'legal_aid.designation_set': 'legal_aid',
  'legal_aid.entry_added': 'legal_aid',
  'legal_aid.entry_removed': 'legal_aid',
  'legal_aid.closed': 'legal_aid',
  'legal_aid.report_downloaded': 'legal_aid',
  // The firm's service catalogue (entityId = Service id): the facts before and after, the English name to know it by.
  'service.created': 'service',
  'service.updated': 'service',
  'service.archived': 'service',
  // Time and fixed fees on a case and its fee notes (entityId = FeeNote id; for time and fees, the entry's id
  // under entity fee_note, with the case in the diff), money in cents.
  'fee_note.time_added': 'fee_note',
  'fee_note.time_removed': 'fee_note',
  'fee_note.fee_added': 'fee_note',
  'fee_note.fee_removed': 'fee_note',
  'fee_note.issued': 'fee_note',
  'fee_note.paid': 'fee_note',
  'fee_note.cancelled': 'fee_note',
  'fee_note.downloaded': 'fee_note',
} as const satisfies Record<string, AuditEntity>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;
export const AUDIT_ACTION_NAMES = Object.keys(AUDIT_ACTIONS) as [AuditAction, ...AuditAction[]];

/** The value stored instead of a sensitive field, so the log shows that it changed but never what to. */
export const MASKED = '[masked]';

export const ZAuditActor = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('staff'), userId: z.string().min(1) }),
  z.object({ kind: z.literal('client'), userId: z.string().min(1) }),
  z.object({ kind: z.literal('system') }),
  z.object({ kind: z.literal('anonymous') }),
]);
export type AuditActor = z.infer<typeof ZAuditActor>;

/** Stored as AuditLog.actorKind. */
export const ACTOR_KIND_COLUMN = { staff: 'STAFF', client: 'CLIENT', system: 'SYSTEM', anonymous: 'ANONYMOUS' } as const satisfies Record<AuditActor['kind'], string>;

// Headers are client-supplied: a giant User-Agent must not make the audited change fail, so it is cut, not refused.
const clippedHeader = (max: number) =>
  z
    .string()
    .nullable()
    .transform((value) => (value ? value.slice(0, max) : null));

export const ZRequestContext = z.object({ ip: clippedHeader(64), userAgent: clippedHeader(512) });
export type RequestContext = { ip: string | null; userAgent: string | null };

/** A row's fields as the caller has them (Prisma rows, partial inputs); diffing and masking happen in recordAudit. */
const ZFields = z.record(z.string(), z.unknown());

const entryFor = <A extends AuditAction>(action: A) =>
  z.object({
    action: z.literal(action),
    entity: z.literal(AUDIT_ACTIONS[action] as (typeof AUDIT_ACTIONS)[A]),
    // Null only before sign-in, when no firm is known yet (failed or throttled sign-ins for unknown emails).
    firmId: z.string().min(1).nullable(),
    actor: ZAuditActor,
    entityId: z.string().min(1).nullish(),
    // Creates and one-off events pass `after` only, deletes `before` only, updates both.
    before: ZFields.nullish(),
    after: ZFields.nullish(),
    // System jobs act outside any request.
    context: ZRequestContext.nullish(),
  });

type EntrySchema<A extends AuditAction> = ReturnType<typeof entryFor<A>>;
type EntrySchemas = { [A in AuditAction]: EntrySchema<A> }[AuditAction];

export const ZAuditEntry = z.discriminatedUnion(
  'action',
  AUDIT_ACTION_NAMES.map((action) => entryFor(action)) as unknown as [EntrySchemas, ...EntrySchemas[]],
);

export type AuditEntry = z.input<typeof ZAuditEntry>;
