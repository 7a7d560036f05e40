import { z } from 'zod';
import { isPlainDateString } from '@/lib/dates';
import { DEADLINE_KINDS } from '@/lib/rules/vocabulary';
import { typedDateToPlain } from '@/lib/rules/typed-date';

const plainDate = z.preprocess((v) => (v === '' || v === undefined ? null : typedDateToPlain(v)), z.string().refine(isPlainDateString, 'invalidDate').nullable());

export const ZReminderPreferences = z
  .object({
    reminderMode: z.enum(['INDIVIDUAL', 'DIGEST'], { message: 'modeRequired' }),
    digestHour: z.coerce.number({ message: 'hourInvalid' }).int('hourInvalid').min(0, 'hourInvalid').max(23, 'hourInvalid'),
    pausedFrom: plainDate,
    pausedUntil: plainDate,
  })
  .refine((v) => !v.pausedUntil || v.pausedFrom, { path: ['pausedFrom'], message: 'pauseStartRequired' })
  .refine((v) => !v.pausedFrom || !v.pausedUntil || v.pausedFrom <= v.pausedUntil, { path: ['pausedUntil'], message: 'pauseEndBeforeStart' });

/** One text field per kind, as typed: "21, 14, 7, 3, 1" or "open, 7"; empty turns the kind's reminders off. */
const ZLeadList = z
  .string()
  .trim()
  .max(80)
  .transform((text, ctx) => {
    const parts = text === '' ? [] : text.split(/[\s,;]+/).filter(Boolean);
    const leads: (number | 'open')[] = [];
    for (const part of parts) {
      if (/^(open|opening|ouverture|opening)$/i.test(part)) leads.push('open');
      else if (/^\d{1,3}$/.test(part) && Number(part) <= 365) leads.push(Number(part));
      else {
        ctx.addIssue({ code: 'custom', message: 'leadInvalid' });
        return z.NEVER;
      }
    }
    if (leads.length > 10) {
      ctx.addIssue({ code: 'custom', message: 'tooManyLeads' });
      return z.NEVER;
    }
    return [...new Set(leads)];
  });

export const ZFirmLeadTimes = z.object(Object.fromEntries(DEADLINE_KINDS.map((kind) => [kind, ZLeadList])) as Record<(typeof DEADLINE_KINDS)[number], typeof ZLeadList>);
