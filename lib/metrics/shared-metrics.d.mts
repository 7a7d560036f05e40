import type { Counter, Histogram, Registry } from 'prom-client';

export type SignInFailureReason = 'password' | 'totp' | 'second_factor' | 'passkey' | 'throttled' | 'magic_link';

export type SharedMetrics = {
  registry: Registry;
  httpRequestDuration: Histogram<'method' | 'route' | 'status'>;
  /** Only the reasons the sign-in code knows, so the label stays a short, fixed list. */
  signInFailures: Omit<Counter<'reason'>, 'inc'> & { inc(labels: { reason: SignInFailureReason }): void };
};

export function sharedMetrics(): SharedMetrics;
