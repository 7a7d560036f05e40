import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { createMailTransport } from '@/lib/email/transport';

// The transport opens its own TCP sockets (Nagle off) and hands them to nodemailer: mail must still go out over
// TLS from the first byte (smtps://) and after STARTTLS, as real providers require. smtp-server runs here with
// its built-in self-signed certificate, hence rejectUnauthorized=false.

const servers: SMTPServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
});

async function sink(options: { secure: boolean }) {
  const received: { secure: boolean; body: string }[] = [];
  const server = new SMTPServer({
    secure: options.secure,
    authOptional: true,
    logger: false,
    disableReverseLookup: true,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({ secure: session.secure, body: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { port: (server.server.address() as AddressInfo).port, received };
}

describe('the SMTP transport over TLS', () => {
  it('sends over smtps:// (TLS from the first byte)', async () => {
    const { port, received } = await sink({ secure: true });
    const transport = createMailTransport(`smtps://127.0.0.1:${port}?rejectUnauthorized=false`)!;
    const info = await transport.sendMail({ from: 'a@sejour.test', to: 'b@sejour.test', subject: 'TLS', text: 'over TLS' });
    transport.close();
    expect(info.accepted).toEqual(['b@sejour.test']);
    expect(received).toHaveLength(1);
    expect(received[0]!.secure).toBe(true);
    expect(received[0]!.body).toContain('over TLS');
  });

  it('upgrades with STARTTLS when it is required', async () => {
    const { port, received } = await sink({ secure: false });
    const transport = createMailTransport(`smtp://127.0.0.1:${port}?ignoreTLS=false&requireTLS=true&rejectUnauthorized=false`)!;
    await transport.sendMail({ from: 'a@sejour.test', to: 'b@sejour.test', subject: 'STARTTLS', text: 'after STARTTLS' });
    transport.close();
    expect(received.map((message) => message.secure)).toEqual([true]);
  });

  it('fails the send, to be retried, when nothing listens', async () => {
    const { port } = await sink({ secure: false });
    await new Promise<void>((resolve) => servers.pop()!.close(() => resolve()));
    const transport = createMailTransport(`smtp://127.0.0.1:${port}`)!;
    await expect(transport.sendMail({ from: 'a@sejour.test', to: 'b@sejour.test', subject: 'x', text: 'x' })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    transport.close();
  });
});
