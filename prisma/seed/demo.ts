import { Faker, en, fr, nl_BE } from '@faker-js/faker';
import { hashPassword } from '../../lib/auth/password';
import { brusselsDate, toDbDate, type PlainDate } from '../../lib/dates';
import { dateOnlyPayload } from '../../lib/case-event-date';
import type { PrismaClient } from '../../lib/generated/prisma/client';
import type { Citizenship, Locale } from '../../lib/generated/prisma/enums';
import { DEMO_FIRMS, DEMO_PASSWORD } from './demo-people';
import { deadlineRowsFor, nextOpenDeadline } from '../../lib/server/deadline/deadline-rows';
import { newClientId, sealIdentityNumbers } from '../../lib/server/client/identity-numbers';
import { COMMUNES, EU_NATIONALITIES, NON_EU_NATIONALITIES } from './reference-data';
import { seedDemoConsultations } from './demo-consultations';
import { seedDemoServices } from './demo-services';
import { buildScenario, STAGES } from './demo-scenarios';

// Deterministic: the same faker seed gives the same people and cases on every machine; only dates move
// with the day the seed runs, so that deadlines stay in the near future.

const CLIENTS_PER_FIRM = 40;
const LANGUAGES: Locale[] = ['nl', 'fr', 'en'];

export async function seedDemo(db: PrismaClient, asOf: PlainDate = brusselsDate()): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const [firmIndex, spec] of DEMO_FIRMS.entries()) {
    const f = new Faker({ locale: [nl_BE, fr, en], seed: 20_26 + firmIndex });
    await db.$transaction(
      async (tx) => {
        const firm = await tx.firm.create({ data: { slug: spec.slug, name: spec.name } });
        const staff = [];
        for (const person of spec.staff) {
          const user = await tx.user.create({ data: { email: person.email, name: person.name, locale: person.locale, passwordHash, emailVerified: new Date() } });
          await tx.membership.create({ data: { firmId: firm.id, userId: user.id, role: person.role } });
          staff.push({ ...person, id: user.id });
        }
        const advisors = staff.filter((s) => s.role !== 'ASSISTANT');
        if (firmIndex === 0) await seedDemoConsultations(tx, firm.id, advisors.map((a) => a.id), asOf);
        if (firmIndex === 0) await seedDemoServices(tx, firm.id);
        for (let i = 0; i < CLIENTS_PER_FIRM; i++) {
          const citizenship: Citizenship = i % 4 === 3 ? 'EU' : 'NON_EU';
          const nationality = citizenship === 'EU' ? f.helpers.arrayElement(EU_NATIONALITIES) : f.helpers.arrayElement(NON_EU_NATIONALITIES);
          const commune = f.helpers.arrayElement(COMMUNES);
          const firstName = f.person.firstName();
          const lastName = f.person.lastName();
          const birthDate = f.date.birthdate({ mode: 'age', min: 19, max: 64, refDate: toDbDate(asOf) }).toISOString().slice(0, 10);
          const fileNumber = `${asOf.slice(0, 4)}-${String(i + 1).padStart(4, '0')}`;
          const passportNumber = f.string.alphanumeric({ length: 9, casing: 'upper' });
          const clientId = newClientId();
          const client = await tx.client.create({
            data: {
              id: clientId, firmId: firm.id, fileNumber, firstName, lastName, birthDate: toDbDate(birthDate), nationality, citizenship,
              language: LANGUAGES[i % 3]!,
              email: f.internet.email({ firstName, lastName, provider: 'client.example' }).toLowerCase(),
              phone: `+32 4${f.string.numeric(2)} ${f.string.numeric(2)} ${f.string.numeric(2)} ${f.string.numeric(2)}`,
              addressLine: f.location.streetAddress(), postalCode: commune.postalCode, commune: commune.name,
              ...sealIdentityNumbers({ clientId, firmId: firm.id }, { passportNumber }),
              searchText: `${firstName} ${lastName} ${fileNumber}`.toLowerCase(),
            },
          });
          const stage = STAGES[i % STAGES.length]!;
          const s = buildScenario(stage, citizenship, asOf, f, birthDate);
          const reference = `${fileNumber}-1`;
          const dvzFileNumber = s.stage === 'INTAKE' ? null : f.string.numeric(7);
          const kase = await tx.case.create({
            data: {
              firmId: firm.id, clientId: client.id, reference, procedure: s.procedure, targetCard: s.targetCard, stage: s.stage,
              facts: s.facts as object,
              arrivedOn: s.arrivedOn ? toDbDate(s.arrivedOn) : null,
              applicationFiledOn: s.applicationFiledOn ? toDbDate(s.applicationFiledOn) : null,
              decisionNotifiedOn: s.decisionNotifiedOn ? toDbDate(s.decisionNotifiedOn) : null,
              appealRegime: s.appealRegime,
              cardType: s.card?.type ?? null, cardNumber: s.card?.number ?? null,
              cardValidFrom: s.card ? toDbDate(s.card.validFrom) : null, cardValidUntil: s.card ? toDbDate(s.card.validUntil) : null,
              dvzFileNumber, rvvRollNumber: s.rvvRollNumber,
              assignedToId: advisors[i % advisors.length]!.id,
              closedAt: s.closedAt ? toDbDate(s.closedAt) : null,
              searchText: [firstName, lastName, fileNumber, reference, dvzFileNumber, s.rvvRollNumber].filter(Boolean).join(' ').toLowerCase(),
            },
          });
          const actorId = advisors[i % advisors.length]!.id;
          await tx.caseEvent.createMany({
            data: [
              { firmId: firm.id, caseId: kase.id, type: 'CREATED', toStage: 'INTAKE', actorId, visibility: 'CLIENT', occurredAt: toDbDate(s.arrivedOn ?? asOf), payload: dateOnlyPayload(s.arrivedOn ?? asOf) },
              ...s.history.map((h) => ({
                firmId: firm.id, caseId: kase.id, type: 'TRANSITION', transition: h.transition, toStage: h.toStage, actorId,
                visibility: h.clientVisible ? ('CLIENT' as const) : ('INTERNAL' as const), occurredAt: toDbDate(h.on), payload: dateOnlyPayload(h.on),
              })),
            ],
          });
          const rows = deadlineRowsFor(s.facts, s.stage, asOf);
          if (rows.length) {
            await tx.deadline.createMany({ data: rows.map((row) => ({ ...row, firmId: firm.id, caseId: kase.id })) });
            const next = nextOpenDeadline(rows);
            if (next) await tx.case.update({ where: { id: kase.id }, data: { nextDeadlineOn: next.dueOn, nextDeadlineKind: next.kind } });
          }
        }
        // A family: the third client is the spouse of the first, and the link is shown in the portal.
        const [first, , third] = await tx.client.findMany({ where: { firmId: firm.id }, orderBy: { fileNumber: 'asc' }, take: 3 });
        if (first && third) {
          await tx.familyLink.create({ data: { firmId: firm.id, clientId: first.id, relatedClientId: third.id, relation: 'SPOUSE', visibleInPortal: true } });
        }
        // The first client has portal access, so the demo shows the client side too (sign-in by emailed link).
        if (first) {
          const email = `portal@${spec.staff[0]!.email.split('@')[1]}`;
          const portalUser = await tx.user.create({ data: { email, name: `${first.firstName} ${first.lastName}`, locale: first.language } });
          await tx.client.update({ where: { id: first.id }, data: { email, portalUserId: portalUser.id } });
        }
      },
      { timeout: 60_000 },
    );
  }
}
