import { expect } from '@playwright/test';
import type { SinkMessage } from '../../support/smtp-sink';

const SINK = `http://127.0.0.1:${process.env.E2E_SMTP_HTTP_PORT ?? 3199}`;

/** Waits until the worker has delivered a message to `to` whose subject matches, and returns it. */
export async function waitForEmail(to: string, subject: RegExp): Promise<SinkMessage> {
  let found: SinkMessage | undefined;
  await expect
    .poll(
      async () => {
        const response = await fetch(`${SINK}/messages?to=${encodeURIComponent(to)}`);
        const messages = (await response.json()) as SinkMessage[];
        found = messages.filter((m) => subject.test(m.subject)).at(-1);
        return Boolean(found);
      },
      { timeout: 30_000, message: `an email to ${to} with subject ${subject}` },
    )
    .toBe(true);
  return found!;
}

export function firstLink(message: SinkMessage, path: string): string {
  const match = message.text.match(new RegExp(`https?://[^\\s]*${path.replace(/[/?]/g, '\\$&')}[^\\s)]*`));
  if (!match) throw new Error(`no ${path} link in: ${message.text}`);
  return match[0];
}
