import Router from '@koa/router'
import type { AuthService } from '../../../services/accounts/auth.js'
import type { RecordAppraisals } from '../../../services/records/appraisals.js'
import type { DeputyRecords } from '../../../services/records/deputy-records.js'
import type { PointRules } from '../../../services/records/point-rules.js'
import type { RecordActivities } from '../../../services/records/record-activities.js'
import type { Clock } from '../../../clock.js'
import type { IdempotencyRepo } from '../../../store/idempotency-port.js'
import type { QrCodeRenderer } from '../../../services/qr-codes.js'
import { requireStaff } from '../../middleware/auth.js'
import { idempotent } from '../../middleware/idempotency.js'
import { presentActivity, presentAppraisalToOffice, presentDeputyYear, presentRecordRow, presentRules } from '../../presenters/records.js'
import type { StaffState } from '../../state.js'
import { parse } from '../../validate.js'
import {
  activityListQuery,
  activityParam,
  appraisalParam,
  deputyParam,
  extendAppraisalBody,
  openAppraisalBody,
  recordListQuery,
  reviewBody,
  rulesBody,
  rulesQuery,
  yearQuery,
} from './schemas.js'

export interface AdminRecordRoutesDeps {
  auth: AuthService
  records: DeputyRecords
  activities: RecordActivities
  rules: PointRules
  appraisals: RecordAppraisals
  idempotency: IdempotencyRepo
  clock: Clock
  qrCodes: Pick<QrCodeRenderer, 'surveyPng'>
}

/**
 * 履职档案 in the console: station staff see their deputies' records and review their activity
 * reports; organizers and admins see their district's or the city's, set the point rules and
 * open 述职评议. Every read and write is held to the caller's scope (services/records/record-scope.ts).
 */
export function adminRecordRoutes({ auth, records, activities, rules, appraisals, idempotency, clock, qrCodes }: AdminRecordRoutesDeps) {
  const router = new Router<StaffState>({ prefix: '/api/admin/records' })
  router.use(requireStaff(auth, 'station_staff', 'organizer', 'admin'))

  router.get('/', async (ctx) => {
    const q = parse(recordListQuery, ctx.query, 'query')
    const year = q.year ?? records.currentYear()
    const page = await records.list(ctx.state.staff, year, q)
    // The year's 述职评议 beside each, for the office that runs them (a clerk's list has no such column).
    const office = ctx.state.staff.role === 'organizer' || ctx.state.staff.role === 'admin'
    const appraised = office
      ? await Promise.all(page.items.map(async (y) => (await appraisals.ofDeputy(y.deputy.id)).find((a) => a.appraisal.year === year) ?? null))
      : null
    ctx.body = {
      year,
      items: page.items.map((y, i) =>
        presentRecordRow(y, appraised ? appraised[i] && { phase: appraised[i].phase, responses: appraised[i].results.responses } : undefined),
      ),
      total: page.total,
      nextOffset: page.nextOffset,
    }
  })

  router.get('/rules', async (ctx) => {
    ctx.body = presentRules(await rules.read(ctx.state.staff, parse(rulesQuery, ctx.query, 'query').office))
  })

  router.put('/rules', async (ctx) => {
    const body = parse(rulesBody, ctx.state.body ?? {}, 'body')
    ctx.body = presentRules(await rules.save(ctx.state.staff, body.office, body.rules))
  })

  router.get('/activities', async (ctx) => {
    const page = await activities.list(ctx.state.staff, parse(activityListQuery, ctx.query, 'query'))
    const names = new Map((await records.names(page.items.map((a) => a.deputyId))).map((d) => [d.id, d.name]))
    ctx.body = { items: page.items.map((a) => presentActivity(a, activities.photoLinks(a), names.get(a.deputyId))), nextCursor: page.nextCursor }
  })

  router.post('/activities/:id/review', async (ctx) => {
    const { id } = parse(activityParam, ctx.params, 'params')
    const a = await activities.review(ctx.state.staff, id, parse(reviewBody, ctx.state.body ?? {}, 'body'))
    ctx.body = presentActivity(a, activities.photoLinks(a))
  })

  router.get('/:deputyId', async (ctx) => {
    const { deputyId } = parse(deputyParam, ctx.params, 'params')
    const { year } = parse(yearQuery, ctx.query, 'query')
    ctx.body = presentDeputyYear(await records.forStaff(ctx.state.staff, deputyId, year ?? records.currentYear()))
  })

  router.get('/:deputyId/appraisals', async (ctx) => {
    const { deputyId } = parse(deputyParam, ctx.params, 'params')
    ctx.body = { items: (await appraisals.forStaff(ctx.state.staff, deputyId)).map(presentAppraisalToOffice) }
  })

  // 下载海报: the QR code residents of his area scan to rate him (it opens the 述职评议 as its survey poster does).
  router.get('/:deputyId/appraisals/:id/poster.png', async (ctx) => {
    const { deputyId } = parse(deputyParam, { deputyId: ctx.params.deputyId }, 'params')
    const { id } = parse(appraisalParam, { id: ctx.params.id }, 'params')
    const { survey, lines } = await appraisals.posterOf(ctx.state.staff, deputyId, id)
    ctx.type = 'image/png'
    ctx.set('Content-Disposition', `inline; filename="appraisal-${survey.shortCode}.png"`)
    ctx.body = await qrCodes.surveyPng(survey, ...lines)
  })

  router.post(
    '/:deputyId/appraisals',
    idempotent(idempotency, clock, (s: StaffState) => `staff:${s.staff.id}`),
    async (ctx) => {
      const { deputyId } = parse(deputyParam, ctx.params, 'params')
      const opened = await appraisals.open(ctx.state.staff, deputyId, parse(openAppraisalBody, ctx.state.body ?? {}, 'body'))
      ctx.status = 201
      ctx.body = {
        surveyId: opened.appraisal.surveyId,
        deputyId,
        year: opened.appraisal.year,
        title: opened.survey.title,
        shortCode: opened.survey.shortCode,
        opensAt: opened.survey.opensAt.toISOString(),
        closesAt: opened.survey.closesAt.toISOString(),
      }
    },
  )

  // 延长评议, or 重新开放 once when it closed with too few raters to show the ratings: the office's, within its scope.
  router.post('/:deputyId/appraisals/:id/extend', async (ctx) => {
    const { deputyId } = parse(deputyParam, { deputyId: ctx.params.deputyId }, 'params')
    const { id } = parse(appraisalParam, { id: ctx.params.id }, 'params')
    const { closesAt } = parse(extendAppraisalBody, ctx.state.body ?? {}, 'body')
    await appraisals.extend(ctx.state.staff, deputyId, id, closesAt)
    const moved = (await appraisals.forStaff(ctx.state.staff, deputyId)).find((x) => x.appraisal.surveyId === id)!
    ctx.body = presentAppraisalToOffice(moved)
  })

  return router
}
