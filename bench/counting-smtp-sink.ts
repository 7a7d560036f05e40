// The SMTP sink of bench:reminders, run in the benchmark's own process so the worker's memory is its own.
import type { AddressInfo } from 'node:net';

// ---------- the SMTP sink: counts what arrives, parses nothing ----------

export async function startCountingSink() {
  const { SMTPServer } = await import('smtp-server');
  let messages = 0;
  let bytes = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 500,
    // No reverse DNS per connection: offline, each lookup waits for its timeout.
    disableReverseLookup: true,
    onData(stream, _session, callback) {
      stream.on('data', (chunk: Buffer) => (bytes += chunk.length));
      stream.on('end', () => {
        messages += 1;
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    counts: () => ({ messages, bytes }),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
