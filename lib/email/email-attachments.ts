import { z } from 'zod';

// Files an outbox row carries to the SMTP server, stored with the row (EmailOutbox.attachments) so that a retry
// three days later sends the same bytes. Text only, and small: an .ics invitation, not documents (those stay in
// storage and are linked).

const MAX_BYTES = 64 * 1024;

export const ZEmailAttachment = z.object({
  // A plain file name: no path, no quote or line break that could bend the MIME header.
  filename: z.string().regex(/^[\w.-]{1,100}$/),
  contentType: z.string().regex(/^[\w.+-]+\/[\w.+-]+(?:; ?[\w-]+=[\w.-]+)*$/).max(200),
  content: z.string().refine((text) => Buffer.byteLength(text, 'utf8') <= MAX_BYTES, 'attachment too large'),
});
export type EmailAttachment = z.infer<typeof ZEmailAttachment>;

export const ZEmailAttachments = z.array(ZEmailAttachment).max(5);
