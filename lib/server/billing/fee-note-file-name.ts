/** A fee note's or credit note's files as downloaded and exported: "fee-note-2026-0007", "credit-note-2026-0008". */
export const feeNoteFileBase = (note: { kind: 'INVOICE' | 'CREDIT_NOTE'; number: string }) => `${note.kind === 'CREDIT_NOTE' ? 'credit-note' : 'fee-note'}-${note.number.replace('/', '-')}`;
