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
    redirect: response.headers()['x-action-redirect'] ?? null,
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
