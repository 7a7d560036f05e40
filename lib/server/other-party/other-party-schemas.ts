import { z } from 'zod';
import { isValidNationalRegisterNumber } from '@/lib/server/client/client-schemas';
import { ZTypedPlainDate } from '@/lib/rules/zod-fields';

// One schema for the case page's "other parties" form and the server. FormData gives strings; blanks mean "not given".
const blank = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

export const OTHER_PARTY_ROLES = ['SPONSOR', 'FORMER_PARTNER', 'EMPLOYER', 'FAMILY_MEMBER', 'OTHER'] as const;

const ZOtherPartyFields = z.object({
  // A person's full name, or an organisation's (an employer).
  name: z.string().trim().min(1, 'required').max(200),
  role: z.enum(OTHER_PARTY_ROLES, 'role'),
  birthDate: z.preprocess(blank, ZTypedPlainDate.optional()),
  nationalRegisterNumber: z.preprocess(
    blank,
    z.string().trim().refine(isValidNationalRegisterNumber, 'nationalRegisterNumber').transform((v) => v.replace(/\D/g, '')).optional(),
  ),
  note: z.preprocess(blank, z.string().trim().max(2000).optional()),
});

export const ZAddOtherParty = ZOtherPartyFields.extend({ caseId: z.string().min(1).max(64) });

export const ZUpdateOtherParty = ZOtherPartyFields.extend({
  otherPartyId: z.string().min(1).max(64),
  // The number is never shown back in clear: a blank field keeps the one on file; this removes it.
  clearNationalRegisterNumber: z.preprocess((v) => v === 'true' || v === true || v === 'on', z.boolean()).default(false),
});

export const ZRemoveOtherParty = z.object({ otherPartyId: z.string().min(1).max(64) });
