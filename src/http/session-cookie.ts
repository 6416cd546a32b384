import type { Context } from 'koa'
import type { StaffSession } from '../services/accounts/auth.js'
import { SESSION_COOKIE } from './middleware/auth.js'
import { presentPrincipal } from './presenters/directory.js'

/** Hands the browser a session: the token only in an httpOnly, SameSite cookie; the body says who is signed in. */
export function setSessionCookie(ctx: Pick<Context, 'cookies' | 'body'>, session: StaffSession, secureCookies: boolean) {
  ctx.cookies.set(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: secureCookies,
    expires: session.expiresAt,
    path: '/',
    overwrite: true,
  })
  ctx.body = { staff: presentPrincipal(session.staff), expiresAt: session.expiresAt.toISOString() }
}
