import Router from '@koa/router'
import type { AuthService, StaffSession } from '../../../services/accounts/auth.js'
import { SESSION_COOKIE } from '../../middleware/auth.js'
import { setSessionCookie } from '../../session-cookie.js'
import type { AppState, RouteContext } from '../../state.js'
import { parse } from '../../validate.js'
import { activateBody, loginBody } from './schemas.js'

export interface AuthRoutesDeps {
  auth: AuthService
  secureCookies: boolean
  /** The business time zone, told to the console with the session. */
  timeZone: string
  /** The chat account's WeChat nickname (config bot.nickname), told to the console with the session. */
  botName: string
}

/** Console login and logout with an httpOnly, SameSite session cookie. */
export function authRoutes({ auth, secureCookies, timeZone, botName }: AuthRoutesDeps) {
  const router = new Router<AppState>({ prefix: '/api/admin' })

  const signIn = async (ctx: RouteContext<AppState>, session: StaffSession) =>
    setSessionCookie(ctx, session, secureCookies, { timeZone, office: await auth.officeToAsk(session.staff), botName })

  router.post('/login', async (ctx) => {
    const { username, password } = parse(loginBody, ctx.state.body, 'body')
    await signIn(ctx, await auth.login(username, password, ctx.ip))
  })

  /** First login with an activation code: sets the password and signs in. */
  router.post('/activate', async (ctx) => {
    const { username, activationCode, newPassword } = parse(activateBody, ctx.state.body, 'body')
    await signIn(ctx, await auth.activate(username, activationCode, newPassword, ctx.ip))
  })

  router.post('/logout', async (ctx) => {
    await auth.logout(ctx.cookies.get(SESSION_COOKIE))
    ctx.cookies.set(SESSION_COOKIE, null, { httpOnly: true, sameSite: 'strict', path: '/' })
    ctx.status = 204
  })

  return router
}
