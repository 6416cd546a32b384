import Router from '@koa/router'
import type { Clock } from '../../../clock.js'
import type { AuthService } from '../../../services/accounts/auth.js'
import type { CampaignLevels } from '../../../services/campaigns/campaign-levels.js'
import type { IdempotencyRepo } from '../../../store/idempotency-port.js'
import { requireStaff } from '../../middleware/auth.js'
import { idempotent } from '../../middleware/idempotency.js'
import { presentRollUp } from '../../presenters/campaign-levels.js'
import { presentCampaign } from '../../presenters/campaigns.js'
import type { StaffState } from '../../state.js'
import { parse } from '../../validate.js'
import { adoptionBody, campaignIdParam } from './schemas.js'

export interface CampaignLevelRoutesDeps {
  auth: AuthService
  levels: CampaignLevels
  idempotency: IdempotencyRepo
  clock: Clock
}

/** 上下同题: districts and streets adopt a city-level campaign; progress rolls up across the levels. */
export function campaignLevelRoutes({ auth, levels, idempotency, clock }: CampaignLevelRoutesDeps) {
  const router = new Router<StaffState>({ prefix: '/api/admin/campaigns' })
  router.use(requireStaff(auth, 'organizer', 'admin'))
  const once = idempotent(idempotency, clock, (s: StaffState) => s.staff.id)

  router.post('/:id/adoptions', once, async (ctx) => {
    const { id } = parse(campaignIdParam, ctx.params, 'params')
    const local = await levels.adopt(ctx.state.staff, id, parse(adoptionBody, ctx.state.body ?? {}, 'body'))
    ctx.status = 201
    ctx.body = presentCampaign(local, clock.now())
  })

  router.get('/:id/roll-up', async (ctx) => {
    const { id } = parse(campaignIdParam, ctx.params, 'params')
    ctx.body = presentRollUp(await levels.rollUp(ctx.state.staff, id))
  })

  return router
}
