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
  return signedIn(auth, roles.length ? roles : CONGRESS_ROLES, false)
}

/** Console endpoints every signed-in role may use, a handling unit's staff too (who am I, the units list). */
export function requireAnyStaff(auth: AuthService): Middleware<StaffState> {
  return signedIn(auth, STAFF_ROLES, false)
}

/**
 * The only endpoints open to someone who must first change a password somebody else chose: who
 * am I, and changing it (logging out needs no session). Every role.
 */
export function requireStaffBeforePasswordChange(auth: AuthService): Middleware<StaffState> {
  return signedIn(auth, STAFF_ROLES, true)
}

/** Words for a person who signed in with an initial or reset password, which they must change first. */
export const PASSWORD_CHANGE_REQUIRED = '请先设置新密码：管理员为您设置的初始密码，他人可能知道，请改成只有您知道的密码后再继续'

function signedIn(auth: AuthService, allowed: readonly StaffRole[], beforePasswordChange: boolean): Middleware<StaffState> {
  return async (ctx, next) => {
    const staff = await auth.authenticate(ctx.cookies.get(SESSION_COOKIE))
    // Held here, not only by the console: a client that skips its screen still cannot act.
    if (staff.mustChangePassword && !beforePasswordChange) throw new ForbiddenError(PASSWORD_CHANGE_REQUIRED, 'password_change_required')
    if (!allowed.includes(staff.role)) throw new ForbiddenError()
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
