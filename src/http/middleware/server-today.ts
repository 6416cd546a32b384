import type { Middleware } from 'koa'
import type { Clock } from '../../clock.js'
import { localDate } from '../../domain/dates.js'
import type { AppState } from '../state.js'
import { routedPath } from './routed-path.js'

/** The header that carries the office's date to the mini-program (YYYY-MM-DD). */
export const TODAY_HEADER = 'X-Liaison-Today'

/**
 * The office's today on every mini-program answer, errors included: a page says a date's year when it is not this
 * year's, and "this year" must be the app's (its clock, the business time zone), not the phone's, or one page would
 * read differently on every phone.
 */
export function serverToday(clock: Clock, timeZone: string): Middleware<AppState> {
  return (ctx, next) => {
    const path = routedPath(ctx.path)
    if (path === '/api/mp' || path.startsWith('/api/mp/')) ctx.set(TODAY_HEADER, localDate(clock.now(), timeZone))
    return next()
  }
}
