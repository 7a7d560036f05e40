import { z } from 'zod';
import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { isLocale } from '@/lib/i18n/config';
import { PUBLIC_LOCALES } from '@/lib/i18n/public-locales';
import { firmLogoUrl as firmLogoUrlFor } from '@/lib/server/firm/firm-logo';
import { ZEmailAttachments, type EmailAttachment } from './email-attachments';
import { renderEmail, type EmailLocale } from './render-email';
import { isPublicTemplate, TEMPLATE_NAMES, type TemplateName, type TemplateProps } from './templates';

export type EnqueueEmailInput<N extends TemplateName> = {
  /** idempotency key, e.g. `invitation:<id>` or `reminder:<deadline>:<recipient>:<lead>`; the same key is queued once */
  key: string;
  firmId: string | null;
  template: N;
  /** en, nl or fr; de too for the public templates (templates.ts) */
  locale: EmailLocale;
  to: string;
  props: TemplateProps<N>;
  /** files sent with it (a consultation's .ics invitation), kept on the outbox row */
  attachments?: EmailAttachment[];
  /** the advisor whose dashboard shows it if it cannot be delivered */
  responsibleUserId?: string;
};

const ZEnvelope = z.object({
  key: z.string().trim().min(1).max(500),
  firmId: z.string().min(1).nullable(),
  template: z.enum(TEMPLATE_NAMES),
  locale: z.enum(PUBLIC_LOCALES),
  to: z.string().trim().pipe(z.email()),
  responsibleUserId: z.string().min(1).optional(),
  attachments: ZEmailAttachments.optional(),
})
  // German exists only in the public catalogues.
  .refine((v) => isPublicTemplate(v.template) || isLocale(v.locale), { path: ['locale'], message: 'no such language for this template' });

/**
 * Queues one email in the caller's transaction, so it is sent if and only if the change that caused
 * it commits. The message is rendered now (what the recipient gets is fixed when the event happens,
 * and a template error surfaces here instead of in the worker).
 *
 * A second call with the same key is a no-op and returns `created: false` with the existing row's id:
 * retried requests and re-run sweeps never send a message twice.
 */
export async function enqueueEmail<N extends TemplateName>(tx: Tx, input: EnqueueEmailInput<N>): Promise<{ created: boolean; id: string }> {
  const envelope = ZEnvelope.safeParse(input);
  if (!envelope.success) throw invalid(envelope.error);
  const { key, firmId, template, locale, to, responsibleUserId, attachments } = envelope.data;

  // Every firm email carries the firm's logo when it has one; callers need not look it up.
  const props = firmId && !('firmLogoUrl' in input.props && input.props.firmLogoUrl) ? await withFirmLogo(tx, firmId, input.props) : input.props;
  const rendered = await renderEmail({ template: input.template, locale, props }).catch((error: unknown) => {
    throw error instanceof z.ZodError ? invalid(error, 'props') : error;
  });

  // ON CONFLICT DO NOTHING on the unique key: a concurrent transaction with the same key waits for
  // the first to commit and then inserts nothing, instead of failing the caller's transaction.
  const [row] = await tx.emailOutbox.createManyAndReturn({
    data: [{ key, firmId, template, locale, toEmail: to, responsibleUserId, ...rendered, ...(attachments?.length ? { attachments } : {}) }],
    skipDuplicates: true,
    select: { id: true },
  });
  if (row) return { created: true, id: row.id };
  const existing = await tx.emailOutbox.findUniqueOrThrow({ where: { key }, select: { id: true } });
  return { created: false, id: existing.id };
}

async function withFirmLogo<P extends object>(tx: Tx, firmId: string, props: P): Promise<P> {
  const firm = await tx.firm.findUnique({ where: { id: firmId }, select: { logoKey: true } });
  const firmLogoUrl = firmLogoUrlFor(firm?.logoKey);
  return firmLogoUrl ? { ...props, firmLogoUrl } : props;
}

function invalid(error: z.ZodError, prefix?: string): AppError {
  const fields = error.issues.map((issue) => [prefix, ...issue.path].filter((part) => part !== undefined).join('.') || '_');
  return new AppError('VALIDATION', {
    message: `enqueueEmail: invalid ${fields.join(', ')}: ${z.prettifyError(error)}`,
    details: { fields },
  });
}
