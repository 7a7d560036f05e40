import { createHash } from 'node:crypto';
import pg from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { logger } from '@/lib/logger';

// Abuse limits kept in Postgres (the RateLimit table), so every web replica counts against the same numbers.
// Keys are whatever email was typed, never "an account that exists": the limiter behaves the same for
// unknown emails, so it reveals nothing.

const FIFTEEN_MINUTES = 15 * 60;

export const LIMITS = {
  signInPerAccount: { points: 5, duration: FIFTEEN_MINUTES, blockSeconds: FIFTEEN_MINUTES },
  signInPerIp: { points: 20, duration: FIFTEEN_MINUTES, blockSeconds: FIFTEEN_MINUTES },
  magicLinkPerEmail: { points: 3, duration: FIFTEEN_MINUTES },
  magicLinkPerIp: { points: 10, duration: FIFTEEN_MINUTES },
  totpPerUser: { points: 5, duration: FIFTEEN_MINUTES, blockSeconds: FIFTEEN_MINUTES },
  // The firm's public form: a person writes once or twice; a script writes hundreds. Every attempt from an IP
  // counts (invalid ones too), sends for one address only once it parsed.
  intakePerIp: { points: 10, duration: 60 * 60 },
  intakePerEmail: { points: 3, duration: 60 * 60 },
} as const;

export type RateLimits = {
  /** Throws RATE_LIMITED while the account or the IP is blocked; consumes nothing. */
  checkSignInAllowed(input: { email: string; ip: string | null }): Promise<void>;
  recordSignInFailure(input: { email: string; ip: string | null }): Promise<void>;
  /** After a successful sign-in. The IP counter stays: one good password does not excuse twenty bad ones. */
  clearSignInFailures(input: { email: string }): Promise<void>;
  /** Counts the request and throws RATE_LIMITED when the email or the IP asked too often. */
  consumeMagicLinkRequest(input: { email: string; ip: string | null }): Promise<void>;
  /** Counts one TOTP code attempt before it is checked; throws RATE_LIMITED past the limit. */
  consumeTotpAttempt(userId: string): Promise<void>;
  clearTotpAttempts(userId: string): Promise<void>;
  /** Counts one public form submission from this IP; throws RATE_LIMITED past the limit. */
  consumeIntakeFromIp(ip: string | null): Promise<void>;
  /** Counts one public form submission for this email address; throws RATE_LIMITED past the limit. */
  consumeIntakeForEmail(email: string): Promise<void>;
};

// Hashed so that keys fit varchar(255) whatever was typed, and the table holds no email addresses in clear.
function keyOf(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

const emailKey = (email: string) => keyOf(email.trim().toLowerCase());

/**
 * The RateLimit rows kept about one person (rate-limiter-flexible stores `<prefix>:<key>`): their address's sign-in
 * and magic-link counters and their TOTP attempts. Hashes, but of their address: erasing the client removes them.
 */
export function personalRateLimitKeys({ emails, userIds }: { emails: string[]; userIds: string[] }): string[] {
  return [...emails.flatMap((email) => [`signin_account:${emailKey(email)}`, `magiclink_email:${emailKey(email)}`, `intake_email:${emailKey(email)}`]), ...userIds.map((id) => `totp_user:${keyOf(id)}`)];
}

function rateLimited(msBeforeNext: number, scope: string): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new AppError('RATE_LIMITED', { message: `rate limited (${scope})`, userMessage: 'RATE_LIMITED', details: { retryAfterSeconds, scope } });
}

/** The limiter's refusals are RateLimiterRes values; anything else (the database is down) is a real error. */
function refusal(result: PromiseSettledResult<unknown>): RateLimiterRes | null {
  if (result.status === 'rejected') {
    if (result.reason instanceof RateLimiterRes) return result.reason;
    throw result.reason;
  }
  return null;
}

