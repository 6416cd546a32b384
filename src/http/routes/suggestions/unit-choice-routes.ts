import Router from '@koa/router'
import type { AuthService } from '../../../services/accounts/auth.js'
import type { SuggestionUnits } from '../../../services/suggestions/suggestion-units.js'
import { requireStaff } from '../../middleware/auth.js'
import type { StaffState } from '../../state.js'

export interface UnitChoiceRoutesDeps {
  auth: AuthService
  units: SuggestionUnits
}

/**
 * The other units, by name, for a unit asking the office to give a suggestion to someone else
 * (GET /api/admin/units shows a unit's staff only their own unit, with its contact details).
 */
export function unitChoiceRoutes({ auth, units }: UnitChoiceRoutesDeps) {
  const router = new Router<StaffState>({ prefix: '/api/unit/units' })
  router.use(requireStaff(auth, 'unit_staff'))

  router.get('/', async (ctx) => {
    ctx.body = { items: await units.unitChoices() }
  })

  return router
}
