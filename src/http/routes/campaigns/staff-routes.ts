import Router from '@koa/router'
import type { Reader } from '../../../domain/campaign.js'
import type { AuthService } from '../../../services/accounts/auth.js'
import type { CampaignReading } from '../../../services/campaigns/campaign-reading.js'
import { requireStaff } from '../../middleware/auth.js'
import { presentCheckIn, presentItemSummary, presentReading } from '../../presenters/campaigns.js'
import type { AppState, RouteContext } from '../../state.js'
import { parse } from '../../validate.js'
import { campaignIdParam, checkInBody, itemIdParam } from './schemas.js'

/** Station staff in a campaign's audience read and check in from the console, as deputies do in the mini-program. */
export function staffReadingRoutes(auth: AuthService, reading: CampaignReading) {
  const router = new Router<AppState>({ prefix: '/api/admin' })
  const staff = requireStaff(auth)
  const readerOf = (ctx: RouteContext): Reader => ({ kind: 'staff', id: ctx.state.staff!.id })

  router.get('/reading', staff, async (ctx) => {
    const items = await reading.inbox(readerOf(ctx))
    ctx.body = { items: items.map(({ item, campaign, read }) => ({ ...presentItemSummary(item, read), campaignId: campaign.id, campaignTitle: campaign.title })) }
  })

  /** Opening an item records the read receipt (the first time only). */
  router.get('/reading/:id', staff, async (ctx) => {
    const { id } = parse(itemIdParam, ctx.params, 'params')
    const { item, campaign } = await reading.open(readerOf(ctx), id)
    ctx.set('Cache-Control', 'no-store')
    ctx.body = presentReading(item, campaign)
  })

  router.post('/campaigns/:id/check-ins', staff, async (ctx) => {
    const { id } = parse(campaignIdParam, ctx.params, 'params')
    const checkIn = await reading.checkIn(readerOf(ctx), id, parse(checkInBody, ctx.state.body, 'body'))
    ctx.status = 201
    ctx.body = presentCheckIn(checkIn)
  })

  return router
}
