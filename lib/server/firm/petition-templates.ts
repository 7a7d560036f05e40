import type { Tx } from '@/lib/db';
import { lockedFirmSettings } from './locked-firm-settings';

// The firm's own petition templates (DOCX), one per language, kept in Firm.settings.petitionTemplates next to
// the rules and reminder settings; the bytes live in storage under the firm's prefix.

export const PETITION_LOCALES = ['en', 'nl', 'fr'] as const;
export type PetitionLocale = (typeof PETITION_LOCALES)[number];
export type StoredTemplate = { key: string; fileName: string; uploadedAt: string; tags: string[] };
export const TEMPLATE_MAX_BYTES = 2 * 1024 * 1024;

type Settings = Record<string, unknown> & { petitionTemplates?: Partial<Record<PetitionLocale, StoredTemplate>> };

/** The firm's settings, locked for a template change (see lockedFirmSettings). */
export async function lockedSettings(tx: Tx, firmId: string): Promise<Settings> {
  return (await lockedFirmSettings(tx, firmId)) as Settings;
}

export function firmTemplates(settings: unknown): Partial<Record<PetitionLocale, StoredTemplate>> {
  return ((settings ?? {}) as Settings).petitionTemplates ?? {};
}
