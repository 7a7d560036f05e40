import { z } from 'zod';

// Shared prop schemas. Names end up in subjects and headers, so line breaks are refused rather than
// trusted to the mailer's header encoding.
export const ZEmailName = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[^\r\n]*$/, 'must be a single line');

export const ZEmailLink = z.url({ protocol: /^https?$/ });

/** The firm the email speaks for: every template shows its name, and its logo when it has one. */
export const ZEmailBrand = z.object({
  firmName: ZEmailName,
  firmLogoUrl: ZEmailLink.optional(),
});
