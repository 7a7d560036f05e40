import { z } from 'zod';
import { PROCEDURES } from '@/lib/rules/vocabulary';
import { ZCardType, ZTypedPlainDate } from '@/lib/rules/zod-fields';

// Shared by the case forms and the server operations. FormData gives strings; blanks mean "not given".
const blank = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optionalDate = z.preprocess(blank, ZTypedPlainDate.optional());
const optionalText = (max: number) => z.preprocess(blank, z.string().trim().max(max).optional());

/** The facts an advisor can edit directly; transitions write the rest (decision, card, appeal). */
export const ZEditableFacts = z.object({
  stay: z.preprocess(blank, z.enum(['SHORT', 'LONG']).optional()),
  arrivedOn: optionalDate,
  legalResidenceSince: optionalDate,
  movedOn: optionalDate,
  isStudent: z.preprocess((v) => (v === undefined ? undefined : v === 'true' || v === true || v === 'on'), z.boolean().optional()),
  sponsor: z.preprocess(blank, z.enum(['NON_EU', 'EU', 'BELGIAN']).optional()),
});

export const ZCreateCase = ZEditableFacts.extend({
  clientId: z.string().min(1),
  procedure: z.enum(PROCEDURES),
  targetCard: z.preprocess(blank, ZCardType.optional()),
  assignedToId: optionalText(40),
});

export const ZUpdateCase = ZEditableFacts.extend({
  caseId: z.string().min(1),
  // The version the editor read; a save based on an older one is refused rather than overwriting.
  version: z.coerce.number().int().min(1),
  targetCard: z.preprocess(blank, ZCardType.optional()),
  assignedToId: optionalText(40),
  dvzFileNumber: optionalText(40),
  communeReference: optionalText(60),
});

export const ZTransitionCase = z.object({
  caseId: z.string().min(1),
  version: z.coerce.number().int().min(1),
  transition: z.string().min(1).max(40),
  note: optionalText(2000),
  // The transition's own facts, checked by lib/rules against the transition's schema.
  facts: z.record(z.string(), z.unknown()).default({}),
});
