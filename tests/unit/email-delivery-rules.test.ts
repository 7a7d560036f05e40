import { describe, expect, it } from 'vitest';
import { classifySendError } from '@/lib/email/classify-send-error';
import { afterTransientFailure, BACKOFF_MS, MAX_ATTEMPTS } from '@/lib/email/retry-policy';
import { smtpOptionsFromUrl } from '@/lib/email/transport';

describe('SMTP_URL', () => {
  it('speaks plain SMTP without STARTTLS to a local catcher', () => {
    expect(smtpOptionsFromUrl('smtp://127.0.0.1:2525')).toMatchObject({ host: '127.0.0.1', port: 2525, secure: false, ignoreTLS: true, auth: undefined });
    expect(smtpOptionsFromUrl('smtp://localhost:1025')).toMatchObject({ secure: false, ignoreTLS: true });
  });

  it('uses STARTTLS when offered for a remote smtp:// server, and TLS from the start for smtps://', () => {
    expect(smtpOptionsFromUrl('smtp://mail.example.com')).toMatchObject({ host: 'mail.example.com', port: 587, secure: false, ignoreTLS: false });
    expect(smtpOptionsFromUrl('smtps://mail.example.com')).toMatchObject({ port: 465, secure: true, ignoreTLS: false });
  });

  it('decodes credentials and reads the TLS flags', () => {
    const options = smtpOptionsFromUrl('smtp://apikey:p%40ss%2Fword@mailpit:1025?ignoreTLS=true&rejectUnauthorized=false');
    expect(options).toMatchObject({ host: 'mailpit', ignoreTLS: true, auth: { user: 'apikey', pass: 'p@ss/word' }, tls: { rejectUnauthorized: false } });
    expect(smtpOptionsFromUrl('smtp://mail.example.com?requireTLS=true')).toMatchObject({ requireTLS: true });
  });

  it('names what is wrong with a bad URL', () => {
    expect(() => smtpOptionsFromUrl('https://mail.example.com')).toThrow(/smtp:\/\/ or smtps:\/\//);
    expect(() => smtpOptionsFromUrl('smtp://mail.example.com?ignoreTls=true')).toThrow(/unknown options: ignoreTls/);
    expect(() => smtpOptionsFromUrl('smtp://mail.example.com?requireTLS=yes')).toThrow(/requireTLS must be true or false/);
  });
});

describe('send failures', () => {
  it('are permanent only when the server refuses the recipient with a 5xx', () => {
    expect(classifySendError({ code: 'EENVELOPE', command: 'RCPT TO', responseCode: 550, response: '550 5.1.1 no such user' })).toEqual({
      permanent: true,
      message: 'EENVELOPE RCPT TO 550 5.1.1 no such user',
    });
    expect(classifySendError({ code: 'EENVELOPE', command: 'RCPT TO', responseCode: 451, response: '451 try later' }).permanent).toBe(false);
    // Our own configuration (credentials, sender) is fixed by an operator; keep the mail until then.
    expect(classifySendError({ code: 'EAUTH', command: 'AUTH PLAIN', responseCode: 535, response: '535 bad credentials' }).permanent).toBe(false);
    expect(classifySendError({ code: 'EENVELOPE', command: 'MAIL FROM', responseCode: 550, response: '550 sender refused' }).permanent).toBe(false);
    expect(classifySendError({ code: 'ESOCKET', command: 'CONN', message: 'connect ECONNREFUSED 127.0.0.1:25' })).toEqual({
      permanent: false,
      message: 'ESOCKET CONN connect ECONNREFUSED 127.0.0.1:25',
    });
    expect(classifySendError('boom')).toEqual({ permanent: false, message: 'boom' });
  });
});

describe('retries', () => {
  const now = new Date('2026-11-23T10:00:00Z');
  const waits = Array.from({ length: MAX_ATTEMPTS - 1 }, (_, i) => {
    const next = afterTransientFailure(i + 1, now);
    return 'retryAt' in next ? (next.retryAt.getTime() - now.getTime()) / 60_000 : null;
  });

  it('back off 1, 5, 15, 60, 180 minutes and on, capped at a day', () => {
    expect(waits).toEqual([1, 5, 15, 60, 180, 360, 720, 1440, 1440]);
    expect(Math.max(...BACKOFF_MS)).toBe(24 * 60 * 60_000);
  });

  it(`give up after ${MAX_ATTEMPTS} attempts`, () => {
    expect(afterTransientFailure(MAX_ATTEMPTS, now)).toEqual({ giveUp: true });
    expect(afterTransientFailure(MAX_ATTEMPTS + 3, now)).toEqual({ giveUp: true });
  });
});
