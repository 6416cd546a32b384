import Router from '@koa/router'
import type { Clock } from '../../../clock.js'
import type { AuthService } from '../../../services/accounts/auth.js'
import type { CampaignProgress } from '../../../services/campaigns/campaign-progress.js'
import type { CampaignReminders } from '../../../services/campaigns/campaign-reminders.js'
import type { CampaignService } from '../../../services/campaigns/campaigns.js'
import type { UnreadSheet } from '../../../services/campaigns/unread-sheet.js'
import type { IdempotencyRepo } from '../../../store/idempotency-port.js'
import { requireStaff } from '../../middleware/auth.js'
import { idempotent } from '../../middleware/idempotency.js'
import { presentCampaign, presentItem, presentProgressReport } from '../../presenters/campaigns.js'
import { presentReminderOutcome, presentReminderState } from '../../presenters/reminders.js'
import type { StaffState } from '../../state.js'
import { parse } from '../../validate.js'
import {
  audiencePreviewBody,
  campaignBody,
  campaignCorrectionBody,
  campaignIdParam,
  campaignsQuery,
  itemBody,
  itemCorrectionBody,
  itemParams,
  progressQuery,
  remindBody,
} from './schemas.js'

export interface AdminCampaignDeps {
  auth: AuthService
  campaigns: CampaignService
  progress: CampaignProgress
  reminders: CampaignReminders
  unreadSheet: UnreadSheet
  idempotency: IdempotencyRepo
  clock: Clock
}

/** Organizers run campaigns: create, add reading (now or scheduled), follow progress. */
export function adminCampaignRoutes({ auth, campaigns, progress, reminders, unreadSheet, idempotency, clock }: AdminCampaignDeps) {
  const router = new Router<StaffState>({ prefix: '/api/admin/campaigns' })
  router.use(requireStaff(auth, 'organizer', 'admin'))
  const once = idempotent(idempotency, clock, (s: StaffState) => s.staff.id)

  router.post('/', once, async (ctx) => {
    const created = await campaigns.create(ctx.state.staff, parse(campaignBody, ctx.state.body, 'body'))
    ctx.status = 201
    ctx.body = { ...presentCampaign(created, clock.now()), items: [] }
  })

  /** How many people the choice names now (deputies, staff): the same people creating would reach. */
  router.post('/audience-preview', async (ctx) => {
    ctx.body = await campaigns.previewAudience(ctx.state.staff, parse(audiencePreviewBody, ctx.state.body, 'body').audience)
  })

  router.get('/', async (ctx) => {
    const page = await campaigns.list(ctx.state.staff, parse(campaignsQuery, ctx.query, 'query'))
    const now = clock.now()
    ctx.body = { items: page.items.map((c) => presentCampaign(c, now)), nextCursor: page.nextCursor }
  })

  router.get('/:id', async (ctx) => {
    const { id } = parse(campaignIdParam, ctx.params, 'params')
    const { campaign, items, periods } = await campaigns.detail(ctx.state.staff, id)
    const now = clock.now()
    ctx.body = { ...presentCampaign(campaign, now), items: items.map(presentItem), periods: periods.map((p) => presentCampaign(p, now)) }
  })

  router.post('/:id/items', once, async (ctx) => {
    const { id } = parse(campaignIdParam, ctx.params, 'params')
    const item = await campaigns.addItem(ctx.state.staff, id, parse(itemBody, ctx.state.body, 'body'))
    ctx.status = 201
    ctx.body = presentItem(item)
  })

  /** Corrections after creation: title, description, start (before it starts), end (extend or end early). */
  router.patch('/:id', async (ctx) => {
    const { id } = parse(campaignIdParam, ctx.params, 'params')
    const corrected = await campaigns.correct(ctx.state.staff, id, parse(campaignCorrectionBody, ctx.state.body, 'body'))
    ctx.body = presentCampaign(corrected, clock.now())
  })

  router.patch('/:id/items/:itemId', async (ctx) => {
    const { id, itemId } = parse(itemParams, ctx.params, 'params')
    ctx.body = presentItem(await campaigns.correctItem(ctx.state.staff, id, itemId, parse(itemCorrectionBody, ctx.state.body, 'body')))
  })

  /** Publishes a draft item (now, or at its time when that is still to come). */
  router.post('/:id/items/:itemId/publish', async (ctx) => {
    const { id, itemId } = parse(itemParams, ctx.params, 'params')
    ctx.body = presentItem(await campaigns.publishItem(ctx.state.staff, id, itemId))
  })

  /** Unpublishes a reading item (撤回): readers no longer see it. */
  router.post('/:id/items/:itemId/withdraw', async (ctx) => {
    const { id, itemId } = parse(itemParams, ctx.params, 'params')
    ctx.body = presentItem(await campaigns.withdrawItem(ctx.state.staff, id, itemId))
  })

  /** Reached, read and checked in: per person, or per station or district as shares of the audience. */
  router.get('/:id/progress', async (ctx) => {
    const { id } = parse(campaignIdParam, ctx.params, 'params')
    const { groupBy } = parse(progressQuery, ctx.query, 'query')
    ctx.body = presentProgressReport(await progress.report(ctx.state.staff, id, groupBy))
  })

  /** Whether 提醒未读 may be pressed now (a running campaign), for how many deputies, and how many were reminded today. */
  router.get('/:id/reminders', async (ctx) => {
    ctx.body = presentReminderState(await reminders.state(ctx.state.staff, parse(campaignIdParam, ctx.params, 'params').id))
  })

  /** 提醒未读: one message to each deputy reached who has not read, at most once a day. */
  router.post('/:id/remind', async (ctx) => {
    const { id } = parse(campaignIdParam, ctx.params, 'params')
    parse(remindBody, ctx.state.body, 'body')
    ctx.body = presentReminderOutcome(await reminders.remind(ctx.state.staff, id))
  })

  /** 导出未读名单: those 提醒未读 waits for, to phone down in a spreadsheet (as a survey's 导出未参与名单). */
  router.get('/:id/not-read.csv', async (ctx) => {
    const { title, csv } = await unreadSheet.csv(ctx.state.staff, parse(campaignIdParam, ctx.params, 'params').id)
    ctx.type = 'text/csv; charset=utf-8'
    ctx.set('Content-Disposition', `attachment; filename="not-read.csv"; filename*=UTF-8''${encodeURIComponent(`${title}.csv`)}`)
    ctx.set('Cache-Control', 'no-store')
    ctx.body = csv
  })

  return router
}
