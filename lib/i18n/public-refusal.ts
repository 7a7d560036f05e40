import { createTranslator } from 'use-intl/core';
import { loadPublicMessages, type PublicLocale } from './public-locales';

export type PublicRefusal = { userMessage: string; fieldErrors?: Record<string, string[]>; retryAfterSeconds?: number };

/**
 * A refusal of a public operation in the person's language (German included): the operation's own reason when the
 * public catalogue has it, the waiting time for a rate limit, else a pointer to the marked fields or a general
 * "try again". Field messages are translated one by one, so each field can show its own.
 */
export async function publicRefusalText(locale: PublicLocale, refusal: PublicRefusal): Promise<{ message: string; fields: Record<string, string> }> {
  const t = createTranslator({ locale, messages: (await loadPublicMessages(locale, ['public'])) as Record<string, never>, namespace: 'publicPage' as never }) as unknown as {
    (key: string, values?: Record<string, number>): string;
    has(key: string): boolean;
  };
  const fields = Object.fromEntries(
    Object.entries(refusal.fieldErrors ?? {}).map(([field, codes]) => [field, codes[0] && t.has(`fields.${codes[0]}`) ? t(`fields.${codes[0]}`) : t('fields.invalid')]),
  );
  const key = refusal.userMessage.startsWith('publicPage.') ? refusal.userMessage.slice('publicPage.'.length) : null;
  let message: string;
  if (refusal.userMessage === 'RATE_LIMITED') message = t('errors.rateLimited', { minutes: Math.max(1, Math.ceil((refusal.retryAfterSeconds ?? 60) / 60)) });
  else if (key && t.has(key)) message = t(key);
  else if (Object.keys(fields).length > 0) message = t('errors.checkFields');
  else message = t('errors.generic');
  return { message, fields };
}
