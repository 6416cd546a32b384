import Router from '@koa/router'
import type { AuthService } from '../../../services/accounts/auth.js'
import type { BotPeople } from '../../../services/bot/bot-people.js'
import { requireStaff } from '../../middleware/auth.js'
import { presentCode } from '../../presenters/binding-codes.js'
import type { StaffState } from '../../state.js'

export interface UnitAccountRoutesDeps {
  auth: AuthService
  botPeople: Pick<BotPeople, 'issueStaffCode' | 'staffBotBound' | 'unbindStaff'>
}

/**
 * A handling unit's staff bind their own WeChat to the bot, which is how they are told of
 * new suggestions and deadlines: the console's /api/admin routes are closed to them.
 */
export function unitAccountRoutes({ auth, botPeople }: UnitAccountRoutesDeps) {
  const router = new Router<StaffState>({ prefix: '/api/unit/me' })
  router.use(requireStaff(auth, 'unit_staff'))

  router.get('/bot-binding', async (ctx) => {
    ctx.body = { bound: await botPeople.staffBotBound(ctx.state.staff) }
  })

  /** 解除微信绑定: new suggestions and deadlines no longer go to the WeChat she bound. */
  router.delete('/bot-binding', async (ctx) => {
    ctx.body = await botPeople.unbindStaff(ctx.state.staff)
  })

  /** Sent to the bot as "绑定 123456"; it works for a limited time. */
  router.post('/bot-code', async (ctx) => {
    const code = await botPeople.issueStaffCode(ctx.state.staff)
    ctx.set('Cache-Control', 'no-store')
    ctx.status = 201
    ctx.body = presentCode(code)
  })

  return router
}
