import { fromDbDate } from '@/lib/dates';
import { formatDateLong } from '@/lib/format/dates';
import type { Tx } from '@/lib/db';
import type { PetitionTemplateTag } from '@/lib/documents/petition/fill-petition-template';
import type { findAppealCase } from './find-appeal-case';

type AppealCase = Awaited<ReturnType<typeof findAppealCase>>;
type Locale = 'en' | 'nl' | 'fr';

// Belgian practice writes dates in full in a petition ("14 november 2026"); the court reads them that way.
const longDate = (locale: Locale, date: string | null | undefined) =>
  date ? formatDateLong(locale, date) : '';

/** The template's fields for one case, in the petition's language; an unknown fact is an empty field, never a guess. */
export async function petitionValues(tx: Tx, { firmId, firm, userId, kase, locale, today, decisionTypeLabel }: {
  firmId: string; firm: { name: string; settings: unknown }; userId: string; kase: AppealCase; locale: Locale; today: string; decisionTypeLabel: (type: string) => string;
}): Promise<Record<PetitionTemplateTag, string>> {
  const [advisor, appeal] = await Promise.all([
    tx.user.findUnique({ where: { id: kase.assignedToId ?? userId }, select: { name: true, email: true } }),
    tx.deadline.findFirst({ where: { firmId, caseId: kase.id, kind: 'APPEAL', status: { in: ['OPEN', 'DONE'] } }, orderBy: { dueOn: 'desc' }, select: { dueOn: true } }),
  ]);
  const facts = (kase.facts ?? {}) as { decision?: { notifiedOn?: string }; decisionLetter?: { type?: string; decisionDate?: string } };
  const country = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
  const address = (firm.settings as { address?: unknown } | null)?.address;
  return {
    clientName: `${kase.client.firstName} ${kase.client.lastName}`,
    clientBirthDate: kase.client.birthDate ? longDate(locale, fromDbDate(kase.client.birthDate)) : '',
    clientNationality: country.of(kase.client.nationality) ?? kase.client.nationality,
    decisionType: facts.decisionLetter?.type ? decisionTypeLabel(facts.decisionLetter.type) : '',
    decisionDate: longDate(locale, facts.decisionLetter?.decisionDate),
    notifiedOn: longDate(locale, facts.decision?.notifiedOn ?? (kase.decisionNotifiedOn ? fromDbDate(kase.decisionNotifiedOn) : null)),
    dvzFileNumber: kase.dvzFileNumber ?? '',
    appealDeadline: appeal ? longDate(locale, fromDbDate(appeal.dueOn)) : '',
    advisorName: advisor?.name ?? advisor?.email ?? '',
    firmName: firm.name,
    firmAddress: typeof address === 'string' ? address : '',
    caseReference: kase.reference,
    today: longDate(locale, today),
  };
}
