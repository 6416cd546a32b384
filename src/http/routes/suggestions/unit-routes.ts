import Router from '@koa/router'
import type { AuthService } from '../../../services/accounts/auth.js'
import type { SuggestionUnits } from '../../../services/suggestions/suggestion-units.js'
import { requireStaff } from '../../middleware/auth.js'
import { presentUnitSuggestion, suggestionPresenters, type SuggestionView } from '../../presenters/suggestions.js'
import type { StaffState } from '../../state.js'
import { parse } from '../../validate.js'
import { answerBody, suggestionIdParam, unitListQuery, unitRequestBody } from './schemas.js'

export interface UnitSuggestionRoutesDeps {
  auth: AuthService
  units: SuggestionUnits
  view: () => Promise<SuggestionView>
}

/** 代表建议 for a handling unit's staff: only those their unit leads or co-handles. */
export function unitSuggestionRoutes({ auth, units, view }: UnitSuggestionRoutesDeps) {
  const router = new Router<StaffState>({ prefix: '/api/unit/suggestions' })
  router.use(requireStaff(auth, 'unit_staff'))
  const { present, presentAll } = suggestionPresenters(view, presentUnitSuggestion)

  router.get('/', async (ctx) => {
    const found = await units.list(ctx.state.staff, parse(unitListQuery, ctx.query, 'query'))
    ctx.body = { items: await presentAll(found.items), nextCursor: found.nextCursor }
  })

  /** The home page's counts of what the unit still owes. */
  router.get('/pending', async (ctx) => {
    ctx.body = await units.pending(ctx.state.staff)
  })

  router.get('/:id', async (ctx) => {
    const { id } = parse(suggestionIdParam, ctx.params, 'params')
    ctx.body = await present(await units.get(ctx.state.staff, id))
  })

  router.post('/:id/answer', async (ctx) => {
    const { id } = parse(suggestionIdParam, ctx.params, 'params')
    ctx.body = await present(await units.answer(ctx.state.staff, id, parse(answerBody, ctx.state.body, 'body')))
  })

  router.post('/:id/requests', async (ctx) => {
    const { id } = parse(suggestionIdParam, ctx.params, 'params')
    ctx.status = 201
    ctx.body = await present(await units.request(ctx.state.staff, id, parse(unitRequestBody, ctx.state.body, 'body')))
  })

  return router
}
