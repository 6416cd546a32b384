import Router from '@koa/router'
import type { DemoLogin } from '../../../services/accounts/demo-login.js'
import type { MpAccounts } from '../../../services/accounts/mp-account.js'
import { fromThisMachine } from '../../from-this-machine.js'
import { rateLimit } from '../../middleware/rate-limit.js'
import type { AppState } from '../../state.js'
import { parse } from '../../validate.js'
import { loginBody } from './schemas.js'

export interface MpLoginRoutesDeps {
  accounts: MpAccounts
  /** The demo's way in without WeChat (demo:resident-4), refused anywhere but the demo on this machine. */
  demoLogin: DemoLogin
  limits: { mpLoginsPerAddress: number }
}

/** Logging in from the mini-program (wx.login's code for a session token), and signing in only one already known. */
export function mpLoginRoutes({ accounts, demoLogin, limits }: MpLoginRoutesDeps) {
  const router = new Router<AppState>({ prefix: '/api/mp' })
  // Every login costs a call to WeChat's code2Session, whose quota is the mini-program's.
  const loginLimit = rateLimit('mp_login_address', limits.mpLoginsPerAddress, 600, (_s, ip) => ip)

  router.post('/login', loginLimit, async (ctx) => {
    const { code } = parse(loginBody, ctx.state.body, 'body')
    const signedIn = demoLogin.isDemoCode(code) ? await demoLogin.signIn(code, fromThisMachine(ctx)) : await accounts.login(code)
    const { token, expiresAt, profile } = signedIn
    ctx.set('Cache-Control', 'no-store')
    ctx.body = { token, expiresAt: expiresAt.toISOString(), ...profile }
  })

  // The home page of a new phone: signs in one who already has an account (a deputy sees his
  // workbench at once) and creates none, since reading needs no account. The same limiter as
  // /login, so the two together spend no more of WeChat's quota than login alone.
  router.post('/session/known', loginLimit, async (ctx) => {
    const { code } = parse(loginBody, ctx.state.body, 'body')
    // A demo person is known by being named: the demo's home page finds its deputy as a phone would.
    const signedIn = demoLogin.isDemoCode(code) ? await demoLogin.signIn(code, fromThisMachine(ctx)) : await accounts.loginIfKnown(code)
    ctx.set('Cache-Control', 'no-store')
    if (!signedIn) {
      ctx.body = { known: false }
      return
    }
    const { token, expiresAt, profile } = signedIn
    ctx.body = { known: true, token, expiresAt: expiresAt.toISOString(), ...profile }
  })

  return router
}
