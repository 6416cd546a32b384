import type { Middleware } from 'koa'
import { ForbiddenError } from '../../errors.js'
import type { MpSessions } from '../../services/accounts/mp-sessions.js'
import type { AppState } from '../state.js'

/** Mini-program endpoints: a bearer session token. `deputy` also asks for a bound deputy account. */
export function requireMpUser(sessions: MpSessions, options: { deputy?: boolean } = {}): Middleware<AppState> {
  return async (ctx, next) => {
    const user = await sessions.authenticate(ctx.get('Authorization') || undefined)
    if (options.deputy && !user.deputyId) throw new ForbiddenError('此功能仅限已绑定的人大代表使用', 'not_a_deputy')
    ctx.state.mpUser = user
    return next()
  }
}
