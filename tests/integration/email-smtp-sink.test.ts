import { afterAll, describe, expect, it } from 'vitest';
import { createMailTransport } from '@/lib/email/transport';
import { startSmtpSink, type SinkMessage } from '../support/smtp-sink';

// The test sink itself, including the HTTP API that Playwright tests (another process) read.

const sink = await startSmtpSink({ httpPort: 0 });
const transport = createMailTransport(sink.url)!;
afterAll(async () => {
  transport.close();
  await sink.stop();
});

describe('SMTP sink', () => {
  it('lists received messages over HTTP, filtered by recipient, and forgets them on DELETE', async () => {
    await transport.sendMail({ from: 'Sejour <no-reply@sejour.local>', to: 'Ana@Example.com', subject: 'Bonjour', text: 'texte', html: '<p>texte</p>' });
    await transport.sendMail({ from: 'no-reply@sejour.local', to: 'bo@example.com', subject: 'Hallo', text: 'tekst' });

    const all = (await (await fetch(`${sink.httpUrl}/messages`)).json()) as SinkMessage[];
    expect(all.map((m) => m.subject)).toEqual(['Bonjour', 'Hallo']);
    const ana = (await (await fetch(`${sink.httpUrl}/messages?to=ana@example.com`)).json()) as SinkMessage[];
    expect(ana).toEqual([expect.objectContaining({ to: ['ana@example.com'], subject: 'Bonjour', text: 'texte', html: '<p>texte</p>', fromHeader: '"Sejour" <no-reply@sejour.local>' })]);

    expect((await fetch(`${sink.httpUrl}/messages`, { method: 'DELETE' })).status).toBe(204);
    expect(await (await fetch(`${sink.httpUrl}/messages`)).json()).toEqual([]);
    expect((await fetch(`${sink.httpUrl}/other`)).status).toBe(404);
  });

  it('waits for a message that has not arrived yet, and times out with what it did receive', async () => {
    const arrival = sink.waitFor((m) => m.subject === 'later');
    await transport.sendMail({ from: 'no-reply@sejour.local', to: 'cy@example.com', subject: 'later', text: 'x' });
    expect((await arrival).to).toEqual(['cy@example.com']);
    await expect(sink.waitFor((m) => m.subject === 'never', 50)).rejects.toThrow(/no matching message within 50 ms \(received .*later/);
  });

  it('answers RCPT TO with 451 or 550 while told to, and records the refusal', async () => {
    sink.setFailure((recipient) => (recipient.startsWith('temp') ? 'transient' : recipient.startsWith('gone') ? 'permanent' : null));
    await expect(transport.sendMail({ from: 'no-reply@sejour.local', to: 'temp@example.com', subject: 's', text: 'x' })).rejects.toMatchObject({ responseCode: 451, command: 'RCPT TO' });
    await expect(transport.sendMail({ from: 'no-reply@sejour.local', to: 'gone@example.com', subject: 's', text: 'x' })).rejects.toMatchObject({ responseCode: 550, command: 'RCPT TO' });
    await transport.sendMail({ from: 'no-reply@sejour.local', to: 'fine@example.com', subject: 'ok', text: 'x' });
    sink.setFailure(null);
    expect(sink.rejections.slice(-2)).toEqual([
      { recipient: 'temp@example.com', code: 451 },
      { recipient: 'gone@example.com', code: 550 },
    ]);
    expect(sink.messages.at(-1)?.to).toEqual(['fine@example.com']);
  });
});
