/**
 * When to try again after the n-th failed attempt: doubling from `baseMs`, capped at
 * `maxMs`, with jitter so that many messages failing together do not all return at once.
 * `random` is injectable for tests.
 */
export function retryDelayMs(failedAttempts: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const exponential = Math.min(maxMs, baseMs * 2 ** Math.max(0, failedAttempts - 1))
  return Math.round(exponential * (0.5 + random() * 0.5))
}
