import Router from '@koa/router'
import type { MpAccounts } from '../../../services/accounts/mp-account.js'
import type { MpSessions } from '../../../services/accounts/mp-sessions.js'
import { requireMpUser } from '../../middleware/mp-auth.js'
import type { MpState } from '../../state.js'
import { parse } from '../../validate.js'
import { bindBody, phoneBody, subscriptionsBody } from './schemas.js'

export interface AccountRoutesDeps {
  sessions: MpSessions
  accounts: MpAccounts
}

/** A person's mini-program account: who they are, binding a deputy's account, phone number and subscriptions. */
export function accountRoutes({ sessions, accounts }: AccountRoutesDeps) {
  const router = new Router<MpState>({ prefix: '/api/mp' })
  router.use(requireMpUser(sessions))

  router.get('/me', async (ctx) => {
    ctx.body = await accounts.profile(ctx.state.mpUser)
  })

  router.post('/bind', async (ctx) => {
    ctx.body = await accounts.bind(ctx.state.mpUser, parse(bindBody, ctx.state.body, 'body').bindCode, ctx.ip)
  })

  router.post('/phone', async (ctx) => {
    ctx.body = await accounts.addPhone(ctx.state.mpUser, parse(phoneBody, ctx.state.body, 'body').code)
  })

  router.post('/subscriptions', async (ctx) => {
    const { results } = parse(subscriptionsBody, ctx.state.body, 'body')
    ctx.body = { recorded: await accounts.recordSubscriptions(ctx.state.mpUser, results) }
  })

  return router
}
