import Router from '@koa/router'
import type { AuthService } from '../../../services/accounts/auth.js'
import type { MpAccounts } from '../../../services/accounts/mp-account.js'
import type { BotPeople } from '../../../services/bot/bot-people.js'
import type { DirectoryService } from '../../../services/directory/directory.js'
import { requireStaff } from '../../middleware/auth.js'
import { presentCode } from '../../presenters/binding-codes.js'
import { presentStationBindings } from '../../presenters/station-duty.js'
import type { StationBindingState } from '../../../services/directory/station-bindings.js'
import { idParam } from '../../schemas.js'
import type { StaffState } from '../../state.js'
import { parse } from '../../validate.js'

export interface BindingCodeRoutesDeps {
  auth: AuthService
  accounts: MpAccounts
  directory: DirectoryService
  botPeople: BotPeople
  /** Who of a station is bound already (the 绑定码 page's 已绑定 / 未绑定). */
  bindings?: Pick<StationBindingState, 'of'>
}

/** One-time codes staff hand out: a deputy's binding code, and their own code for the bot. */
export function bindingCodeRoutes({ auth, accounts, directory, botPeople, bindings }: BindingCodeRoutesDeps) {
  const router = new Router<StaffState>({ prefix: '/api/admin' })
  router.use(requireStaff(auth))

  /** Staff read this code out to the deputy once; it works for 24 hours. */
  router.post('/deputies/:id/binding-code', async (ctx) => {
    const { id } = parse(idParam, ctx.params, 'params')
    await directory.deputy(ctx.state.staff, id) // only staff who may see the deputy
    const code = await accounts.issueBindingCode(ctx.state.staff, id)
    ctx.set('Cache-Control', 'no-store')
    ctx.status = 201
    ctx.body = presentCode(code)
  })

  /** A staff member sends this code to the bot ("绑定 123456") so it knows their WeChat, e.g. to bind a station's group. */
  router.post('/me/bot-code', async (ctx) => {
    const code = await botPeople.issueStaffCode(ctx.state.staff)
    ctx.set('Cache-Control', 'no-store')
    ctx.status = 201
    ctx.body = presentCode(code)
  })

  /** 解除我的微信绑定: work reminders no longer go to the WeChat she bound (her own binding only). */
  router.delete('/me/bot-binding', async (ctx) => {
    ctx.body = await botPeople.unbindStaff(ctx.state.staff)
  })

  /** Which of the station's deputies are bound (小程序, 微信助手), its WeChat group, and her own: the station read as any is. */
  if (bindings)
    router.get('/stations/:id/bindings', async (ctx) => {
      const { id } = parse(idParam, ctx.params, 'params')
      const station = await directory.stationFor(ctx.state.staff, id)
      ctx.body = presentStationBindings(await bindings.of(station, ctx.state.staff.id))
    })

  return router
}
