import { z } from 'zod';
import { DECISION_TYPES, NOTIFICATION_METHODS } from '@/lib/rules/decision-letter/vocabulary';
import { APPEAL_REGIMES, DECISION_OUTCOMES } from '@/lib/rules/vocabulary';
import { ZTypedPlainDate } from '@/lib/rules/zod-fields';

const blank = (value: unknown) => (value === '' || value === null ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional());

/** The facts of a decision as the advisor confirms them: the reader's proposal, checked and corrected. */
export const ZConfirmDecision = z
  .object({
    intakeId: z.string().min(1).max(64),
    version: z.coerce.number().int().min(1),
    decisionType: z.enum(DECISION_TYPES),
    outcome: z.enum(DECISION_OUTCOMES),
    decisionDate: optional(ZTypedPlainDate),
    notifiedOn: optional(ZTypedPlainDate),
    notificationMethod: optional(z.enum(NOTIFICATION_METHODS)),
    // Written as the Office prints it ("1.234.567", "1234567/2"); kept as typed, only trimmed.
    dvzFileNumber: optional(z.string().trim().min(1).max(40)),
    regime: optional(z.enum(APPEAL_REGIMES)),
    statedPeriodDays: optional(z.coerce.number().int().min(1).max(365)),
    note: optional(z.string().trim().max(2000)),
  })
  .superRefine((value, ctx) => {
    if (!value.notifiedOn) ctx.addIssue({ code: 'custom', path: ['notifiedOn'], message: 'notifiedOnRequired' });
    if (value.outcome !== 'APPROVED' && !value.regime) ctx.addIssue({ code: 'custom', path: ['regime'], message: 'regimeRequired' });
    if (value.decisionDate && value.notifiedOn && value.notifiedOn < value.decisionDate) {
      ctx.addIssue({ code: 'custom', path: ['notifiedOn'], message: 'notifiedBeforeDecision' });
    }
  });
export type ConfirmDecisionInput = z.output<typeof ZConfirmDecision>;

export const ZIntakeRef = z.object({ intakeId: z.string().min(1).max(64) });
