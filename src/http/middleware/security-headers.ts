import type { Middleware } from 'koa'
import type { AppState } from '../state.js'

/**
 * Headers on every answer, errors included: no content sniffing (an upload is never run as
 * a script), never framed by another site (clickjacking the console), and no addresses
 * with ids or scenes leaking to other sites through the Referer.
 */
export function securityHeaders(): Middleware<AppState> {
  return (ctx, next) => {
    ctx.set('X-Content-Type-Options', 'nosniff')
    ctx.set('Content-Security-Policy', "frame-ancestors 'none'")
    ctx.set('X-Frame-Options', 'DENY') // for browsers that predate frame-ancestors
    ctx.set('Referrer-Policy', 'no-referrer')
    return next()
  }
}
