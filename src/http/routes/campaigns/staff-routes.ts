import Router from '@koa/router'
import type { Reader } from '../../../domain/campaign.js'
import type { AuthService } from '../../../services/accounts/auth.js'
import type { CampaignReading } from '../../../services/campaigns/campaign-reading.js'
import { requireStaff } from '../../middleware/auth.js'
import { presentCheckIn, presentItemSummary, presentReading } from '../../presenters/campaigns.js'
import type { StaffState } from '../../state.js'
import { parse } from '../../validate.js'
import { campaignIdParam, checkInBody, itemIdParam } from './schemas.js'

export interface StaffReadingRoutesDeps {
  auth: AuthService
  reading: CampaignReading
}

/** Station staff in a campaign's audience read and check in from the console, as deputies do in the mini-program. */
export function staffReadingRoutes({ auth, reading }: StaffReadingRoutesDeps) {
  const router = new Router<StaffState>({ prefix: '/api/admin' })
  router.use(requireStaff(auth))
  const readerOf = (state: StaffState): Reader => ({ kind: 'staff', id: state.staff.id })

  router.get('/reading', async (ctx) => {
    const items = await reading.inbox(readerOf(ctx.state))
    ctx.body = {
      items: items.map(({ item, campaign, read }) => ({ ...presentItemSummary(item, read), campaignId: campaign.id, campaignTitle: campaign.title })),
    }
  })

  /** Opening an item records the read receipt (the first time only). */
  router.get('/reading/:id', async (ctx) => {
    const { id } = parse(itemIdParam, ctx.params, 'params')
    const { item, campaign, running } = await reading.open(readerOf(ctx.state), id)
    ctx.set('Cache-Control', 'no-store')
    ctx.body = presentReading(item, campaign, running)
  })

  router.post('/campaigns/:id/check-ins', async (ctx) => {
    const { id } = parse(campaignIdParam, ctx.params, 'params')
    const checkIn = await reading.checkIn(readerOf(ctx.state), id, parse(checkInBody, ctx.state.body, 'body'))
    ctx.status = 201
    ctx.body = presentCheckIn(checkIn)
  })

  return router
}
