import type { Middleware } from 'koa'
import { ForbiddenError } from '../../errors.js'
import type { MpSessions } from '../../services/accounts/mp-sessions.js'
import type { DeputyState, MpState } from '../state.js'

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
