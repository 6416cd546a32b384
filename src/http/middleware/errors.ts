import type { Middleware } from 'koa'
import {
  AppError,
  ConflictError,
  ForbiddenError,
  MethodNotAllowedError,
  NotFoundError,
  NotImplementedError,
  PayloadTooLargeError,
  RateLimitError,
  ServiceUnavailableError,
  UnauthorizedError,
  UnprocessableError,
  UnsupportedMediaTypeError,
  ValidationError,
} from '../../errors.js'
import { inWords } from '../../services/conflict-texts.js'
import type { AppState } from '../state.js'

const STORE_DOWN = '服务暂时不可用，请稍后再试'

const STATUS: Array<[new (...args: never[]) => AppError, number]> = [
  [ValidationError, 400],
  [UnauthorizedError, 401],
  [ForbiddenError, 403],
  [NotFoundError, 404],
  [MethodNotAllowedError, 405],
  [ConflictError, 409],
  [PayloadTooLargeError, 413],
  [UnsupportedMediaTypeError, 415],
  [UnprocessableError, 422],
  [RateLimitError, 429],
  [NotImplementedError, 501],
  [ServiceUnavailableError, 503],
]

export interface ErrorHandlerOptions {
  /**
   * Whether the store answers and takes writes (what /readyz asks). An unknown error while it does
   * not is the store's outage, not a bug: said as 503, logged without a line per request (the
   * store logged the cause once when it stopped).
   */
  storeReady?: () => Promise<boolean>
}

/**
 * The one place errors become HTTP answers, always
 * `{ error: { code, message, details } }`. Unknown errors are logged with the request id
 * and become a bare 500: no stack trace reaches a client.
 */
export function errorHandler(options: ErrorHandlerOptions = {}): Middleware<AppState> {
  return async (ctx, next) => {
    try {
      await next()
      // The routers answer unknown paths and methods with bare statuses: give them the one body too.
      if (ctx.body === undefined || ctx.body === null) {
        if (ctx.status === 404) throw new NotFoundError('接口不存在', 'route_not_found')
        if (ctx.status === 405) throw new MethodNotAllowedError(ctx.response.get('Allow'))
        if (ctx.status === 501) throw new NotImplementedError()
      }
    } catch (err) {
      // A store's conflict carries a code; the service layer words it.
      let known = err instanceof AppError ? inWords(err) : null
      if (!known && options.storeReady && !(await options.storeReady())) known = new ServiceUnavailableError(STORE_DOWN, 'store_unavailable')
      const status = known ? (STATUS.find(([type]) => known instanceof type)?.[1] ?? 500) : 500
      if (status === 500) ctx.state.log.error({ err }, 'unhandled error')
      else ctx.state.log.info({ code: known?.code, status }, 'request refused')
      if (known instanceof RateLimitError) ctx.set('Retry-After', String(known.retryAfterSeconds))
      if (known instanceof MethodNotAllowedError) ctx.set('Allow', known.allowed)
      ctx.status = status
      ctx.body = {
        error:
          known && status !== 500
            ? { code: known.code, message: known.message, details: known.details }
            : { code: 'internal_error', message: '系统出了点问题，请稍后再试', details: [], requestId: ctx.state.requestId },
      }
    }
  }
}
