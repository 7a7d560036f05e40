import { addDaysPlain, brusselsMidnight, type PlainDate } from '../../lib/dates';
import type { Prisma } from '../../lib/generated/prisma/client';
import { isWorkingDay } from '../../lib/rules/calendar';

// The first demo firm opens its public page (/f/peeters-advocaten) with a few consultation times on the next
// working days, so the intake form and booking can be tried at once.

const DESCRIPTION = {
  en: 'Peeters & Janssens is a Brussels practice in residence and immigration law. Book a consultation within 24 hours, from EUR 29.',
  nl: 'Peeters & Janssens is een Brussels kantoor in verblijfs- en vreemdelingenrecht. Boek binnen 24 uur een consultatie, vanaf 29 euro.',
  fr: 'Peeters & Janssens est un cabinet bruxellois en droit du séjour et des étrangers. Réservez une consultation dans les 24 heures, dès 29 euros.',
  de: 'Peeters & Janssens ist eine Brüsseler Kanzlei für Aufenthalts- und Ausländerrecht. Buchen Sie innerhalb von 24 Stunden ein Beratungsgespräch, ab 29 Euro.',
};

const TIMES = [
  { hour: 9, mode: 'IN_PERSON', location: 'Louizalaan 120, 1050 Brussel', priceCents: 4900, durationMinutes: 45 },
  { hour: 11, mode: 'PHONE', location: null, priceCents: 2900, durationMinutes: 30 },
  { hour: 14, mode: 'VIDEO', location: 'https://meet.peeters.example/consult', priceCents: 2900, durationMinutes: 30 },
] as const;

export async function seedDemoConsultations(tx: Prisma.TransactionClient, firmId: string, advisorIds: string[], asOf: PlainDate): Promise<void> {
  await tx.firm.update({ where: { id: firmId }, data: { publicPageEnabled: true, publicDescription: DESCRIPTION } });
  const days: PlainDate[] = [];
  for (let day = addDaysPlain(asOf, 1); days.length < 3; day = addDaysPlain(day, 1)) if (isWorkingDay(day)) days.push(day);
  const slots = days.flatMap((day, d) =>
    TIMES.map((time, t) => ({
      firmId, advisorId: advisorIds[(d + t) % advisorIds.length]!, startsAt: new Date(brusselsMidnight(day).getTime() + time.hour * 3_600_000),
      durationMinutes: time.durationMinutes, priceCents: time.priceCents, mode: time.mode, location: time.location,
    })),
  );
  await tx.consultationSlot.createMany({ data: slots });
}
