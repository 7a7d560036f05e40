import { z } from 'zod';
import { ZTypedPlainDate } from '@/lib/rules/zod-fields';
import { PUBLIC_LOCALES } from '@/lib/i18n/public-locales';
import { isKnownNationality } from '@/lib/server/import/import-values';
import { isValidNationalRegisterNumber } from '@/lib/server/client/client-schemas';

// The firm's public form, as the server reads it. Everything arrives as text from a stranger: trimmed, bounded,
// and checked before anything is written. Message keys are in the public catalogue (publicPage.fields.*).

const blank = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
// A name goes into email subjects and calendar invitations: one line, no control characters, and the two
// together within the 200 characters an email's name may have.
const name = (required: string) => z.string().trim().min(1, required).max(99, 'tooLong').regex(/^[^\p{Cc}]*$/u, 'invalid');
const country = z.string().trim().toUpperCase().refine(isKnownNationality, 'countryInvalid');

export const INQUIRY_TOPICS = ['REGISTRATION', 'RENEWAL', 'REFUSAL', 'FAMILY_REUNIFICATION', 'WORK', 'STUDY', 'NATIONALITY', 'OTHER'] as const;

export const ZIntake = z
  .object({
    firstName: name('firstNameRequired'),
    lastName: name('lastNameRequired'),
    email: z.string().trim().toLowerCase().max(200, 'tooLong').pipe(z.email({ message: 'emailInvalid' })),
    phone: z.preprocess(blank, z.string().trim().max(40, 'tooLong').regex(/^[+\d][\d\s./()-]{5,}$/, 'phoneInvalid').optional()),
    language: z.enum(PUBLIC_LOCALES),
    nationality: z.preprocess(blank, country.optional()),
    birthDate: z.preprocess(blank, ZTypedPlainDate.optional()),
    nationalRegisterNumber: z.preprocess(
      blank,
      z.string().trim().refine(isValidNationalRegisterNumber, 'nationalRegisterNumberInvalid').transform((v) => v.replace(/\D/g, '')).optional(),
    ),
    residenceCountry: z.preprocess(blank, country.optional()),
    residenceCommune: z.preprocess(blank, z.string().trim().max(100, 'tooLong').optional()),
    topic: z.enum(INQUIRY_TOPICS, { message: 'topicRequired' }),
    question: z.string().trim().min(10, 'questionTooShort').max(5000, 'tooLong'),
    refusalNotifiedOn: z.preprocess(blank, ZTypedPlainDate.optional()),
    slotId: z.preprocess(blank, z.string().max(64).optional()),
    consent: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.literal(true, { message: 'consentRequired' })),
  })
  .refine((v) => v.topic !== 'REFUSAL' || v.refusalNotifiedOn !== undefined, { path: ['refusalNotifiedOn'], message: 'refusalDateRequired' });

export type IntakeInput = z.output<typeof ZIntake>;
