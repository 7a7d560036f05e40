import { TZDate } from '@date-fns/tz';
import { z } from 'zod';

// One schema per consultation form, shared by the form and the operation (FormData arrives as strings).

export const CONSULTATION_LANGUAGES = ['en', 'nl', 'fr', 'de'] as const;
const id = z.string().min(1).max(64);

/**
 * A form's `datetime-local` value ("2031-03-12T10:30") is a wall-clock time with no zone: it means Brussels, the
 * firm's time, whatever the server's zone. Anything else (an ISO instant) is read as it is.
 */
function brusselsWallTime(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return value;
  const [y, mo, d, h, mi] = match.slice(1).map(Number) as [number, number, number, number, number];
  return new Date(new TZDate(y, mo - 1, d, h, mi, 'Europe/Brussels').getTime());
}

export const ZPublishSlot = z
  .object({
    advisorId: id,
    startsAt: z.preprocess(brusselsWallTime, z.coerce.date({ message: 'startsAtInvalid' })),
    durationMinutes: z.coerce.number().int().min(15, 'durationInvalid').max(240, 'durationInvalid'),
    priceCents: z.coerce.number().int().min(0, 'priceInvalid').max(1_000_000, 'priceInvalid'),
    mode: z.enum(['IN_PERSON', 'PHONE', 'VIDEO']),
    location: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().max(500).optional()),
  })
  // Where to go, or which link to open: a person cannot guess either.
  .refine((v) => v.mode === 'PHONE' || Boolean(v.location), { path: ['location'], message: 'locationRequired' })
  .refine((v) => v.mode !== 'VIDEO' || /^https:\/\/\S+$/.test(v.location ?? ''), { path: ['location'], message: 'videoLinkInvalid' });

export const ZBookSlot = z.object({
  firmSlug: z.string().min(1).max(80),
  slotId: id,
  // One line: the name goes into email subjects and calendar invitations.
  name: z.string().trim().min(2, 'nameRequired').max(200).regex(/^[^\r\n]*$/, 'nameRequired'),
  email: z.string().trim().toLowerCase().pipe(z.email({ message: 'emailInvalid' })),
  phone: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().max(40).optional()),
  language: z.enum(CONSULTATION_LANGUAGES),
});

export const ZCancelBooking = z.object({ token: z.string().min(20).max(200) });

export const ZWithdrawSlot = z.object({ slotId: id });

export const ZRescheduleBooking = z.object({
  token: z.string().min(20).max(200),
  slotId: z.string({ message: 'slotRequired' }).min(1, 'slotRequired').max(64),
});
