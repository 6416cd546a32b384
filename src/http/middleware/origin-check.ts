import type { Middleware } from 'koa'
import { ForbiddenError } from '../../errors.js'
import type { AppState } from '../state.js'
import { SESSION_COOKIE } from './auth.js'
import { routedPath } from './routed-path.js'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
/** The console's APIs: the office's, and the handling units' (same session cookie). */
const isConsoleApi = (path: string) => path === '/api/admin' || path.startsWith('/api/admin/') || path.startsWith('/api/unit/')

/**
 * Cross-site request forgery: a console change carried by the session cookie must come
 * from a page of this server (or a configured origin). SameSite=Strict covers most
 * browsers; this covers the rest and a sibling subdomain. Browsers always send Origin on
 * such requests, so a missing one means a script or a tool: it must send Origin too
 * (`curl -H "Origin: http://localhost:3000"`). Requests without the cookie are not
 * affected (the login itself, the bot, the mini-program's bearer tokens).
 */
export function consoleOriginCheck(allowedOrigins: readonly string[]): Middleware<AppState> {
  const allowed = new Set(allowedOrigins.map((o) => o.toLowerCase()))
  return (ctx, next) => {
    const path = routedPath(ctx.path)
    if (SAFE_METHODS.has(ctx.method) || !isConsoleApi(path)) return next()
    // Logging in again over an old cookie changes nothing of the old session's.
    if (!ctx.cookies.get(SESSION_COOKIE) || path === '/api/admin/login') return next()
    const origin = ctx.get('Origin').toLowerCase()
    // Not ctx.origin: since Koa 3 that is the Origin header itself, which would allow everything.
    const own = `${ctx.protocol}://${ctx.host}`.toLowerCase()
    if (origin && (origin === own || allowed.has(origin))) return next()
    throw new ForbiddenError(
      origin ? '请求来自不被允许的网页，操作未执行' : '请求缺少来源（Origin 请求头），操作未执行；请在管理后台页面中操作',
      'origin_refused',
    )
  }
}
