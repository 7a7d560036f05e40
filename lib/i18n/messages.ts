import type { AppLocale } from './config';

// Catalogues are split into files by area (app shell, errors, auth, emails, ...) so that each area's
// strings live together; every file exists in en, nl and fr with the same keys (tests/unit/i18n-catalogues).
export const CATALOGUE_FILES = ['app', 'errors', 'auth', 'emails', 'dashboard', 'cases', 'workspace', 'calendar', 'import', 'documents', 'outbox', 'reminders', 'portal', 'decisions', 'appeals', 'consultations', 'inquiries', 'legalAid', 'services', 'feeNotes', 'palette', 'ui'] as const;

export type Messages = Record<string, unknown>;

export async function loadMessages(locale: AppLocale): Promise<Messages> {
  const parts = await Promise.all(CATALOGUE_FILES.map(async (file) => (await import(`./messages/${locale}/${file}.json`)).default as Messages));
  return Object.assign({}, ...parts);
}
