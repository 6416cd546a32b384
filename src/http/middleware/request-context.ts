import { randomUUID } from 'node:crypto'
import type { Middleware } from 'koa'
import type { Logger } from '../../logger.js'
import type { AppState } from '../state.js'

const SAFE_ID = /^[A-Za-z0-9_.:-]{1,64}$/

/**
 * Gives every request an id (the caller's X-Request-Id when it is sane, so a trace can
 * cross the bot and the backend), a child logger carrying it, and one log line at the end.
 * The child is made when something first logs through it: most requests log only their end
 * line, and a pino child (its bindings serialized, its redaction set up) costs more than the
 * rest of this middleware.
 */
export function requestContext(logger: Logger): Middleware<AppState> {
  return async (ctx, next) => {
    const incoming = ctx.get('X-Request-Id')
    const requestId = SAFE_ID.test(incoming) ? incoming : randomUUID()
    ctx.state.requestId = requestId
    let child: Logger | undefined
    Object.defineProperty(ctx.state, 'log', { get: () => (child ??= logger.child({ requestId })), enumerable: true, configurable: true })
    ctx.set('X-Request-Id', requestId)
    const started = process.hrtime.bigint()
    try {
      await next()
    } finally {
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      const line = { method: ctx.method, path: ctx.path, status: ctx.status, ms: Math.round(ms * 10) / 10 }
      if (child) child.info(line, 'request')
      else logger.info({ requestId, ...line }, 'request')
    }
  }
}
