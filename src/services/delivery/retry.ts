import { retryDelayMs } from '../../domain/backoff.js'
import type { OutboxOutcome } from '../../store/ports.js'

export interface RetryPolicy {
  maxAttempts: number
  backoffBaseSeconds: number
  backoffMaxSeconds: number
}

/** After a failed attempt: try again later with backoff, or, past the last attempt, dead. `code`: the bot's reason code, kept with it. */
export function retryOutcome(
  attemptsBefore: number,
  error: string,
  policy: RetryPolicy,
  now: Date,
  random: () => number = Math.random,
  code: string | null = null,
): OutboxOutcome {
  const attempts = attemptsBefore + 1
  if (attempts >= policy.maxAttempts) return { status: 'dead', error: `${error}（已尝试 ${attempts} 次）`, code }
  const delay = retryDelayMs(attempts, policy.backoffBaseSeconds * 1000, policy.backoffMaxSeconds * 1000, random)
  return { status: 'failed', error, retryAt: new Date(now.getTime() + delay), code }
}
