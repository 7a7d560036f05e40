import net from 'node:net';
import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { env } from '@/lib/env';

export type MailTransport = Transporter<SMTPPool.SentMessageInfo>;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);
const FLAGS = ['ignoreTLS', 'requireTLS', 'rejectUnauthorized'] as const;

/**
 * Nodemailer options from SMTP_URL: `smtps://user:pass@host:465` (TLS from the first byte) or
 * `smtp://user:pass@host:587` (STARTTLS whenever the server offers it). Query flags, all optional:
 * `ignoreTLS`, `requireTLS`, `rejectUnauthorized` (=true|false). Plain smtp:// to a loopback host
 * (Mailpit on the developer's machine, the test sink) defaults to ignoreTLS=true.
 */
export function smtpOptionsFromUrl(smtpUrl: string): SMTPPool.Options {
  const url = new URL(smtpUrl);
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new Error(`SMTP_URL must start with smtp:// or smtps://, not ${url.protocol}//`);
  }
  const unknown = [...url.searchParams.keys()].filter((name) => !(FLAGS as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`SMTP_URL has unknown options: ${unknown.join(', ')} (known: ${FLAGS.join(', ')})`);
  const flag = (name: (typeof FLAGS)[number]) => {
    const value = url.searchParams.get(name);
    if (value === null) return undefined;
    if (value !== 'true' && value !== 'false') throw new Error(`SMTP_URL option ${name} must be true or false`);
    return value === 'true';
  };

  const secure = url.protocol === 'smtps:';
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const rejectUnauthorized = flag('rejectUnauthorized');
  return {
    // One pool per worker process: a batch reuses open connections instead of a handshake per email.
    pool: true,
    maxConnections: 5,
    host,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    ignoreTLS: flag('ignoreTLS') ?? (!secure && LOOPBACK_HOSTS.has(host)),
    requireTLS: flag('requireTLS') ?? false,
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    tls: rejectUnauthorized === undefined ? undefined : { rejectUnauthorized },
    // Bounded waits: a hung server must fail the attempt (and retry later) well within the outbox
    // lease (15 min): a batch of 50 over 5 connections is 10 sends per connection, each of which gives
    // up on a hung server within a minute (connect + greeting + one idle socket period).
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
    getSocket: connectWithoutNagle,
  };
}

const CONNECTION_TIMEOUT_MS = 15_000;

type SocketCallback = (error: Error | null, socket?: { connection: net.Socket }) => void;

/**
 * Opens the TCP connection for nodemailer, with Nagle's algorithm off. SMTP is a dialogue of small writes,
 * each waiting for the server's answer; with Nagle on, many of them wait for the server's delayed ACK too
 * (40 ms on Linux), which held a pool of 5 connections to about 100 messages a second against a local
 * server. Nodemailer has no option for it, so the socket is made here and handed over through its proxy
 * hook; TLS (smtps://, STARTTLS) is still negotiated by nodemailer on top of it.
 */
function connectWithoutNagle(options: { host?: string; port?: number }, callback: SocketCallback) {
  const socket = net.connect({ host: options.host, port: options.port ?? 587, noDelay: true, timeout: CONNECTION_TIMEOUT_MS });
  let settled = false;
  const settle = (error: Error | null) => {
    if (settled) return;
    settled = true;
    socket.off('error', onError).off('timeout', onTimeout);
    if (error) {
      socket.destroy();
      callback(error);
      return;
    }
    // From here on nodemailer's own greeting and socket timeouts apply.
    socket.setTimeout(0);
    callback(null, { connection: socket });
  };
  const onError = (error: Error) => settle(error);
  const onTimeout = () => settle(Object.assign(new Error(`connection to ${options.host}:${options.port} timed out`), { code: 'ETIMEDOUT' }));
  socket.once('error', onError).once('timeout', onTimeout).once('connect', () => settle(null));
}

/**
 * The SMTP transport, or null when SMTP_URL is not set: then the outbox itself is the delivery
 * (the dev mailbox shows it) and nothing is sent. Close it (`transport.close()`) when the worker stops.
 */
export function createMailTransport(smtpUrl: string | undefined = env().SMTP_URL): MailTransport | null {
  if (!smtpUrl) return null;
  return nodemailer.createTransport(smtpOptionsFromUrl(smtpUrl));
}
