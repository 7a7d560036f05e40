import { env } from '@/lib/env';

// A firm's logo, shown at the top of every email it sends. Email clients fetch it without signing in, so it is
// served publicly, at an address that changes with each upload (a new logo is never hidden by a cache).
// Only PNG, JPEG and GIF: the formats every mail client shows (no SVG, which could carry script, no WebP,
// which Outlook does not show). Small, because it travels with every reminder.

export const LOGO_MAX_BYTES = 200 * 1024;

export const LOGO_TYPES = { png: 'image/png', jpg: 'image/jpeg', gif: 'image/gif' } as const;
export type LogoExtension = keyof typeof LOGO_TYPES;

/** The storage key: `<firmId>/logo/<uuid>-<ext>` (the key alphabet has no dot). */
export const logoKey = (firmId: string, id: string, ext: LogoExtension) => `${firmId}/logo/${id}-${ext}`;

const KEY = /^([A-Za-z0-9_-]+)\/logo\/([0-9a-f-]{36})-(png|jpg|gif)$/;
const NAME = /^([0-9a-f-]{36})-(png|jpg|gif)$/;

/** The public address of a stored logo, for the emails; none without a logo. */
export function firmLogoUrl(key: string | null | undefined): string | undefined {
  const match = key ? KEY.exec(key) : null;
  if (!match) return undefined;
  return new URL(`/api/firm-logos/${match[1]}/${match[2]}-${match[3]}`, env().APP_URL).toString();
}

/** The key and type behind a public address's last two parts, or null for anything else. */
export function logoFromPath(firmId: string, name: string): { key: string; contentType: string } | null {
  const match = NAME.exec(name);
  if (!match || !/^[A-Za-z0-9_-]+$/.test(firmId)) return null;
  const ext = match[2] as LogoExtension;
  return { key: logoKey(firmId, match[1]!, ext), contentType: LOGO_TYPES[ext] };
}
