import { z } from 'zod';

// The dashboard shows the person's own cases; the case lists (waiting on the client, overdue decisions) can be
// widened to the whole firm, which partners use to see where the office stands.
export const ZDashboardScope = z.enum(['mine', 'firm']).catch('mine');
export type DashboardScope = z.output<typeof ZDashboardScope>;

/** How many rows a dashboard list shows; the total is counted separately so "and 240 more" stays true. */
export const DASHBOARD_LIST_LIMIT = 20;
