import type { Middleware } from 'koa'
import { CONGRESS_ROLES, STAFF_ROLES, type StaffRole } from '../../domain/directory.js'
import { ForbiddenError } from '../../errors.js'
import type { AuthService } from '../../services/accounts/auth.js'
import type { StaffState } from '../state.js'

export const SESSION_COOKIE = 'liaison_session'

/**
 * Console endpoints: a valid session cookie, and one of the roles. Without roles, the
 * congress's own (station staff, organizers, admins): a handling unit's staff reach only
 * the routes that name them, so a new console route never opens to them by accident.
 */
export function requireStaff(auth: AuthService, ...roles: StaffRole[]): Middleware<StaffState> {
  const allowed: readonly StaffRole[] = roles.length ? roles : CONGRESS_ROLES
  return async (ctx, next) => {
    const staff = await auth.authenticate(ctx.cookies.get(SESSION_COOKIE))
    if (!allowed.includes(staff.role)) throw new ForbiddenError()
    ctx.state.staff = staff
    return next()
  }
}

/** Console endpoints every signed-in role may use, a handling unit's staff too (who am I, the units list). */
export function requireAnyStaff(auth: AuthService): Middleware<StaffState> {
  return requireStaff(auth, ...STAFF_ROLES)
}

/** One route of a console router that only some roles may use (after `requireStaff`). */
export function allowRoles(...roles: StaffRole[]): Middleware<StaffState> {
  return (ctx, next) => {
    if (!roles.includes(ctx.state.staff.role)) throw new ForbiddenError()
    return next()
  }
}
