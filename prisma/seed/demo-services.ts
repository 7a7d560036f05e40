import type { Prisma } from '../../lib/generated/prisma/client';
import { PROCEDURES } from '../../lib/rules/vocabulary';
import { ZBillingDetails } from '../../lib/server/billing/billing-details';

// The first demo firm's service catalogue and billing details, so the public page's price table and the portal's "services for your
// case" show something at once. Fees are excluding VAT (the consultation is EUR 29 with 21 % VAT).

const SERVICES: Omit<Prisma.ServiceCreateManyInput, 'firmId'>[] = [
  {
    name: { en: 'Consultation', nl: 'Consultatie', fr: 'Consultation', de: 'Beratungsgespräch' },
    description: {
      en: 'A first talk with a lawyer about your situation, at the office, by phone or by video call.',
      nl: 'Een eerste gesprek met een advocaat over uw situatie, op kantoor, telefonisch of via video.',
      fr: 'Un premier entretien avec un avocat sur votre situation, au cabinet, par téléphone ou en vidéo.',
      de: 'Ein erstes Gespräch mit einem Anwalt über Ihre Lage, in der Kanzlei, telefonisch oder per Video.',
    },
    typicalDaysMin: 1, typicalDaysMax: 1, feeKind: 'FIXED', feeCents: 2397, vatRateBasisPoints: 2100, procedures: [...PROCEDURES], position: 0,
  },
  {
    name: { en: 'Registration at the commune', nl: 'Inschrijving bij de gemeente', fr: 'Inscription à la commune', de: 'Anmeldung bei der Gemeinde' },
    description: {
      en: 'We prepare your file, go through the documents with you and follow up with the commune until you are registered.',
      nl: 'We bereiden uw dossier voor, overlopen de documenten met u en volgen op bij de gemeente tot u ingeschreven bent.',
      fr: 'Nous préparons votre dossier, vérifions les documents avec vous et suivons la commune jusqu’à votre inscription.',
      de: 'Wir bereiten Ihre Akte vor, gehen die Unterlagen mit Ihnen durch und bleiben bei der Gemeinde dran, bis Sie angemeldet sind.',
    },
    typicalDaysMin: 14, typicalDaysMax: 28, feeKind: 'FIXED', feeCents: 35000, vatRateBasisPoints: 2100, procedures: ['REGISTRATION_NON_EU', 'REGISTRATION_EU'], position: 1,
  },
  {
    name: { en: 'Family reunification file', nl: 'Dossier gezinshereniging', fr: 'Dossier de regroupement familial', de: 'Akte Familienzusammenführung' },
    description: {
      en: 'The whole application: the proof of income, housing and insurance, the civil status papers and the follow-up with the Immigration Office.',
      nl: 'De volledige aanvraag: het bewijs van inkomen, huisvesting en verzekering, de stukken van burgerlijke stand en de opvolging bij de Dienst Vreemdelingenzaken.',
      fr: 'Toute la demande : les preuves de revenus, de logement et d’assurance, les actes d’état civil et le suivi auprès de l’Office des étrangers.',
      de: 'Der ganze Antrag: Nachweise über Einkommen, Wohnung und Versicherung, die Personenstandsurkunden und die Nachverfolgung beim Ausländeramt.',
    },
    typicalDaysMin: 84, typicalDaysMax: 182, feeKind: 'FIXED', feeCents: 120000, vatRateBasisPoints: 2100, procedures: ['FAMILY_REUNIFICATION'], position: 2,
  },
  {
    name: { en: 'Appeal to the RvV', nl: 'Beroep bij de RvV', fr: 'Recours au CCE', de: 'Beschwerde beim RVV' },
    description: {
      en: 'An appeal to the Council for Alien Law Litigation against a refusal, filed within the time limit, and the hearing.',
      nl: 'Een beroep bij de Raad voor Vreemdelingenbetwistingen tegen een weigering, ingediend binnen de termijn, en de zitting.',
      fr: 'Un recours au Conseil du contentieux des étrangers contre un refus, introduit dans le délai, et l’audience.',
      de: 'Eine Beschwerde beim Rat für Ausländerstreitsachen gegen eine Ablehnung, fristgerecht eingereicht, und die Verhandlung.',
    },
    typicalDaysMin: 56, typicalDaysMax: 168, feeKind: 'HOURLY', feeCents: 12000, vatRateBasisPoints: 2100, procedures: ['APPEAL_RVV'], position: 3,
  },
];

// Billing details that pass the checks (KBO/BCE 0403.170.701 and its VAT number, an IBAN with valid digits), so the
// demo firm can issue a fee note at once; checked by the same schema as the settings form.
const BILLING_DETAILS = ZBillingDetails.parse({
  legalName: 'Peeters Advocaten BV', street: 'Louizalaan 100', postalCode: '1050', city: 'Brussel', country: 'BE',
  enterpriseNumber: '0403.170.701', vatNumber: 'BE 0403.170.701', iban: 'BE68 5390 0754 7034', bic: 'GKCCBEBB', email: 'billing@peeters.example',
});

export async function seedDemoServices(tx: Prisma.TransactionClient, firmId: string): Promise<void> {
  await tx.service.createMany({ data: SERVICES.map((service) => ({ ...service, firmId })) });
  await tx.firm.update({ where: { id: firmId }, data: { billingDetails: BILLING_DETAILS } });
}
