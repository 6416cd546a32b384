import { createHash } from 'node:crypto'
import type { Middleware } from 'koa'
import type { Clock } from '../../clock.js'
import { ConflictError, UnprocessableError, ValidationError } from '../../errors.js'
import type { IdempotencyRepo } from '../../store/idempotency-port.js'
import type { AppState } from '../state.js'

const KEY = /^[\x21-\x7e]{1,255}$/
/** Far longer than any request takes: a claim this old without an answer belongs to a dead process. */
const ABANDONED_AFTER_MS = 60_000

/**
 * The request's Idempotency-Key, or null when it carries none; a malformed one is refused (400). For a
 * route that keeps the key with what it writes rather than through `idempotent` (survey responses).
 */
export function idempotencyKeyOf(ctx: { get(field: string): string }): string | null {
  const key = ctx.get('Idempotency-Key')
  if (!key) return null
  if (!KEY.test(key)) throw new ValidationError('Idempotency-Key 无效', [{ path: 'headers.idempotency-key', message: '1–255 个可见 ASCII 字符' }])
  return key
}

/**
 * Idempotency-Key on POSTs that create (as Stripe does): the first answer is stored and
 * replayed for the same key and caller; the same key with another body is 422; a request
 * still being handled is 409. Keys live at least 24 h (purged later by a job).
 */
export function idempotent<S extends AppState = AppState>(keys: IdempotencyRepo, clock: Clock, callerOf: (state: S) => string): Middleware<S> {
  return async (ctx, next) => {
    const key = idempotencyKeyOf(ctx)
    if (!key) return next()
    const scope = `${callerOf(ctx.state)}:${ctx.method} ${ctx.path}`
    const requestHash = createHash('sha256')
      .update(JSON.stringify(ctx.state.body ?? null))
      .digest('base64url')
    let claim = await keys.claim(scope, key, requestHash, clock.now())
    if (claim !== 'claimed' && claim.status === null && clock.now().getTime() - claim.createdAt.getTime() > ABANDONED_AFTER_MS) {
      // The first request's process died before answering: its claim is abandoned, take it over.
      await keys.release(scope, key)
      claim = await keys.claim(scope, key, requestHash, clock.now())
    }
    if (claim !== 'claimed') {
      if (claim.requestHash !== requestHash)
        throw new UnprocessableError('刚才已经提交过一次，那次已经收到；这次改过的内容没有再提交，请刷新后查看', [], 'idempotency_key_reused')
      if (claim.status === null) throw new ConflictError('相同的请求正在处理中，请稍候', [], 'request_in_progress')
      ctx.status = claim.status
      ctx.body = claim.body
      ctx.set('Idempotent-Replayed', 'true')
      return
    }
    try {
      await next()
    } catch (err) {
      await keys.release(scope, key)
      throw err
    }
    if (ctx.status >= 200 && ctx.status < 300) await keys.complete(scope, key, ctx.status, ctx.body)
    else await keys.release(scope, key)
  }
}
