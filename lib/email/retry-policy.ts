// When a send fails for a reason that may pass (server down, 4xx greylisting, timeout), the next try
// waits longer each time, so a short outage is bridged within minutes and a long one does not hammer
// the provider. Ten attempts span about three days; after that the row is FAILED and shows up for
// the advisor responsible, because a reminder that silently never arrives is worse than a visible one.

const MINUTE = 60_000;

/** Wait after the 1st, 2nd, ... failed attempt; the last value repeats. */
export const BACKOFF_MS = [1, 5, 15, 60, 180, 360, 720, 1440].map((minutes) => minutes * MINUTE);

export const MAX_ATTEMPTS = 10;

/** What to do after `attempts` attempts (this one included) have failed transiently. */
export function afterTransientFailure(attempts: number, now: Date): { retryAt: Date } | { giveUp: true } {
  if (attempts >= MAX_ATTEMPTS) return { giveUp: true };
  const wait = BACKOFF_MS[Math.min(Math.max(attempts, 1), BACKOFF_MS.length) - 1] ?? MINUTE;
  return { retryAt: new Date(now.getTime() + wait) };
}
