import Router from '@koa/router'
import type { AuthService } from '../../../services/accounts/auth.js'
import type { UnitService } from '../../../services/directory/units.js'
import { allowRoles, requireAnyStaff } from '../../middleware/auth.js'
import { presentUnit } from '../../presenters/directory.js'
import { idParam } from '../../schemas.js'
import type { StaffState } from '../../state.js'
import { parse } from '../../validate.js'
import { unitCreateBody, unitEditBody } from './schemas.js'

export interface UnitRoutesDeps {
  auth: AuthService
  units: UnitService
}

/** Handling units (承办单位): the office keeps the list; a unit's staff read their own. */
export function unitRoutes({ auth, units }: UnitRoutesDeps) {
  const router = new Router<StaffState>({ prefix: '/api/admin/units' })
  router.use(requireAnyStaff(auth))

  router.get('/', async (ctx) => {
    ctx.body = { items: (await units.list(ctx.state.staff)).map(presentUnit) }
  })

  router.get('/:id', async (ctx) => {
    const { id } = parse(idParam, ctx.params, 'params')
    ctx.body = presentUnit(await units.get(ctx.state.staff, id))
  })

  router.post('/', allowRoles('admin'), async (ctx) => {
    ctx.status = 201
    ctx.body = presentUnit(await units.create(ctx.state.staff, parse(unitCreateBody, ctx.state.body, 'body')))
  })

  router.patch('/:id', allowRoles('admin'), async (ctx) => {
    const { id } = parse(idParam, ctx.params, 'params')
    ctx.body = presentUnit(await units.update(ctx.state.staff, id, parse(unitEditBody, ctx.state.body, 'body')))
  })

  return router
}
