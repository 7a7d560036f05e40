import { z } from 'zod';
import { getDb } from '@/lib/db';
import type { PublicLocale } from '@/lib/i18n/public-locales';
import { listFreeSlots } from '@/lib/server/consultation/list-free-slots';
import { firmLogoUrl } from './firm-logo';

// What anyone may read about a firm that opened its public page: its name, logo, what it says about itself and
// the consultation times still free. Nothing about its people beyond the advisor's name on a slot.

export const ZPublicDescription = z.object({ en: z.string(), nl: z.string(), fr: z.string(), de: z.string() }).partial();

/** The description in the reader's language, else in the firm's first written one (a firm may write only Dutch). */
export function describeFirm(description: unknown, locale: PublicLocale): string | null {
  const parsed = ZPublicDescription.safeParse(description);
  if (!parsed.success) return null;
  const texts = parsed.data;
  return texts[locale]?.trim() || [texts.en, texts.nl, texts.fr, texts.de].find((text) => text?.trim())?.trim() || null;
}

export async function getPublicFirm({ slug, locale, now = new Date() }: { slug: string; locale: PublicLocale; now?: Date }) {
  const firm = await getDb().firm.findFirst({ where: { slug, publicPageEnabled: true }, select: { id: true, name: true, slug: true, logoKey: true, publicDescription: true } });
  if (!firm) return null;
  const slots = await listFreeSlots({ firmSlug: slug, now, limit: 60 });
  const logo = firmLogoUrl(firm.logoKey);
  return {
    id: firm.id,
    name: firm.name,
    slug: firm.slug,
    // Same-origin path, so the page does not depend on APP_URL being this host.
    logoPath: logo ? new URL(logo).pathname : null,
    description: describeFirm(firm.publicDescription, locale),
    slots: slots.map((slot) => ({ id: slot.id, startsAt: slot.startsAt.toISOString(), durationMinutes: slot.durationMinutes, priceCents: slot.priceCents, mode: slot.mode, advisorName: slot.advisor.name })),
  };
}
