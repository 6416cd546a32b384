import Router from '@koa/router'
import type { AuthService } from '../../../services/accounts/auth.js'
import type { StaffPrincipal } from '../../../services/accounts/principal.js'
import type { StaffService } from '../../../services/accounts/staff.js'
import type { StaffRecord } from '../../../services/records.js'
import { requireStaff } from '../../middleware/auth.js'
import type { Clock } from '../../../clock.js'
import { presentStaff, staffActivation } from '../../presenters/directory.js'
import { idParam } from '../../schemas.js'
import type { StaffState } from '../../state.js'
import { parse } from '../../validate.js'
import { staffCreateBody, staffEditBody, staffSearchQuery } from './schemas.js'

export interface StaffRoutesDeps {
  auth: AuthService
  staff: StaffService
  /** Says whether an account not activated yet still has a working code (activation-standing.ts). */
  activation?: { clock: Clock; validDays: number; timeZone: string }
}

/** Console accounts (admins only). A new or reset password is in the answer once and nowhere else. */
export function staffRoutes({ auth, staff, activation }: StaffRoutesDeps) {
  const router = new Router<StaffState>({ prefix: '/api/admin/staff' })
  const standing = (s: StaffRecord) => staffActivation(s, activation && { ...activation, now: activation.clock.now() })
  const presentedWithLock = async (actor: StaffPrincipal, s: StaffRecord) => presentStaff(s, (await staff.lockedIds(actor, [s])).has(s.id), standing(s))
  router.use(requireStaff(auth, 'admin'))

  router.get('/', async (ctx) => {
    const page = await staff.search(ctx.state.staff, parse(staffSearchQuery, ctx.query, 'query'))
    const locked = await staff.lockedIds(ctx.state.staff, page.items)
    ctx.body = { items: page.items.map((s) => presentStaff(s, locked.has(s.id), standing(s))), nextCursor: page.nextCursor }
  })

  router.post('/', async (ctx) => {
    const created = await staff.create(ctx.state.staff, parse(staffCreateBody, ctx.state.body, 'body'))
    ctx.set('Cache-Control', 'no-store')
    ctx.status = 201
    ctx.body = { staff: presentStaff(created.staff, false), initialPassword: created.password }
  })

  router.get('/:id', async (ctx) => {
    const { id } = parse(idParam, ctx.params, 'params')
    ctx.body = await presentedWithLock(ctx.state.staff, await staff.get(ctx.state.staff, id))
  })

  router.patch('/:id', async (ctx) => {
    const { id } = parse(idParam, ctx.params, 'params')
    ctx.body = await presentedWithLock(ctx.state.staff, await staff.update(ctx.state.staff, id, parse(staffEditBody, ctx.state.body, 'body')))
  })

  router.post('/:id/password-reset', async (ctx) => {
    const { id } = parse(idParam, ctx.params, 'params')
    ctx.set('Cache-Control', 'no-store')
    ctx.body = { password: await staff.resetPassword(ctx.state.staff, id) }
  })

  /** Lets someone log in again at once after failed logins (theirs or a stranger's) locked the account. */
  router.post('/:id/unlock', async (ctx) => {
    const { id } = parse(idParam, ctx.params, 'params')
    await staff.unlock(ctx.state.staff, id)
    ctx.status = 204
  })

  /** Signs the person out on every computer; they log in again with the same password. */
  router.post('/:id/sessions/end', async (ctx) => {
    const { id } = parse(idParam, ctx.params, 'params')
    ctx.body = { ended: await staff.endSessions(ctx.state.staff, id) }
  })

  return router
}
