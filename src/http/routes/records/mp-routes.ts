import Router from '@koa/router'
import type { Clock } from '../../../clock.js'
import type { MpSessions } from '../../../services/accounts/mp-sessions.js'
import type { RecordAppraisals } from '../../../services/records/appraisals.js'
import type { DeputyRecords } from '../../../services/records/deputy-records.js'
import type { RecordActivities } from '../../../services/records/record-activities.js'
import type { IdempotencyRepo } from '../../../store/idempotency-port.js'
import { idempotent } from '../../middleware/idempotency.js'
import { requireDeputy } from '../../middleware/mp-auth.js'
import { presentActivity, presentAppraisalToDeputy, presentDeputyYear, presentOwnActivity } from '../../presenters/records.js'
import type { DeputyState } from '../../state.js'
import { parse } from '../../validate.js'
import { activityParam, mineQuery, reportBody, resubmitBody, yearQuery } from './schemas.js'

export interface MpRecordRoutesDeps {
  sessions: MpSessions
  records: DeputyRecords
  activities: RecordActivities
  appraisals: RecordAppraisals
  idempotency: IdempotencyRepo
  clock: Clock
  timeZone: string
}

/** A deputy's own 履职档案 in the mini-program: the year with its points, activities reported, 述职评议 results. */
export function mpRecordRoutes({ sessions, records, activities, appraisals, idempotency, clock, timeZone }: MpRecordRoutesDeps) {
  const router = new Router<DeputyState>({ prefix: '/api/mp/records' })
  router.use(requireDeputy(sessions))

  router.get('/me', async (ctx) => {
    const { year } = parse(yearQuery, ctx.query, 'query')
    ctx.body = presentDeputyYear(await records.ofDeputy(ctx.state.mpUser.deputyId, year ?? records.currentYear()))
  })

  router.get('/activities', async (ctx) => {
    const page = await activities.mine(ctx.state.mpUser.deputyId, parse(mineQuery, ctx.query, 'query'))
    ctx.body = { items: page.items.map((a) => presentActivity(a, activities.photoLinks(a))), nextCursor: page.nextCursor }
  })

  router.post(
    '/activities',
    idempotent(idempotency, clock, (s: DeputyState) => `mp:${s.mpUser.id}`),
    async (ctx) => {
      const a = await activities.report(ctx.state.mpUser, parse(reportBody, ctx.state.body ?? {}, 'body'))
      ctx.status = 201
      ctx.body = presentActivity(a, activities.photoLinks(a))
    },
  )

  router.get('/activities/:id', async (ctx) => {
    const { id } = parse(activityParam, ctx.params, 'params')
    const a = await activities.ownOne(ctx.state.mpUser.deputyId, id)
    ctx.body = presentOwnActivity(a, activities.photoLinks(a))
  })

  router.put('/activities/:id', async (ctx) => {
    const { id } = parse(activityParam, ctx.params, 'params')
    const a = await activities.resubmit(ctx.state.mpUser, id, parse(resubmitBody, ctx.state.body ?? {}, 'body'))
    ctx.body = presentActivity(a, activities.photoLinks(a))
  })

  router.get('/appraisals', async (ctx) => {
    const now = clock.now()
    ctx.body = { items: (await appraisals.ofDeputy(ctx.state.mpUser.deputyId)).map((x) => presentAppraisalToDeputy(x, timeZone, now)) }
  })

  return router
}
