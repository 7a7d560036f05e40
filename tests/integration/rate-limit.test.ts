import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from './support/test-database';

const url = await setupTestDatabase();
const limits = await import('@/lib/auth/rate-limit');
const { checkSignInAllowed, recordSignInFailure, clearSignInFailures, consumeMagicLinkRequest, consumeTotpAttempt, clearTotpAttempts, createRateLimits, closeRateLimits } = limits;

// Two pools and two limiter sets on one database stand for two web replicas.
const replicaPools = [new pg.Pool({ connectionString: url, max: 2 }), new pg.Pool({ connectionString: url, max: 2 })];
afterAll(async () => {
  await closeRateLimits();
  await Promise.all(replicaPools.map((pool) => pool.end()));
});

// Every test uses its own emails and IPs, so no counter leaks from one test into another.
const unique = () => randomUUID().slice(0, 8);
const newEmail = () => `someone-${unique()}@example.test`;
let ipCounter = 0;
const newIp = () => {
  ipCounter += 1;
  return `198.18.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`;
};

const rateLimited = expect.objectContaining({ code: 'RATE_LIMITED', userMessage: 'RATE_LIMITED', details: expect.objectContaining({ retryAfterSeconds: expect.any(Number) }) });

async function retryAfterOf(promise: Promise<unknown>): Promise<{ retryAfterSeconds: number; scope: string }> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toEqual(rateLimited);
  return (error as { details: { retryAfterSeconds: number; scope: string } }).details;
}

