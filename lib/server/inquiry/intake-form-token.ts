import { createHmac, timingSafeEqual } from 'node:crypto';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';

// The time check of the public form: the page hands out a token saying when (and for which firm) the form was
// shown, signed so that a script cannot make one up. A person needs more than a few seconds to say what their
// question is; a form left open for a day is sent again after a reload. Keeps no state on the server.

const MAX_AGE_MS = 24 * 60 * 60 * 1000;

function signature(firmId: string, issuedAt: number): string {
  return createHmac('sha256', env().AUTH_SECRET).update(`intake-form|${firmId}|${issuedAt}`).digest('base64url');
}

export function issueIntakeFormToken(firmId: string, now: Date = new Date()): string {
  const issuedAt = now.getTime();
  return `${issuedAt}.${signature(firmId, issuedAt)}`;
}

/** The least time a person takes to fill the form; INTAKE_MIN_FILL_SECONDS can lower it (the e2e server types fast). */
export function minimumFillSeconds(): number {
  return env().INTAKE_MIN_FILL_SECONDS;
}

/** Throws VALIDATION with the public catalogue's reason when the token is missing, forged, too fresh or too old. */
export function checkIntakeFormToken(firmId: string, token: unknown, now: Date = new Date(), minSeconds: number = minimumFillSeconds()): void {
  const [issued, given] = typeof token === 'string' ? token.split('.') : [];
  const issuedAt = Number(issued);
  const expected = Number.isSafeInteger(issuedAt) ? Buffer.from(signature(firmId, issuedAt)) : null;
  const actual = Buffer.from(given ?? '');
  if (!expected || expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    throw new AppError('VALIDATION', { message: 'intake form token missing or forged', userMessage: 'publicPage.errors.formExpired' });
  }
  const age = now.getTime() - issuedAt;
  if (age > MAX_AGE_MS || age < -60_000) throw new AppError('VALIDATION', { message: `intake form token ${age} ms old`, userMessage: 'publicPage.errors.formExpired' });
  if (age < minSeconds * 1000) throw new AppError('VALIDATION', { message: `intake form sent ${age} ms after it was shown`, userMessage: 'publicPage.errors.tooFast' });
}
