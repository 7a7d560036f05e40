import { createRequire } from 'node:module';
import type { APIRequestContext, APIResponse } from '@playwright/test';

// Calls a server action over HTTP the way the browser's router does: a POST to a page with the action's id in
// Next-Action and the arguments encoded by React's own encodeReply (multipart when they hold a FormData, a JSON
// text otherwise), from the copy Next ships, so the wire format is the one the server decodes.

type EncodeReply = (value: unknown[]) => Promise<string | FormData>;
const { encodeReply } = createRequire(import.meta.url)('next/dist/compiled/react-server-dom-turbopack/client.edge') as { encodeReply: EncodeReply };

export type ActionCall = { status: number; body: string; redirect: string | null; ok: boolean | null; code: string | null };

export function form(fields: Record<string, string | string[] | File>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const one of Array.isArray(value) ? value : [value]) data.append(name, one);
  return data;
}

function outcome(response: APIResponse, body: string): ActionCall {
  // The action's return value is one of the Flight rows; our actions answer { ok, code, ... }.
  const result = body.match(/\{"ok":(true|false)(?:,"code":"([A-Z_]+)")?/);
  return {
    status: response.status(),
    body,
    // `/clients/abc;push`: the address, then how the router is to go there.
    redirect: response.headers()['x-action-redirect']?.split(';')[0] ?? null,
    ok: result ? result[1] === 'true' : null,
    code: result?.[2] ?? null,
  };
}

export async function callAction(request: APIRequestContext, { id, path, args, headers = {} }: { id: string; path: string; args: unknown[]; headers?: Record<string, string> }): Promise<ActionCall> {
  const encoded = await encodeReply(args);
  const common = { headers: { 'Next-Action': id, Accept: 'text/x-component', ...headers }, maxRedirects: 0, failOnStatusCode: false };
  const response =
    typeof encoded === 'string'
      ? await request.post(path, { ...common, headers: { ...common.headers, 'Content-Type': 'text/plain;charset=UTF-8' }, data: encoded })
      : await request.post(path, { ...common, multipart: encoded });
  return outcome(response, await response.text());
}

/** Calls the build's actions by module and export name, as the signed-in person of `request`, from the app's origin. */
export function actionRunner(request: APIRequestContext, actions: { id: string; key: string }[], baseURL: string) {
  const origin = new URL(baseURL).origin;
  return async (key: string, path: string, args: unknown[]) => {
    const action = actions.find((a) => a.key === key);
    if (!action) throw new Error(`no action ${key} in the build`);
    return callAction(request, { id: action.id, path, args, headers: { Origin: origin } });
  };
}