describe('staff password sign-in', () => {
  it('blocks an account after 5 failures, for 15 minutes, while another account on the same IP still gets in', async () => {
    const email = newEmail();
    const ip = newIp();
    for (let i = 0; i < 5; i += 1) {
      await expect(checkSignInAllowed({ email, ip })).resolves.toBeUndefined();
      await recordSignInFailure({ email, ip });
    }
    const blocked = await retryAfterOf(checkSignInAllowed({ email, ip }));
    expect(blocked.scope).toBe('account');
    expect(blocked.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect(blocked.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);

    // The account is blocked whatever the IP and however the email is typed.
    await expect(checkSignInAllowed({ email: email.toUpperCase(), ip: newIp() })).rejects.toEqual(rateLimited);
    await expect(checkSignInAllowed({ email: newEmail(), ip })).resolves.toBeUndefined();
  });

  it('counts only failures: checking consumes nothing', async () => {
    const email = newEmail();
    const ip = newIp();
    for (let i = 0; i < 20; i += 1) await checkSignInAllowed({ email, ip });
    for (let i = 0; i < 4; i += 1) await recordSignInFailure({ email, ip });
    await expect(checkSignInAllowed({ email, ip })).resolves.toBeUndefined();
  });

  it('blocks an IP after 20 failures across accounts, even for an account it never tried', async () => {
    const ip = newIp();
    for (let account = 0; account < 4; account += 1) {
      const email = newEmail();
      for (let i = 0; i < 5; i += 1) await recordSignInFailure({ email, ip });
    }
    const blocked = await retryAfterOf(checkSignInAllowed({ email: newEmail(), ip }));
    expect(blocked.scope).toBe('ip');
    expect(blocked.retryAfterSeconds).toBeGreaterThan(14 * 60);
    await expect(checkSignInAllowed({ email: newEmail(), ip: newIp() })).resolves.toBeUndefined();
  });

  it('does not block an IP at 19 failures', async () => {
    const ip = newIp();
    for (let i = 0; i < 19; i += 1) await recordSignInFailure({ email: newEmail(), ip });
    await expect(checkSignInAllowed({ email: newEmail(), ip })).resolves.toBeUndefined();
  });

  it('clears the account counter on success', async () => {
    const email = newEmail();
    const ip = newIp();
    for (let i = 0; i < 4; i += 1) await recordSignInFailure({ email, ip });
    await clearSignInFailures({ email });
    for (let i = 0; i < 4; i += 1) await recordSignInFailure({ email, ip });
    await expect(checkSignInAllowed({ email, ip })).resolves.toBeUndefined();
    await recordSignInFailure({ email, ip });
    await expect(checkSignInAllowed({ email, ip })).rejects.toEqual(rateLimited);
  });

  it('still limits the account when no IP is known', async () => {
    const email = newEmail();
    for (let i = 0; i < 5; i += 1) await recordSignInFailure({ email, ip: null });
    await expect(checkSignInAllowed({ email, ip: null })).rejects.toEqual(rateLimited);
  });
});

describe('client magic links', () => {
  it('refuses the 4th request for one email within the window', async () => {
    const email = newEmail();
    for (let i = 0; i < 3; i += 1) await consumeMagicLinkRequest({ email, ip: newIp() });
    const refused = await retryAfterOf(consumeMagicLinkRequest({ email, ip: newIp() }));
    expect(refused.retryAfterSeconds).toBeGreaterThan(14 * 60);
    await expect(consumeMagicLinkRequest({ email: newEmail(), ip: newIp() })).resolves.toBeUndefined();
  });

  it('refuses the 11th request from one IP, whatever the emails', async () => {
    const ip = newIp();
    for (let i = 0; i < 10; i += 1) await consumeMagicLinkRequest({ email: newEmail(), ip });
    await expect(consumeMagicLinkRequest({ email: newEmail(), ip })).rejects.toEqual(rateLimited);
  });
});

describe('TOTP codes', () => {
  it('allows 5 attempts per user, refuses the 6th, and starts over once cleared', async () => {
    const userId = `user-${unique()}`;
    for (let i = 0; i < 5; i += 1) await consumeTotpAttempt(userId);
    const refused = await retryAfterOf(consumeTotpAttempt(userId));
    expect(refused.scope).toBe('totp');
    await expect(consumeTotpAttempt(`user-${unique()}`)).resolves.toBeUndefined();
    await clearTotpAttempts(userId);
    await expect(consumeTotpAttempt(userId)).resolves.toBeUndefined();
  });
});

describe('across replicas', () => {
  const [first, second] = replicaPools.map((pool) => createRateLimits(pool)) as [ReturnType<typeof createRateLimits>, ReturnType<typeof createRateLimits>];

  it('counts sign-in failures from every replica against one account', async () => {
    const email = newEmail();
    for (let i = 0; i < 3; i += 1) await first.recordSignInFailure({ email, ip: newIp() });
    for (let i = 0; i < 2; i += 1) await second.recordSignInFailure({ email, ip: newIp() });
    await expect(first.checkSignInAllowed({ email, ip: newIp() })).rejects.toEqual(rateLimited);
    await expect(second.checkSignInAllowed({ email, ip: newIp() })).rejects.toEqual(rateLimited);
    // The web process's own limiter sees the same block.
    await expect(checkSignInAllowed({ email, ip: newIp() })).rejects.toEqual(rateLimited);

    await second.clearSignInFailures({ email });
    await expect(first.checkSignInAllowed({ email, ip: newIp() })).resolves.toBeUndefined();
  });

  it('shares magic-link and TOTP counters', async () => {
    const email = newEmail();
    await first.consumeMagicLinkRequest({ email, ip: newIp() });
    await second.consumeMagicLinkRequest({ email, ip: newIp() });
    await first.consumeMagicLinkRequest({ email, ip: newIp() });
    await expect(second.consumeMagicLinkRequest({ email, ip: newIp() })).rejects.toEqual(rateLimited);

    const userId = `user-${unique()}`;
    for (let i = 0; i < 5; i += 1) await (i % 2 === 0 ? first : second).consumeTotpAttempt(userId);
    await expect(first.consumeTotpAttempt(userId)).rejects.toEqual(rateLimited);
  });

  it('keeps no email address or IP in clear in the shared table', async () => {
    const email = newEmail();
    const ip = newIp();
    const pool = replicaPools[0]!;
    const count = async () => Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM "RateLimit"')).rows[0]!.n);
    const before = await count();
    await first.recordSignInFailure({ email, ip });
    // One row per account and one per IP, neither readable.
    expect(await count()).toBe(before + 2);
    const readable = await pool.query('SELECT key FROM "RateLimit" WHERE key LIKE $1 OR key LIKE $2', [`%${email}%`, `%${ip}%`]);
    expect(readable.rowCount).toBe(0);
  });
});