/** The limits on one pool. Web code uses the module functions below; tests build a second instance to play a second replica. */
export function createRateLimits(pool: pg.Pool): RateLimits {
  const limiter = (keyPrefix: string, points: number, duration: number, blockDuration?: number, sweep = false) =>
    new RateLimiterPostgres({
      storeClient: pool,
      storeType: 'pool',
      tableName: 'RateLimit',
      tableCreated: true,
      keyPrefix,
      points,
      duration,
      blockDuration,
      // Every limiter shares the table, so one of them sweeping expired rows is enough.
      clearExpiredByTimeout: sweep,
    });

  const signInAccount = limiter('signin_account', LIMITS.signInPerAccount.points, LIMITS.signInPerAccount.duration, undefined, true);
  const signInIp = limiter('signin_ip', LIMITS.signInPerIp.points, LIMITS.signInPerIp.duration);
  const magicLinkEmail = limiter('magiclink_email', LIMITS.magicLinkPerEmail.points, LIMITS.magicLinkPerEmail.duration);
  const magicLinkIp = limiter('magiclink_ip', LIMITS.magicLinkPerIp.points, LIMITS.magicLinkPerIp.duration);
  const totp = limiter('totp_user', LIMITS.totpPerUser.points, LIMITS.totpPerUser.duration, LIMITS.totpPerUser.blockSeconds);
  const intakeIp = limiter('intake_ip', LIMITS.intakePerIp.points, LIMITS.intakePerIp.duration);
  const intakeEmail = limiter('intake_email', LIMITS.intakePerEmail.points, LIMITS.intakePerEmail.duration);

  // Without an IP (no proxy header) the per-IP limit is skipped rather than shared by everyone under one key,
  // which would let one attacker lock every such client out.
  const ipKey = (ip: string | null) => (ip ? keyOf(ip) : null);

  /** Failures are counted without refusing; reaching the limit starts a fresh block, so it lasts the full time. */
  async function countFailure(target: RateLimiterPostgres, key: string, limit: { points: number; blockSeconds: number }) {
    const result = await target.penalty(key, 1);
    if (result.consumedPoints >= limit.points) await target.block(key, limit.blockSeconds);
  }

  return {
    async checkSignInAllowed({ email, ip }) {
      const ipk = ipKey(ip);
      const [account, address] = await Promise.all([signInAccount.get(emailKey(email)), ipk ? signInIp.get(ipk) : null]);
      const blocked = [
        account && account.consumedPoints >= LIMITS.signInPerAccount.points ? { ms: account.msBeforeNext, scope: 'account' } : null,
        address && address.consumedPoints >= LIMITS.signInPerIp.points ? { ms: address.msBeforeNext, scope: 'ip' } : null,
      ].filter((entry) => entry !== null);
      if (blocked.length === 0) return;
      const longest = blocked.reduce((a, b) => (b.ms > a.ms ? b : a));
      throw rateLimited(longest.ms, longest.scope);
    },

    async recordSignInFailure({ email, ip }) {
      const ipk = ipKey(ip);
      await Promise.all([countFailure(signInAccount, emailKey(email), LIMITS.signInPerAccount), ipk ? countFailure(signInIp, ipk, LIMITS.signInPerIp) : null]);
    },

    async clearSignInFailures({ email }) {
      await signInAccount.delete(emailKey(email));
    },

    async consumeMagicLinkRequest({ email, ip }) {
      const ipk = ipKey(ip);
      const [byEmail, byIp] = await Promise.allSettled([magicLinkEmail.consume(emailKey(email)), ipk ? magicLinkIp.consume(ipk) : null]);
      const refused = [refusal(byEmail), refusal(byIp)].filter((res) => res !== null);
      if (refused.length === 0) return;
      throw rateLimited(Math.max(...refused.map((res) => res.msBeforeNext)), 'magic-link');
    },

    async consumeTotpAttempt(userId) {
      const [result] = await Promise.allSettled([totp.consume(keyOf(userId))]);
      const refused = refusal(result);
      if (refused) throw rateLimited(refused.msBeforeNext, 'totp');
    },

    async clearTotpAttempts(userId) {
      await totp.delete(keyOf(userId));
    },

    async consumeIntakeFromIp(ip) {
      const ipk = ipKey(ip);
      if (!ipk) return;
      const refused = refusal((await Promise.allSettled([intakeIp.consume(ipk)]))[0]);
      if (refused) throw rateLimited(refused.msBeforeNext, 'intake-ip');
    },

    async consumeIntakeForEmail(email) {
      const refused = refusal((await Promise.allSettled([intakeEmail.consume(emailKey(email))]))[0]);
      if (refused) throw rateLimited(refused.msBeforeNext, 'intake-email');
    },
  };
}

// One small pool per process, created on first use; kept on globalThis so Next's dev reloads do not leak pools.
const globalForLimits = globalThis as unknown as { sejourRateLimits?: { pool: pg.Pool; limits: RateLimits } };

function defaultLimits(): RateLimits {
  globalForLimits.sejourRateLimits ??= (() => {
    // allowExitOnIdle: an idle limiter pool must not keep a CLI or test process alive.
    const pool = new pg.Pool({ connectionString: env().DATABASE_URL, max: 3, allowExitOnIdle: true });
    // An idle connection dropped by Postgres (restart, failover) is emitted here; unhandled, it would crash the process.
    pool.on('error', (error) => logger().warn({ err: error }, 'rate-limit pool connection lost'));
    return { pool, limits: createRateLimits(pool) };
  })();
  return globalForLimits.sejourRateLimits.limits;
}

/** Closes the shared pool (graceful shutdown, end of a test file). The next call opens a new one. */
export async function closeRateLimits(): Promise<void> {
  const current = globalForLimits.sejourRateLimits;
  globalForLimits.sejourRateLimits = undefined;
  await current?.pool.end();
}

export const checkSignInAllowed: RateLimits['checkSignInAllowed'] = (input) => defaultLimits().checkSignInAllowed(input);
export const recordSignInFailure: RateLimits['recordSignInFailure'] = (input) => defaultLimits().recordSignInFailure(input);
export const clearSignInFailures: RateLimits['clearSignInFailures'] = (input) => defaultLimits().clearSignInFailures(input);
export const consumeMagicLinkRequest: RateLimits['consumeMagicLinkRequest'] = (input) => defaultLimits().consumeMagicLinkRequest(input);
export const consumeTotpAttempt: RateLimits['consumeTotpAttempt'] = (userId) => defaultLimits().consumeTotpAttempt(userId);
export const clearTotpAttempts: RateLimits['clearTotpAttempts'] = (userId) => defaultLimits().clearTotpAttempts(userId);
export const consumeIntakeFromIp: RateLimits['consumeIntakeFromIp'] = (ip) => defaultLimits().consumeIntakeFromIp(ip);
export const consumeIntakeForEmail: RateLimits['consumeIntakeForEmail'] = (email) => defaultLimits().consumeIntakeForEmail(email);
