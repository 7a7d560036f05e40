import { afterAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from './support/test-database';
import { createFirmWithStaff } from './support/fixtures';

await setupTestDatabase();
const { getDb } = await import('@/lib/db');
const { closeRateLimits } = await import('@/lib/auth/rate-limit');
const { toDbDate } = await import('@/lib/dates');
const { listOpenInquiries } = await import('@/lib/server/dashboard/list-open-inquiries');

const db = getDb();
afterAll(() => closeRateLimits());

const AS_OF = '2026-12-07';

async function inquiry(firmId: string, lastName: string, extra: { status?: 'NEW' | 'CONTACTED' | 'BOOKED' | 'CONVERTED' | 'DECLINED'; appealDueOn?: string } = {}) {
  return db.inquiry.create({
    data: {
      firmId, firstName: 'Sam', lastName, email: `${lastName.toLowerCase()}@people.example.test`, language: 'nl', topic: extra.appealDueOn ? 'REFUSAL' : 'WORK',
      question: 'A question long enough.', status: extra.status ?? 'NEW', appealDueOn: extra.appealDueOn ? toDbDate(extra.appealDueOn) : null,
    },
  });
}

describe('the dashboard’s inquiries panel', () => {
  it('lists the open inquiries with fewer than 10 days left to appeal, nearest first, and counts the unanswered ones, for its own firm only', async () => {
    const { firm, assistant } = await createFirmWithStaff('Dashboard');
    const other = await createFirmWithStaff('Dashboard other');
    await inquiry(firm.id, 'Later', { appealDueOn: '2026-12-17' }); // 10 days: not yet urgent
    const soon = await inquiry(firm.id, 'Soon', { appealDueOn: '2026-12-10', status: 'BOOKED' });
    const passed = await inquiry(firm.id, 'Passed', { appealDueOn: '2026-12-04', status: 'CONTACTED' });
    await inquiry(firm.id, 'Converted', { appealDueOn: '2026-12-08', status: 'CONVERTED' });
    await inquiry(firm.id, 'Declined', { appealDueOn: '2026-12-08', status: 'DECLINED' });
    await inquiry(firm.id, 'Plain');
    await inquiry(other.firm.id, 'Elsewhere', { appealDueOn: '2026-12-08' });

    expect(await listOpenInquiries({ actor: assistant.actor, asOf: AS_OF })).toEqual({
      unanswered: 2,
      urgent: [
        { id: passed.id, name: 'Sam Passed', appealDueOn: '2026-12-04', daysLeft: -3 },
        { id: soon.id, name: 'Sam Soon', appealDueOn: '2026-12-10', daysLeft: 3 },
      ],
    });
  });
});
