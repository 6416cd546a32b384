import type { Context } from 'koa'
import type { StaffSession } from '../services/accounts/auth.js'
import { SESSION_COOKIE } from './middleware/auth.js'
import { presentPrincipal } from './presenters/directory.js'

/**
 * Hands the browser a session: the token only in an httpOnly, SameSite cookie; the body says who is
 * signed in and the business time zone (config business.timeZone), in which the console shows and
 * picks every date and time whatever the office PC's own zone.
 */
export function setSessionCookie(ctx: Pick<Context, 'cookies' | 'body'>, session: StaffSession, secureCookies: boolean, timeZone: string) {
  ctx.cookies.set(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: secureCookies,
    expires: session.expiresAt,
    path: '/',
    overwrite: true,
  })
  ctx.body = { staff: presentPrincipal(session.staff), expiresAt: session.expiresAt.toISOString(), timeZone }
}
