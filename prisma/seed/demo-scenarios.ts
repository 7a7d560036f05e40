import type { Faker } from '@faker-js/faker';
import { addDaysPlain, type PlainDate } from '../../lib/dates';
import type { AppealRegime, CardType, CaseStage, Citizenship, Procedure } from '../../lib/generated/prisma/enums';

// One scenario per stage, with dates relative to the day the seed runs, so the demo always shows
// deadlines that are upcoming, due this week and overdue, in every phase of a case.

export type Scenario = {
  stage: CaseStage;
  procedure: Procedure;
  targetCard: CardType | null;
  arrivedOn: PlainDate | null;
  applicationFiledOn: PlainDate | null;
  decisionNotifiedOn: PlainDate | null;
  appealRegime: AppealRegime | null;
  card: { type: CardType; number: string; validFrom: PlainDate; validUntil: PlainDate } | null;
  rvvRollNumber: string | null;
  closedAt: PlainDate | null;
  facts: Record<string, unknown>;
  /** the transitions that led here, oldest first, for the timeline */
  history: { transition: string; toStage: CaseStage; on: PlainDate; clientVisible: boolean }[];
};

export const STAGES: CaseStage[] = [
  'INTAKE', 'APPLICATION_FILED', 'RESIDENCE_CHECK', 'DECISION_PENDING', 'APPROVED', 'CARD_ISSUED',
  'RENEWAL_DUE', 'RENEWAL_FILED', 'REFUSED', 'APPEAL_FILED', 'APPEAL_DECIDED', 'CLOSED',
];

const NON_EU_PROCEDURES: Procedure[] = ['REGISTRATION_NON_EU', 'FAMILY_REUNIFICATION', 'SINGLE_PERMIT', 'STUDY', 'EU_BLUE_CARD'];
const CARD_FOR: Record<Procedure, CardType> = {
  REGISTRATION_NON_EU: 'A', REGISTRATION_EU: 'EU', FAMILY_REUNIFICATION: 'A', SINGLE_PERMIT: 'A', STUDY: 'A',
  EU_BLUE_CARD: 'H', LONG_TERM_RESIDENCE: 'L', PERMANENT_RESIDENCE_EU_FAMILY: 'F_PLUS', NATIONALITY_DECLARATION: 'B',
  APPEAL_RVV: 'A',
};

function cardNumber(f: Faker): string {
  return `B${f.string.numeric(8)}`;
}

