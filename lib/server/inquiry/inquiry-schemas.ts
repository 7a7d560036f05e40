import { z } from 'zod';
import type { InquiryStatus, InquiryTopic, Procedure } from '@/lib/generated/prisma/enums';
import { PROCEDURES } from '@/lib/rules/vocabulary';
import { FREE_MOVEMENT_NATIONALITIES } from '@/lib/server/client/client-schemas';

// Shared by the inquiry pages' forms and the server operations. FormData gives strings; blanks mean "not given".
const blank = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const checkbox = z.preprocess((v) => v === 'true' || v === true || v === 'on', z.boolean()).default(false);

export const INQUIRY_STATUSES = ['NEW', 'CONTACTED', 'BOOKED', 'CONVERTED', 'DECLINED'] as const satisfies readonly InquiryStatus[];
/** The list's default view: the inquiries someone still has to act on. */
export const OPEN_STATUSES = ['NEW', 'CONTACTED', 'BOOKED'] as const satisfies readonly InquiryStatus[];
export const INQUIRY_FILTERS = ['open', ...INQUIRY_STATUSES] as const;
export type InquiryFilter = (typeof INQUIRY_FILTERS)[number];

// What a match found by the conflict check is, as stored in Inquiry.conflictMatches.
export const CONFLICT_REASONS = ['nrn', 'name_birthdate', 'name'] as const;
export const ZConflictMatch = z.object({
  kind: z.enum(['client', 'family', 'other_party']),
  id: z.string(),
  label: z.string(),
  fileNumber: z.string().optional(),
  caseId: z.string().optional(),
  caseReference: z.string().optional(),
  role: z.string().optional(),
  // A family match: how they are related, and the client of the firm the inquirer matched.
  relation: z.string().optional(),
  via: z.object({ id: z.string(), label: z.string() }).optional(),
  reasons: z.array(z.enum(CONFLICT_REASONS)).min(1),
});
export type ConflictMatch = z.infer<typeof ZConflictMatch>;
export const ZConflictMatches = z.array(ZConflictMatch);

export const ZInquiryId = z.object({ inquiryId: z.string().min(1).max(64) });

/** What staff set by hand; BOOKED comes with a booking, CONVERTED with the conversion. */
export const ZUpdateInquiryStatus = ZInquiryId.extend({ status: z.enum(['NEW', 'CONTACTED', 'DECLINED']) });

export const ZConvertInquiry = ZInquiryId.extend({
  // The form shows what the person gave, to correct or complete (the nationality is optional on the public form).
  nationality: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'nationality'),
  language: z.enum(['en', 'nl', 'fr']),
  createCase: checkbox,
  procedure: z.preprocess(blank, z.enum(PROCEDURES).optional()),
  // Converting past a possible conflict: the admin says why, for the record.
  reason: z.preprocess(blank, z.string().trim().max(1000).optional()),
  // Set after the person saw the possible duplicate clients and decided this is someone else.
  confirmDuplicate: checkbox,
});

/**
 * The procedure a topic clearly is, for the convert form's first choice: a registration depends on the
 * nationality (free movement or not); a renewal or "other" could be anything, so the advisor picks.
 */
export function procedureForTopic(topic: InquiryTopic, nationality: string | null): Procedure | null {
  switch (topic) {
    case 'REGISTRATION':
      return nationality ? (FREE_MOVEMENT_NATIONALITIES.has(nationality) ? 'REGISTRATION_EU' : 'REGISTRATION_NON_EU') : null;
    case 'REFUSAL':
      return 'APPEAL_RVV';
    case 'FAMILY_REUNIFICATION':
      return 'FAMILY_REUNIFICATION';
    case 'WORK':
      return 'SINGLE_PERMIT';
    case 'STUDY':
      return 'STUDY';
    case 'NATIONALITY':
      return 'NATIONALITY_DECLARATION';
    default:
      return null;
  }
}

/** The app speaks en, nl and fr; someone who wrote in German is a client in English until they say otherwise. */
export const clientLanguageFor = (language: string): 'en' | 'nl' | 'fr' => (language === 'nl' || language === 'fr' ? language : 'en');
