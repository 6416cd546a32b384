import Router from '@koa/router'
import type { AuthService } from '../../../services/accounts/auth.js'
import { SESSION_COOKIE } from '../../middleware/auth.js'
import { presentPrincipal } from '../../presenters/directory.js'
import type { AppState } from '../../state.js'
import { parse } from '../../validate.js'
import { loginBody } from './schemas.js'

export interface AuthRoutesDeps {
  auth: AuthService
  secureCookies: boolean
}

/** Console login and logout with an httpOnly, SameSite session cookie. */
export function authRoutes({ auth, secureCookies }: AuthRoutesDeps) {
  const router = new Router<AppState>({ prefix: '/api/admin' })

  router.post('/login', async (ctx) => {
    const { username, password } = parse(loginBody, ctx.state.body, 'body')
    const session = await auth.login(username, password, ctx.ip)
    ctx.cookies.set(SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: secureCookies,
      expires: session.expiresAt,
      path: '/',
      overwrite: true,
    })
    ctx.body = { staff: presentPrincipal(session.staff), expiresAt: session.expiresAt.toISOString() }
  })

  router.post('/logout', async (ctx) => {
    await auth.logout(ctx.cookies.get(SESSION_COOKIE))
    ctx.cookies.set(SESSION_COOKIE, null, { httpOnly: true, sameSite: 'strict', path: '/' })
    ctx.status = 204
  })

  return router
}
