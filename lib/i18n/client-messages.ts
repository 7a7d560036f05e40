import type { Messages } from './messages';

/**
 * The catalogue keys (namespaces or sub-trees) that client components read in the browser. Only these are sent
 * with every page, a fifth of the catalogues instead of all of them on each request; server components
 * translate on the server, and actions send their refusals already translated (lib/i18n/user-message.ts).
 * tests/unit/client-messages.test.ts checks each client component's namespaces and form field keys are here.
 */
export const CLIENT_MESSAGE_PATHS = [
  'errors',
  'deletion',
  'language',
  'roles',
  'signIn',
  'register',
  'invitations',
  'security',
  'sessions.fields',
  'members',
  'clients',
  'portalAccess',
  'caseView',
  'taskPanel',
  'calendar',
  'importer',
  'portalSignIn',
  'portalCase',
  'documents.upload',
  'documents.fields',
  'decisions.fields',
  'appeals.fields',
  'reminderSettings.fields',
  'firmSettings.retention.errors',
  'firmSettings.publicPage.errors',
  'consultations.publish',
  'consultations.fields',
  'inquiries.fields',
  'inquiries.convert',
  'legalAid.fields',
  'services.errors',
  'feeNotes.fields',
  'casesTable.filters',
  'ui',
] as const;

/** The parts of `messages` at `paths`, nested as in the catalogue; a path the catalogue lacks is left out. */
export function pickMessages(messages: Messages, paths: readonly string[]): Messages {
  const picked: Messages = {};
  for (const path of paths) {
    const keys = path.split('.');
    let source: unknown = messages;
    for (const key of keys) source = source && typeof source === 'object' ? (source as Messages)[key] : undefined;
    if (source === undefined) continue;
    let target = picked;
    for (const key of keys.slice(0, -1)) target = (target[key] ??= {}) as Messages;
    target[keys.at(-1)!] = source;
  }
  return picked;
}
