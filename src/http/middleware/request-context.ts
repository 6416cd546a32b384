import { randomUUID } from 'node:crypto'
import type { Middleware } from 'koa'
import type { Logger } from '../../logger.js'
import type { AppState } from '../state.js'

const SAFE_ID = /^[A-Za-z0-9_.:-]{1,64}$/

/**
 * A request's ctx.state: its id, and a child logger carrying it, made when something first logs
 * through it: most requests log only their end line, and a pino child (its bindings serialized, its
 * redaction set up) costs more than the rest of this middleware. The getter is the class's, not
 * defined on each request's state: under tsx a function made per request is also named per request,
 * and defining both was most of this middleware's CPU.
 */
class RequestState {
  #child: Logger | undefined
  readonly #logger: Logger
  constructor(
    readonly requestId: string,
    logger: Logger,
  ) {
    this.#logger = logger
  }

  get log(): Logger {
    return (this.#child ??= this.#logger.child({ requestId: this.requestId }))
  }

  /** The child logger, only if something logged through it. */
  get childMade(): Logger | undefined {
    return this.#child
  }
}

/**
 * Gives every request an id (the caller's X-Request-Id when it is sane, so a trace can
 * cross the bot and the backend), a child logger carrying it, and one log line at the end.
 */
export function requestContext(logger: Logger): Middleware<AppState> {
  return async (ctx, next) => {
    const incoming = ctx.get('X-Request-Id')
    const requestId = SAFE_ID.test(incoming) ? incoming : randomUUID()
    const state = new RequestState(requestId, logger)
    ctx.state = state
    ctx.set('X-Request-Id', requestId)
    const started = process.hrtime.bigint()
    try {
      await next()
    } finally {
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      const line = { method: ctx.method, path: ctx.path, status: ctx.status, ms: Math.round(ms * 10) / 10 }
      const child = state.childMade
      if (child) child.info(line, 'request')
      else logger.info({ requestId, ...line }, 'request')
    }
  }
}
