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
