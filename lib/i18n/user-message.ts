import { getTranslations } from 'next-intl/server';

/**
 * An operation's message key (`documents.review.stale`) in the reader's language, translated on the server, or
 * undefined when the catalogues do not have it (the form then falls back to the error code's message). The
 * browser gets only the catalogue keys its own components read (client-messages.ts), not every key an
 * operation might answer with.
 */
export async function userMessageText(key: string, values?: Record<string, string | number>): Promise<string | undefined> {
  try {
    const t = await getTranslations();
    return t.has(key) ? t(key, values) : undefined;
  } catch {
    // Outside a request (a script calling the operation): no locale to translate into.
    return undefined;
  }
}
