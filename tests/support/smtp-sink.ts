import { EventEmitter } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server on 127.0.0.1 that keeps what it receives, for tests.
 *
 * Our code talks to it over TCP exactly as it talks to a provider, so a test proves the round trip
 * (envelope, headers, both MIME parts) rather than a mock's idea of it.
 *
 *   const sink = await startSmtpSink();                 // sink.url = smtp://127.0.0.1:<port>
 *   const message = await sink.waitFor((m) => m.to.includes('ana@example.com'));
 *   sink.setFailure('transient');                       // 451 to every RCPT TO until setFailure(null)
 *   sink.setFailure((to) => (to.startsWith('bad') ? 'permanent' : null));   // 550 for some addresses
 *   await sink.stop();
 *
 * HTTP API, for tests in another process (Playwright drives a browser while the app's worker sends
 * here): `startSmtpSink({ httpPort: 0 })` also listens on `sink.httpUrl` (http://127.0.0.1:<port>):
 *   GET    /messages          JSON array of SinkMessage, oldest first
 *   GET    /messages?to=ADDR  only those whose envelope recipients include ADDR (case-insensitive)
 *   DELETE /messages          forget everything received so far (204)
 * Start the sink in Playwright's globalSetup, give the app SMTP_URL=sink.url, and poll GET /messages
 * from the test with `expect.poll` (the browser side cannot subscribe to events in this process).
 */

export type SinkMessage = {
  /** envelope recipients (RCPT TO), lower-cased: who the message was actually delivered to */
  to: string[];
  /** envelope sender (MAIL FROM) */
  from: string;
  /** the From header as written, e.g. `Sejour <no-reply@sejour.local>` */
  fromHeader: string;
  subject: string;
  text: string;
  html: string;
  messageId: string | null;
  /** attached files (an .ics invitation), their content as UTF-8 text */
  attachments: { filename: string; contentType: string; content: string }[];
  receivedAt: string;
};

export type SinkFailureMode = 'transient' | 'permanent' | null;
export type SinkFailure = SinkFailureMode | ((recipient: string) => SinkFailureMode);

export type SmtpSink = {
  url: string;
  port: number;
  httpUrl: string | null;
  /** every message received, in arrival order; the array is live */
  messages: SinkMessage[];
  /** every RCPT TO the sink refused, with the code it answered */
  rejections: { recipient: string; code: number }[];
  /** resolves with the first received message that matches, now or on arrival; rejects after timeoutMs */
  waitFor: (predicate: (message: SinkMessage) => boolean, timeoutMs?: number) => Promise<SinkMessage>;
  setFailure: (failure: SinkFailure) => void;
  clear: () => void;
  stop: () => Promise<void>;
};

const RESPONSES = {
  transient: { code: 451, text: '4.3.0 Mailbox temporarily unavailable (test sink)' },
  permanent: { code: 550, text: '5.1.1 Mailbox unavailable (test sink)' },
} as const;

export async function startSmtpSink(options: { port?: number; httpPort?: number; failWith?: SinkFailure } = {}): Promise<SmtpSink> {
  const messages: SinkMessage[] = [];
  const rejections: SmtpSink['rejections'] = [];
  const arrivals = new EventEmitter();
  let failure: SinkFailure = options.failWith ?? null;

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // Tests close their transports first; anything left open should not hold the suite for 30 s.
    closeTimeout: 500,
    onRcptTo(address, _session, callback) {
      const mode = typeof failure === 'function' ? failure(address.address) : failure;
      if (!mode) return callback();
      const response = RESPONSES[mode];
      rejections.push({ recipient: address.address.toLowerCase(), code: response.code });
      callback(Object.assign(new Error(response.text), { responseCode: response.code }));
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (parsed) => {
          const message: SinkMessage = {
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            fromHeader: parsed.from?.text ?? '',
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            messageId: parsed.messageId ?? null,
            attachments: parsed.attachments.map((a) => ({ filename: a.filename ?? '', contentType: a.contentType, content: a.content.toString('utf8') })),
            receivedAt: new Date().toISOString(),
          };
          messages.push(message);
          callback();
          arrivals.emit('message', message);
        },
        (error: Error) => callback(error),
      );
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;

  const httpServer = options.httpPort === undefined ? null : await startHttpApi(options.httpPort, messages);
  const httpUrl = httpServer ? `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}` : null;

  function waitFor(predicate: (message: SinkMessage) => boolean, timeoutMs = 10_000): Promise<SinkMessage> {
    const found = messages.find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const onMessage = (message: SinkMessage) => {
        if (!predicate(message)) return;
        cleanup();
        resolve(message);
      };
      const timer = setTimeout(() => {
        cleanup();
        const seen = messages.map((m) => `${m.to.join(',')}: ${m.subject}`).join('; ') || 'nothing';
        reject(new Error(`SMTP sink: no matching message within ${timeoutMs} ms (received ${seen})`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        arrivals.off('message', onMessage);
      };
      arrivals.on('message', onMessage);
    });
  }

  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    httpUrl,
    messages,
    rejections,
    waitFor,
    setFailure: (next) => {
      failure = next;
    },
    clear: () => {
      messages.length = 0;
      rejections.length = 0;
    },
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (httpServer) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}

async function startHttpApi(port: number, messages: SinkMessage[]): Promise<http.Server> {
  const httpServer = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/messages') {
      response.writeHead(404).end();
      return;
    }
    if (request.method === 'DELETE') {
      messages.length = 0;
      response.writeHead(204).end();
      return;
    }
    if (request.method !== 'GET') {
      response.writeHead(405, { allow: 'GET, DELETE' }).end();
      return;
    }
    const to = url.searchParams.get('to')?.toLowerCase();
    const list = to ? messages.filter((message) => message.to.includes(to)) : messages;
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(list));
  });
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, '127.0.0.1', () => resolve());
  });
  return httpServer;
}
