import { expect, test, type APIRequestContext } from '@playwright/test';
import { ACTION_ATTACKS, type ActionAttack, type Targets } from './support/attack-payloads';
import { discoverActions, discoverRoutes, fillPattern, type DiscoveredAction } from './support/attack-surface';
import { withDatabase } from './support/e2e-world';
import { firmFingerprint } from './support/firm-fingerprint';
import { PAGE_PARAMS, PAGE_PROBES, ROUTE_ATTACKS } from './support/route-attacks';
import { callAction } from './support/server-action';
import { signInStaff } from './support/sign-in';
import { buildVictimWorld } from './support/victim-world';

// The attacker's walk: every server action the build holds, every page and every route handler, called with the
// victim firm's ids by another firm's admin, by a client of the victim firm (with another client's case), and by
// nobody. None may answer with the victim's data, none may change a row of the victim firm.

test.use({ locale: 'en-US' });
test.setTimeout(420_000);

type Attacker = 'stranger' | 'client' | 'anonymous';
const REFUSALS = [401, 403, 404];
const SIGN_IN = { staff: /^\/sign-in/, portal: /^\/portal\/sign-in/ };

/** What each attacker must get from an action: null when any answer short of success on the victim will do. */
function expectedFromAction(attack: ActionAttack, attacker: Attacker): { codes?: string[]; redirect?: RegExp } | null {
  if (attack.audience === 'public') return null;
  if (attacker === 'anonymous') return { redirect: attack.audience === 'portal' ? SIGN_IN.portal : SIGN_IN.staff };
  if (attacker === 'client') return attack.audience === 'portal' ? { codes: ['NOT_FOUND'] } : { redirect: SIGN_IN.staff };
  if (attack.audience === 'portal') return { redirect: SIGN_IN.portal };
  return attack.audience === 'staff' ? { codes: ['NOT_FOUND', 'FORBIDDEN'] } : null;
}

function actionPath(action: DiscoveredAction, attack: ActionAttack, t: Targets): string {
  if (attack.page) return attack.page(t);
  const params = PAGE_PARAMS[action.page];
  return params ? fillPattern(action.page, params(t)) : action.page;
}

