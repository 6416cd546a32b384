import type { Middleware } from 'koa'
import { RateLimiterMemory, RateLimiterRes } from '../../security/rate-limiter.js'
import { RateLimitError } from '../../errors.js'
import type { AppState } from '../state.js'

/**
 * At most `points` requests per `seconds` for one caller (per instance): a resident can
 * write many messages a day, but a script cannot flood deputies through the outbox.
 * `points` 0 turns the limit off.
 */
export function rateLimit<S extends AppState = AppState>(
  name: string,
  points: number,
  seconds: number,
  keyOf: (state: S, ip: string) => string,
  /** What the caller is told, when the general words would not say what to do. */
  message = '操作太频繁了，请稍后再试',
): Middleware<S> {
  if (points === 0) return (_ctx, next) => next()
  const limiter = new RateLimiterMemory({ keyPrefix: name, points, duration: seconds })
  return async (ctx, next) => {
    try {
      await limiter.consume(keyOf(ctx.state, ctx.ip))
    } catch (res) {
      if (!(res instanceof RateLimiterRes)) throw res
      throw new RateLimitError(message, Math.ceil(res.msBeforeNext / 1000))
    }
    return next()
  }
}

/**
 * As rateLimit, but taken inside a handler, once its input is valid, and given back when the work is refused (a 4xx
 * from the service): only requests that did something count, and a mistyped request costs nothing (bad input changes
 * nothing). `points` 0 turns it off.
 */
export function allowance(name: string, points: number, seconds: number, message = '操作太频繁了，请稍后再试') {
  const limiter = points > 0 ? new RateLimiterMemory({ keyPrefix: name, points, duration: seconds }) : null
  return async <T>(key: string, work: () => Promise<T>): Promise<T> => {
    if (!limiter) return work()
    try {
      await limiter.consume(key)
    } catch (res) {
      if (!(res instanceof RateLimiterRes)) throw res
      throw new RateLimitError(message, Math.ceil(res.msBeforeNext / 1000))
    }
    try {
      return await work()
    } catch (err) {
      await limiter.reward(key).catch(() => undefined)
      throw err
    }
  }
}
