import Router from '@koa/router'
import type { Clock } from '../../../clock.js'
import { readerOf, type CampaignReading } from '../../../services/campaigns/campaign-reading.js'
import type { MpSessions } from '../../../services/accounts/mp-sessions.js'
import { requireMpUser } from '../../middleware/mp-auth.js'
import { presentCheckIn, presentItemSummary, presentMpCampaignSummary, presentReading } from '../../presenters/campaigns.js'
import type { MpState } from '../../state.js'
import type { MonthlyStudy } from '../../../services/campaigns/monthly-study.js'
import { presentMonthlyIssue } from '../../presenters/campaign-levels.js'
import { parse } from '../../validate.js'
import { campaignIdParam, checkInBody, itemIdParam } from './schemas.js'

export interface MpCampaignRoutesDeps {
  sessions: MpSessions
  reading: CampaignReading
  monthly: MonthlyStudy
  clock: Clock
}

/** Reading in the mini-program: campaigns, following, opening an item (the read receipt), 学习打卡. */
export function mpCampaignRoutes({ sessions, reading, monthly, clock }: MpCampaignRoutesDeps) {
  const router = new Router<MpState>({ prefix: '/api/mp' })
  router.use(requireMpUser(sessions))

  const presentDetail = (d: Awaited<ReturnType<CampaignReading['campaign']>>) => ({
    ...presentMpCampaignSummary(
      {
        campaign: d.campaign,
        following: d.following,
        canFollow: d.canFollow,
        forDeputies: d.forDeputies,
        issuedBy: d.issuedBy,
        forWhom: d.forWhom,
        itemsReached: d.items.length,
        itemsRead: d.items.filter((i) => i.read).length,
      },
      clock.now(),
    ),
    /** Whether its 必读 binds this reader: its audience names them; never a follower who chose it. */
    requiredApplies: d.requiredApplies,
    items: d.items.map((i) => presentItemSummary(i.item, i.read)),
    checkIns: d.checkIns.map(presentCheckIn),
    checkedInToday: d.checkedInToday,
  })

  router.get('/campaigns', async (ctx) => {
    const now = clock.now()
    ctx.body = { items: (await reading.myCampaigns(readerOf(ctx.state.mpUser))).map((e) => presentMpCampaignSummary(e, now)) }
  })

  /** 本月学习: this month's issues the deputy is in, the city's first, each saying where it comes from. */
  router.get('/study/this-month', async (ctx) => {
    const { month, monthLabel, issues } = await monthly.thisMonth(readerOf(ctx.state.mpUser))
    const now = clock.now()
    ctx.body = { month, monthLabel, items: issues.map((i) => presentMonthlyIssue(i, now)) }
  })

  router.get('/campaigns/:id', async (ctx) => {
    const { id } = parse(campaignIdParam, ctx.params, 'params')
    ctx.body = presentDetail(await reading.campaign(readerOf(ctx.state.mpUser), id))
  })

  router.post('/campaigns/:id/follow', async (ctx) => {
    const { id } = parse(campaignIdParam, ctx.params, 'params')
    ctx.body = presentDetail(await reading.follow(readerOf(ctx.state.mpUser), id))
  })

  /** 不再关注: the caller's own follow, and nobody else's, ends. */
  router.delete('/campaigns/:id/follow', async (ctx) => {
    const { id } = parse(campaignIdParam, ctx.params, 'params')
    ctx.body = presentDetail(await reading.unfollow(readerOf(ctx.state.mpUser), id))
  })

  router.post('/campaigns/:id/check-ins', async (ctx) => {
    const { id } = parse(campaignIdParam, ctx.params, 'params')
    const checkIn = await reading.checkIn(readerOf(ctx.state.mpUser), id, parse(checkInBody, ctx.state.body, 'body'))
    ctx.status = 201
    ctx.body = presentCheckIn(checkIn)
  })

  /** Opening an item records the read receipt (the first time only). */
  router.get('/reading/:id', async (ctx) => {
    const { id } = parse(itemIdParam, ctx.params, 'params')
    const { item, campaign, running } = await reading.open(readerOf(ctx.state.mpUser), id)
    ctx.set('Cache-Control', 'no-store')
    ctx.body = presentReading(item, campaign, running)
  })

  return router
}
