import type { Middleware } from 'koa'
import { ForbiddenError, UnauthorizedError } from '../../errors.js'
import type { MpSessions } from '../../services/accounts/mp-sessions.js'
import type { DeputyState, MaybeMpState, MpState } from '../state.js'

/** Mini-program endpoints: a bearer session token. */
export function requireMpUser(sessions: MpSessions): Middleware<MpState> {
  return async (ctx, next) => {
    ctx.state.mpUser = await sessions.authenticate(ctx.get('Authorization') || undefined)
    return next()
  }
}

/** Mini-program endpoints for deputies: a bearer session token of a bound deputy account. */
export function requireDeputy(sessions: MpSessions): Middleware<DeputyState> {
  return async (ctx, next) => {
    const user = await sessions.authenticate(ctx.get('Authorization') || undefined)
    if (!user.deputyId) throw new ForbiddenError('此功能仅限已绑定的人大代表使用', 'not_a_deputy')
    ctx.state.mpUser = { ...user, deputyId: user.deputyId }
    return next()
  }
}

/** Said on a public read whose sent token did not verify (RFC 6750 §3.1; RFC 9110 §11.6.1 allows it on a 200). */
const TOKEN_NOT_TAKEN = 'Bearer error="invalid_token"'

/**
 * Public reads that say more to someone signed in: her token when it verifies, else nobody. A stale or malformed
 * token reads the page as no token would (never a 401 on a page anyone may open), and the answer carries
 * `WWW-Authenticate: Bearer error="invalid_token"`: her phone, which sent a token, would otherwise show her the
 * page as to a stranger (the form for a seat she has) when signing in again would show her own. Only a failure
 * that is not about the token (the store down) is an error.
 */
export function optionalMpUser(sessions: MpSessions): Middleware<MaybeMpState> {
  return async (ctx, next) => {
    const authorization = ctx.get('Authorization')
    if (authorization)
      ctx.state.mpUser = await sessions.authenticate(authorization).catch((err: unknown) => {
        if (!(err instanceof UnauthorizedError)) throw err
        ctx.set('WWW-Authenticate', TOKEN_NOT_TAKEN)
        return undefined
      })
    return next()
  }
}
