import type { Middleware } from 'koa'
import type { StaffRole } from '../../domain/directory.js'
import { ForbiddenError } from '../../errors.js'
import type { AuthService } from '../../services/accounts/auth.js'
import type { StaffState } from '../state.js'

export const SESSION_COOKIE = 'liaison_session'

/** Console endpoints: a valid session cookie, and one of the roles when given. */
export function requireStaff(auth: AuthService, ...roles: StaffRole[]): Middleware<StaffState> {
  return async (ctx, next) => {
    const staff = await auth.authenticate(ctx.cookies.get(SESSION_COOKIE))
    if (roles.length && !roles.includes(staff.role)) throw new ForbiddenError()
    ctx.state.staff = staff
    return next()
  }
}

/** One route of a console router that only some roles may use (after `requireStaff`). */
export function allowRoles(...roles: StaffRole[]): Middleware<StaffState> {
  return (ctx, next) => {
    if (!roles.includes(ctx.state.staff.role)) throw new ForbiddenError()
    return next()
  }
}
