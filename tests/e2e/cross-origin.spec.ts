import { expect, test } from '@playwright/test';
import { discoverActions } from './support/attack-surface';
import { withDatabase } from './support/e2e-world';
import { callAction, form } from './support/server-action';
import { signInStaff } from './support/sign-in';

// Another site's page posting with the signed-in lawyer's cookies (a forged Origin), and a hand-made request that
// names no origin at all: both refused by proxy.ts before any action or route runs, and nothing written.

test.use({ locale: 'en-US' });

const counts = (caseId: string) =>
  withDatabase(async (db) => {
    const one = async (sql: string, params: unknown[] = []) => Number((await db.query<{ n: string }>(sql, params)).rows[0]!.n);
    return {
      notes: await one(`SELECT count(*) AS n FROM "Note" WHERE "caseId" = $1`, [caseId]),
      documents: await one(`SELECT count(*) AS n FROM "DocumentVersion"`),
      imports: await one(`SELECT count(*) AS n FROM "ImportJob"`),
      intakes: await one(`SELECT count(*) AS n FROM "DecisionIntake"`),
      sessions: await one(`SELECT count(*) AS n FROM "Session"`),
      audit: await one(`SELECT count(*) AS n FROM "AuditLog"`),
    };
  });

test('a forged Origin and a missing one are refused on server actions, uploads, the import and Auth.js; the same request from the app goes through', async ({ page, baseURL }) => {
  await signInStaff(page, 'advisor1@peeters.example');
  const caseId = await withDatabase(async (db) => (await db.query<{ id: string }>(
    `SELECT c.id FROM "Case" c JOIN "Firm" f ON f.id = c."firmId" WHERE f.slug = 'peeters-advocaten' AND c."closedAt" IS NULL ORDER BY c.id LIMIT 1`,
  )).rows[0]!.id);
  const addNote = discoverActions().find((a) => a.key === 'app/(app)/cases/[id]/case-actions.ts#addNoteAction')!;
  const note = () => [null, form({ caseId, body: 'posted from elsewhere' })];
  const pdf = Buffer.from('%PDF-1.4\n% cross-origin\n');
  const csrfToken = (await (await page.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const before = await counts(caseId);

  for (const [label, headers] of [['forged', { Origin: 'https://evil.example' }], ['none', {}], ['sandboxed', { Origin: 'null' }]] as const) {
    const action = await callAction(page.request, { id: addNote.id, path: `/cases/${caseId}`, args: note(), headers });
    expect(action.status, `${label}: server action`).toBe(403);
    const requests = [
      page.request.post(`/api/documents/upload?caseId=${caseId}&kind=PASSPORT`, { headers: { ...headers, 'Content-Type': 'application/pdf', 'X-File-Name': 'passport.pdf' }, data: pdf }),
      page.request.post(`/api/decisions/upload?caseId=${caseId}`, { headers: { ...headers, 'Content-Type': 'application/pdf', 'X-File-Name': 'bijlage-20.pdf' }, data: pdf }),
      page.request.post('/import/upload', { headers, multipart: { file: { name: 'clients.csv', mimeType: 'text/csv', buffer: Buffer.from('First name;Last name\nEve;Forged\n') } }, maxRedirects: 0 }),
      page.request.post('/api/auth/callback/credentials', { headers, form: { csrfToken: csrfToken.csrfToken, email: 'advisor1@peeters.example', password: 'wrong' }, maxRedirects: 0 }),
      page.request.post('/api/auth/signout', { headers, form: { csrfToken: csrfToken.csrfToken }, maxRedirects: 0 }),
    ];
    for (const response of await Promise.all(requests)) expect(`${label} ${response.url()} ${response.status()}`).toBe(`${label} ${response.url()} 403`);
  }
  expect(await counts(caseId)).toEqual(before);
  // Still signed in: the forged sign-out did nothing.
  await page.goto(`/cases/${caseId}`);
  await expect(page).toHaveURL(new RegExp(`/cases/${caseId}$`));

  // The same action from the app's own origin is the control: it writes the note.
  const ours = await callAction(page.request, { id: addNote.id, path: `/cases/${caseId}`, args: note(), headers: { Origin: new URL(baseURL!).origin } });
  expect(ours.ok).toBe(true);
  expect((await counts(caseId)).notes).toBe(before.notes + 1);
});