export function buildScenario(stage: CaseStage, citizenship: Citizenship, asOf: PlainDate, f: Faker, birthDate: PlainDate): Scenario {
  const d = (days: number) => addDaysPlain(asOf, days);
  const procedure: Procedure = citizenship === 'EU' ? 'REGISTRATION_EU' : f.helpers.arrayElement(NON_EU_PROCEDURES);
  const targetCard = CARD_FOR[procedure];
  const arrivedOn = d(-f.number.int({ min: 2, max: 6 }));
  const base: Scenario = {
    stage, procedure, targetCard, arrivedOn, applicationFiledOn: null, decisionNotifiedOn: null, appealRegime: null,
    card: null, rvvRollNumber: null, closedAt: null, history: [],
    facts: { citizenship, stay: 'LONG', arrivedOn, birthDate, procedure },
  };
  const filed = (on: PlainDate): Scenario => {
    const arrived = addDaysPlain(on, -f.number.int({ min: 3, max: 7 }));
    return {
      ...base,
      arrivedOn: arrived,
      applicationFiledOn: on,
      facts: { ...base.facts, arrivedOn: arrived, applicationFiledOn: on },
      history: [{ transition: 'FILE_APPLICATION', toStage: 'APPLICATION_FILED', on, clientVisible: true }],
    };
  };
  const issued = (validUntil: PlainDate, type: CardType = targetCard): Scenario => {
    const validFrom = addDaysPlain(validUntil, -365);
    const card = { type, number: cardNumber(f), validFrom, validUntil };
    return {
      ...base,
      arrivedOn: addDaysPlain(validFrom, -90),
      card,
      facts: { ...base.facts, arrivedOn: addDaysPlain(validFrom, -90), legalResidenceSince: addDaysPlain(validFrom, -60), card: { type, validUntil } },
      history: [
        { transition: 'FILE_APPLICATION', toStage: 'APPLICATION_FILED', on: addDaysPlain(validFrom, -80), clientVisible: true },
        { transition: 'DECISION_APPROVED', toStage: 'APPROVED', on: addDaysPlain(validFrom, -20), clientVisible: true },
        { transition: 'CARD_ISSUED', toStage: 'CARD_ISSUED', on: validFrom, clientVisible: true },
      ],
    };
  };
  const refused = (notifiedOn: PlainDate, regime: AppealRegime): Scenario => {
    const application = filed(addDaysPlain(notifiedOn, -150));
    return {
      ...application,
      decisionNotifiedOn: notifiedOn,
      appealRegime: regime,
      facts: { ...application.facts, decision: { outcome: 'REFUSED', notifiedOn, regime } },
    };
  };

  switch (stage) {
    case 'INTAKE':
      return base;
    case 'APPLICATION_FILED':
      return { ...filed(d(-f.number.int({ min: 5, max: 20 }))), stage };
    case 'RESIDENCE_CHECK':
    case 'DECISION_PENDING': {
      // Some pending decisions are well past the legal decision period, to show the "overdue decision" flag.
      const scenario = filed(d(-f.number.int({ min: 30, max: 320 })));
      return { ...scenario, stage, history: [...scenario.history, { transition: 'REQUEST_RESIDENCE_CHECK', toStage: 'RESIDENCE_CHECK', on: d(-10), clientVisible: true }] };
    }
    case 'APPROVED': {
      const scenario = filed(d(-120));
      return { ...scenario, stage, history: [...scenario.history, { transition: 'DECISION_APPROVED', toStage: 'APPROVED', on: d(-4), clientVisible: true }] };
    }
    case 'CARD_ISSUED':
      return { ...issued(d(f.number.int({ min: 90, max: 300 }))), stage };
    case 'RENEWAL_DUE': {
      const scenario = issued(d(f.number.int({ min: 32, max: 44 })));
      return { ...scenario, stage, history: [...scenario.history, { transition: 'OPEN_RENEWAL', toStage: 'RENEWAL_DUE', on: d(-2), clientVisible: true }] };
    }
    case 'RENEWAL_FILED': {
      const scenario = issued(d(f.number.int({ min: 10, max: 29 })), 'K');
      return { ...scenario, stage, targetCard: 'K', history: [...scenario.history, { transition: 'FILE_RENEWAL', toStage: 'RENEWAL_FILED', on: d(-12), clientVisible: true }] };
    }
    case 'REFUSED': {
      const regime = f.helpers.weightedArrayElement<AppealRegime>([{ value: 'ORDINARY', weight: 4 }, { value: 'DETAINED', weight: 1 }]);
      const scenario = refused(d(-f.number.int({ min: 1, max: regime === 'ORDINARY' ? 25 : 7 })), regime);
      return { ...scenario, stage, history: [...scenario.history, { transition: 'REFUSAL_NOTIFIED', toStage: 'REFUSED', on: scenario.decisionNotifiedOn!, clientVisible: true }] };
    }
    case 'APPEAL_FILED':
    case 'APPEAL_DECIDED': {
      const scenario = refused(d(-f.number.int({ min: 20, max: 90 })), 'ORDINARY');
      const rvvRollNumber = `RvV ${f.string.numeric(6)}`;
      const history = [
        ...scenario.history,
        { transition: 'REFUSAL_NOTIFIED', toStage: 'REFUSED' as const, on: scenario.decisionNotifiedOn!, clientVisible: true },
        { transition: 'FILE_APPEAL', toStage: 'APPEAL_FILED' as const, on: addDaysPlain(scenario.decisionNotifiedOn!, 18), clientVisible: true },
      ];
      if (stage === 'APPEAL_DECIDED') history.push({ transition: 'APPEAL_DECIDED', toStage: 'APPEAL_DECIDED', on: d(-3), clientVisible: true });
      return { ...scenario, stage, procedure: 'APPEAL_RVV', rvvRollNumber, history };
    }
    case 'CLOSED': {
      const scenario = issued(d(400));
      return { ...scenario, stage, closedAt: d(-30), history: [...scenario.history, { transition: 'CLOSE', toStage: 'CLOSED', on: d(-30), clientVisible: false }] };
    }
  }
}
