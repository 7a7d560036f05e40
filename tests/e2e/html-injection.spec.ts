import { expect, test, type Page } from '@playwright/test';
import { discoverActions } from './support/attack-surface';
import { withDatabase } from './support/e2e-world';
import { firstLink, waitForEmail } from './support/mailbox';
import { actionRunner, form } from './support/server-action';
import { signInStaff } from './support/sign-in';
import { untilStreamed } from './support/streamed';

// Markup typed into everything a person can name: a client's names, a note, a task, a checklist item, a file's
// name (a slash is refused there, as a path), a portal message. Every page that shows them, staff and portal, must print them as text: no script runs,
// no dialog opens, no injected element is in the DOM, and the server's HTML (flight data included) holds them
// escaped.

test.use({ locale: 'en-US' });
test.setTimeout(180_000);

const IMG = '<img src=x onerror="window.__xss=1">';
const SCRIPT = '<script>window.__xss=2</script>';
const SVG = '"><svg onload="window.__xss=3">';
const PAYLOADS = [IMG, SCRIPT, SVG];

async function expectInert(page: Page, path: string, shown: string[]) {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  const html = await response!.text();
  for (const payload of PAYLOADS) expect(html, `${path} serves ${payload} unescaped`).not.toContain(payload);
  expect(html).not.toMatch(/<img src=x|<svg onload|<script>window/);
  await page.waitForLoadState('load');
  await untilStreamed(page);
  const found = await page.evaluate(() => ({
    xss: (window as unknown as { __xss?: number }).__xss,
    injected: document.querySelectorAll('img[src="x"], svg[onload], script:not([src]):not([nonce])').length,
    handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`)),
    text: document.body.innerText,
  }));
  expect(found.xss, `${path}: a payload ran`).toBeUndefined();
  expect(found.injected, `${path}: injected elements`).toBe(0);
  expect(found.handlers, `${path}: event handler attributes`).toEqual([]);
  for (const payload of shown) expect(found.text, `${path} shows ${payload} as text`).toContain(payload);
  expect(dialogs).toEqual([]);
}

test('names, notes, tasks, checklist items, file names and messages full of markup are shown as text on every page', async ({ page, browser, baseURL }) => {
  const actions = discoverActions();
  await signInStaff(page, 'advisor1@peeters.example');
  const run = actionRunner(page.request, actions, baseURL!);
  const email = `markup-${Date.now()}@client.example`;

  const created = await run('app/(app)/clients/new/actions.ts#createClientAction', '/clients/new', [null, form({ firstName: IMG, lastName: SCRIPT, nationality: 'MA', language: 'en', email })]);
  expect(created.redirect, created.body.slice(0, 300)).toMatch(/^\/clients\//);
  const clientId = created.redirect!.split('/').pop()!;
  const opened = await run('app/(app)/cases/new/actions.ts#createCaseAction', '/cases/new', [null, form({ clientId, procedure: 'REGISTRATION_NON_EU' })]);
  const caseId = opened.redirect!.split('/').pop()!;
  const casePage = `/cases/${caseId}`;
  for (const [key, fields] of [
    ['app/(app)/cases/[id]/case-actions.ts#addNoteAction', { caseId, body: `Seen by the client: ${SVG}`, visibility: 'CLIENT' }],
    ['app/(app)/cases/[id]/task-actions.ts#createTaskAction', { caseId, title: `Call back ${IMG}`, dueOn: '2027-06-30' }],
    ['app/(app)/cases/[id]/document-actions.ts#addChecklistItemAction', { caseId, documentKind: 'OTHER', label: `Proof ${SVG}` }],
  ] as const) {
    const call = await run(key, casePage, [null, form(fields)]);
    expect(call.ok, `${key}: ${call.body.slice(0, 300)}`).toBe(true);
  }
  const itemId = await withDatabase(async (db) => (await db.query<{ id: string }>(`SELECT id FROM "ChecklistItem" WHERE "caseId" = $1 AND label LIKE 'Proof %'`, [caseId])).rows[0]!.id);
  const requested = await run('app/(app)/cases/[id]/document-actions.ts#requestDocumentsAction', casePage, [null, form({ caseId, itemIds: [itemId] })]);
  expect(requested.ok, requested.body.slice(0, 300)).toBe(true);
  const upload = await page.request.post(`/api/documents/upload?caseId=${caseId}&kind=PASSPORT`, {
    headers: { Origin: new URL(baseURL!).origin, 'Content-Type': 'application/pdf', 'X-File-Name': encodeURIComponent(`passport ${IMG}.pdf`) },
    data: Buffer.from('%PDF-1.4\n% markup\n'),
  });
  expect(upload.status(), await upload.text()).toBeLessThan(300);
  const invited = await run('app/(app)/clients/[id]/actions.ts#invitePortalAction', `/clients/${clientId}`, [null, form({ clientId })]);
  expect(invited.ok, invited.body.slice(0, 300)).toBe(true);

  // The client signs in and writes to the advisor.
  const client = await (await browser.newContext({ locale: 'en-US' })).newPage();
  await client.goto(firstLink(await waitForEmail(email, /invited you to your client portal/), '/portal/sign-in/verify'));
  await client.getByRole('button', { name: 'Sign in' }).click();
  await expect(client).toHaveURL(/\/portal$/);
  const sent = await actionRunner(client.request, actions, baseURL!)('app/portal/(client)/cases/[id]/actions.ts#sendMessageAction', `/portal/cases/${caseId}`, [null, form({ caseId, body: `Hello ${IMG} ${SVG}` })]);
  expect(sent.ok, sent.body.slice(0, 300)).toBe(true);

  const outboxId = await withDatabase(async (db) => (await db.query<{ id: string }>(`SELECT id FROM "EmailOutbox" WHERE "toEmail" = $1 ORDER BY "createdAt" LIMIT 1`, [email])).rows[0]!.id);
  for (const [path, shown] of [
    [`/clients/${clientId}`, [IMG, SCRIPT]],
    ['/clients', [IMG]],
    [casePage, [IMG, SCRIPT, SVG]],
    [`/cases?q=${encodeURIComponent('window.__xss')}`, [SCRIPT]],
    ['/dashboard', []],
  ] as const) await expectInert(page, path, [...shown]);
  // The admin's pages: the audit log names the client, the outbox shows the emails sent to them.
  const admin = await (await browser.newContext({ locale: 'en-US' })).newPage();
  await signInStaff(admin, 'admin@peeters.example');
  for (const path of ['/settings/audit', '/settings/outbox', `/settings/outbox/${outboxId}`]) await expectInert(admin, path, []);
  for (const [path, shown] of [
    ['/portal', [SVG]],
    [`/portal/cases/${caseId}`, [SVG, IMG]],
  ] as const) await expectInert(client, path, [...shown]);
});