test('another firm, a client and a stranger walk every action, page and route with the victim firm\'s ids and get nothing', async ({ browser, baseURL }) => {
  const actions = discoverActions();
  const routes = discoverRoutes();
  // The build is the walk's map: a thin one means discovery broke, not that the app shrank.
  expect(actions.length).toBeGreaterThan(40);
  expect(routes.filter((r) => r.kind === 'page').length).toBeGreaterThan(15);
  expect(routes.filter((r) => r.kind === 'route').length).toBeGreaterThan(10);
  expect(actions.map((a) => a.key).filter((key) => !ACTION_ATTACKS[key]), 'server actions the walk does not know how to attack').toEqual([]);
  expect(routes.filter((r) => r.kind === 'route' && !ROUTE_ATTACKS[r.pattern]).map((r) => r.pattern), 'route handlers the walk does not know').toEqual([]);
  expect(routes.filter((r) => r.kind === 'page' && r.pattern.includes('[') && !PAGE_PARAMS[r.pattern]).map((r) => r.pattern), 'dynamic pages the walk does not know').toEqual([]);

  const origin = new URL(baseURL!).origin;
  const { targets, marker, portalClient } = await buildVictimWorld(browser, actions, baseURL!);
  const stranger = await (await browser.newContext({ locale: 'en-US' })).newPage();
  await signInStaff(stranger, 'admin@lemaire.example');
  const anonymous = await browser.newContext({ locale: 'en-US' });
  const attackers: [Attacker, APIRequestContext][] = [
    ['stranger', stranger.request],
    ['client', portalClient.request],
    ['anonymous', anonymous.request],
  ];

  const before = await withDatabase((db) => firmFingerprint(db, targets.firmId));
  const failures: string[] = [];
  const leaks = (who: Attacker, what: string, body: string) => {
    // The marker, not an id: a 404 page may well repeat the address it was asked for.
    if (body.includes(marker)) failures.push(`${who} ${what}: the answer holds the victim's data`);
  };
  let requests = 0;

  for (const [who, request] of attackers) {
    for (const action of actions) {
      const attack = ACTION_ATTACKS[action.key]!;
      // Signing out would end the attacker's own session in the middle of the walk; nobody's is tried instead.
      if (attack.audience === 'public' && who !== 'anonymous') continue;
      const call = await callAction(request, { id: action.id, path: actionPath(action, attack, targets), args: attack.args(targets), headers: { Origin: origin } });
      requests++;
      const what = `action ${action.key}`;
      leaks(who, what, call.body);
      if (call.status >= 500) failures.push(`${who} ${what}: status ${call.status}`);
      if (call.ok === true && attack.audience !== 'own-firm' && attack.audience !== 'public') failures.push(`${who} ${what}: succeeded`);
      const expected = expectedFromAction(attack, who);
      if (expected?.codes && !expected.codes.includes(call.code ?? '')) failures.push(`${who} ${what}: expected ${expected.codes.join('/')}, got ${call.code ?? call.redirect ?? call.status} ${call.body.slice(0, 300)}`);
      if (expected?.redirect && !expected.redirect.test(call.redirect ?? '')) failures.push(`${who} ${what}: expected a redirect to sign in, got ${call.code ?? call.redirect ?? call.status}`);
    }
    for (const page of routes.filter((r) => r.kind === 'page')) {
      const params = PAGE_PARAMS[page.pattern];
      const path = params ? fillPattern(page.pattern, params(targets)) : page.pattern;
      const response = await request.get(path, { maxRedirects: 0, failOnStatusCode: false });
      requests++;
      leaks(who, `page ${path}`, await response.text());
      const status = response.status();
      if (status >= 500) failures.push(`${who} page ${path}: status ${status}`);
      // A page of the victim's objects is not found for the stranger and the client, and sign-in for nobody.
      // Token pages answer a wrong token with their own "not valid" page (localized), which the marker check covers;
      // the firm's public page is for everyone by design (the marker check still holds for it).
      if (params && status === 200 && !['/invitations/[token]', '/booking/[token]', '/f/[slug]'].includes(page.pattern)) failures.push(`${who} page ${path}: 200`);
    }
    for (const probe of PAGE_PROBES(targets, marker)) {
      const response = await request.get(probe.path, { maxRedirects: 0, failOnStatusCode: false });
      requests++;
      const body = await response.text();
      if (response.status() >= 500) failures.push(`${who} ${probe.path}: status ${response.status()}`);
      for (const hidden of probe.hidden) if (body.includes(hidden)) failures.push(`${who} ${probe.path}: the answer holds ${hidden}`);
    }
    for (const route of routes.filter((r) => r.kind === 'route')) {
      for (const call of ROUTE_ATTACKS[route.pattern]!(targets)) {
        const response = await request.fetch(call.path, {
          method: call.method, headers: { Origin: origin, ...call.headers }, data: call.data, multipart: call.multipart, maxRedirects: 0, failOnStatusCode: false,
        });
        requests++;
        const what = `${call.method} ${call.path}`;
        leaks(who, what, (await response.body()).toString('latin1'));
        const status = response.status();
        if (status >= 500) failures.push(`${who} ${what}: status ${status}`);
        const redirectedToSignIn = status >= 300 && status < 400 && /\/sign-in/.test(response.headers().location ?? '');
        if (!call.own && !REFUSALS.includes(status) && !redirectedToSignIn) failures.push(`${who} ${what}: status ${status}`);
      }
    }
  }

  expect(failures).toEqual([]);
  expect(requests).toBeGreaterThan(200);
  expect(await withDatabase((db) => firmFingerprint(db, targets.firmId))).toEqual(before);
});
