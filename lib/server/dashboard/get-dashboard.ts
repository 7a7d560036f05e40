import type { StaffActor } from '@/lib/auth/actor';
import { brusselsDate, type PlainDate } from '@/lib/dates';
import { countCasesByStage } from '@/lib/server/case/count-cases-by-stage';
import type { DashboardScope } from './dashboard-scope';
import { listCasesWaitingOnClient } from './list-cases-waiting-on-client';
import { listDueItems } from './list-due-items';
import { listFailedEmails } from './list-failed-emails';
import { listOverdueDecisions } from './list-overdue-decisions';
import { listRecentActivity } from './list-recent-activity';
import { listUnconfirmedDeadlines } from './list-unconfirmed-deadlines';

/** Everything the dashboard page shows, fetched in parallel, all for one Brussels day. */
export async function getDashboard({ actor, scope = 'mine', asOf = brusselsDate() }: { actor: StaffActor; scope?: DashboardScope; asOf?: PlainDate }) {
  const [due, stages, waiting, decisions, activity, failedEmails, unconfirmed] = await Promise.all([
    listDueItems({ actor, asOf }),
    countCasesByStage({ actor }),
    listCasesWaitingOnClient({ actor, scope }),
    listOverdueDecisions({ actor, scope, asOf }),
    listRecentActivity({ actor }),
    listFailedEmails({ actor }),
    listUnconfirmedDeadlines({ actor }),
  ]);
  return { asOf, scope, due, stages, waiting, decisions, activity, failedEmails, unconfirmed };
}

export type Dashboard = Awaited<ReturnType<typeof getDashboard>>;
