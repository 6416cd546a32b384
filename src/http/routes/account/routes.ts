import Router from '@koa/router'
import type { AuthService } from '../../../services/accounts/auth.js'
import type { DirectoryService } from '../../../services/directory/directory.js'
import type { MpAccounts } from '../../../services/accounts/mp-account.js'
import type { MpSessions } from '../../../services/accounts/mp-sessions.js'
import type { BotPeople } from '../../../services/bot/bot-people.js'
import { requireStaff } from '../../middleware/auth.js'
import { requireMpUser } from '../../middleware/mp-auth.js'
import { rateLimit } from '../../middleware/rate-limit.js'
import { idParam } from '../../schemas.js'
import type { AppState } from '../../state.js'
import { parse } from '../../validate.js'
import { bindBody, loginBody, phoneBody, subscriptionsBody } from './schemas.js'

/** Logging in from the mini-program, binding a deputy's account, phone numbers and subscriptions. */
export function accountRoutes(
  accounts: MpAccounts, sessions: MpSessions, auth: AuthService, directory: DirectoryService, botPeople: BotPeople,
  limits: { mpLoginsPerAddress: number } = { mpLoginsPerAddress: 0 },
) {
  const router = new Router<AppState>()
  const person = requireMpUser(sessions)
  // Every login costs a call to WeChat's code2Session, whose quota is the mini-program's.
  const loginLimit = rateLimit('mp_login_address', limits.mpLoginsPerAddress, 600, (_s, ip) => ip)

  router.post('/api/mp/login', loginLimit, async (ctx) => {
    const { code } = parse(loginBody, ctx.state.body, 'body')
    const { token, expiresAt, profile } = await accounts.login(code)
    ctx.set('Cache-Control', 'no-store')
    ctx.body = { token, expiresAt: expiresAt.toISOString(), ...profile }
  })

  router.get('/api/mp/me', person, async (ctx) => {
    ctx.body = await accounts.profile(ctx.state.mpUser!)
  })

  router.post('/api/mp/bind', person, async (ctx) => {
    ctx.body = await accounts.bind(ctx.state.mpUser!, parse(bindBody, ctx.state.body, 'body').bindCode, ctx.ip)
  })

  router.post('/api/mp/phone', person, async (ctx) => {
    ctx.body = await accounts.addPhone(ctx.state.mpUser!, parse(phoneBody, ctx.state.body, 'body').code)
  })

  router.post('/api/mp/subscriptions', person, async (ctx) => {
    const { results } = parse(subscriptionsBody, ctx.state.body, 'body')
    ctx.body = { recorded: await accounts.recordSubscriptions(ctx.state.mpUser!, results) }
  })

  /** Staff read this code out to the deputy once; it works for 24 hours. */
  router.post('/api/admin/deputies/:id/binding-code', requireStaff(auth), async (ctx) => {
    const { id } = parse(idParam, ctx.params, 'params')
    await directory.deputy(ctx.state.staff!, id) // only staff who may see the deputy
    const { code, expiresAt } = await accounts.issueBindingCode(ctx.state.staff!, id)
    ctx.set('Cache-Control', 'no-store')
    ctx.status = 201
    ctx.body = { code, expiresAt: expiresAt.toISOString() }
  })

  /** A staff member sends this code to the bot ("绑定 123456") so it knows their WeChat, e.g. to bind a station's group. */
  router.post('/api/admin/me/bot-code', requireStaff(auth), async (ctx) => {
    const { code, expiresAt } = await botPeople.issueStaffCode(ctx.state.staff!)
    ctx.set('Cache-Control', 'no-store')
    ctx.status = 201
    ctx.body = { code, expiresAt: expiresAt.toISOString() }
  })

  return router
}
