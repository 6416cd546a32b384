import Router from '@koa/router'
import type { Clock } from '../../../clock.js'
import type { AuthService } from '../../../services/accounts/auth.js'
import type { QrCodeRenderer } from '../../../services/qr-codes.js'
import type { SurveyReports } from '../../../services/surveys/survey-reports.js'
import type { ConsultationOpinions } from '../../../services/surveys/consultation-opinions.js'
import type { ConsultationOutcome } from '../../../services/surveys/consultation-outcome.js'
import type { SurveyService } from '../../../services/surveys/surveys.js'
import type { BallotCount } from '../../../services/surveys/ballot-count.js'
import type { SurveyRecord } from '../../../domain/survey.js'
import type { IdempotencyRepo } from '../../../store/idempotency-port.js'
import { requireStaff } from '../../middleware/auth.js'
import { idempotent } from '../../middleware/idempotency.js'
import { presentOpinion, presentResults, presentSurvey, presentSurveySummary, presentTextAnswer } from '../../presenters/surveys.js'
import type { StaffState } from '../../state.js'
import { parse } from '../../validate.js'
import {
  audiencePreviewBody,
  correctionBody,
  createBody,
  decisionBody,
  listQuery,
  opinionParam,
  opinionsQuery,
  resultsQuery,
  surveyIdParam,
  textsQuery,
} from './schemas.js'

export interface AdminSurveyDeps {
  auth: AuthService
  surveys: SurveyService
  /** A consultation's opinions: its pages of 逐条意见 and each one's decision. */
  opinions: Pick<ConsultationOpinions, 'opinionPage' | 'wholeOpinionPage' | 'decide'>
  reports: SurveyReports
  qrCodes: QrCodeRenderer
  idempotency: IdempotencyRepo
  clock: Clock
  outcome: Pick<ConsultationOutcome, 'csv' | 'publish'>
  /** A ballot's roll as it counts now (those who left office without voting out), as 计票结果 and 投票情况 say it. */
  count: Pick<BallotCount, 'counted'>
}

/** Organizers (and admins) run surveys, consultations and ballots: create, correct, close, read results, answer opinions. */
export function adminSurveyRoutes({ auth, surveys, opinions, reports, qrCodes, idempotency, clock, outcome, count }: AdminSurveyDeps) {
  const router = new Router<StaffState>({ prefix: '/api/admin/surveys' })
  router.use(requireStaff(auth, 'organizer', 'admin'))
  const idOf = (params: unknown) => parse(surveyIdParam, params, 'params').id
  const link = (shortCode: string) => qrCodes.surveyLink(shortCode)
  // One number of deputies on the page: the header's 应投票代表 is the 应投 the count and the turnout use.
  // A 述职评议's questionnaire says whose it is: its page sends the office to his record and holds back what is sealed.
  const present = async (s: SurveyRecord) =>
    presentSurvey(s, clock.now(), link(s.shortCode), s.ballot ? await count.counted(s) : null, await reports.appraisalOf(s))

  router.post(
    '/',
    idempotent(idempotency, clock, (s: StaffState) => `staff:${s.staff.id}`),
    async (ctx) => {
      const s = await surveys.create(ctx.state.staff, parse(createBody, ctx.state.body, 'body'))
      ctx.status = 201
      ctx.body = await present(s)
    },
  )

  /** How many deputies the choice asks, while it is made: the same deputies saving would ask. */
  router.post('/audience-preview', async (ctx) => {
    ctx.body = await surveys.previewAudience(ctx.state.staff, parse(audiencePreviewBody, ctx.state.body, 'body').audience)
  })

  router.get('/', async (ctx) => {
    const { cursor, limit, kind } = parse(listQuery, ctx.query, 'query')
    const page = await surveys.list(ctx.state.staff, { kind, cursor, limit })
    ctx.body = { items: page.items.map((s) => presentSurveySummary(s, clock.now())), nextCursor: page.nextCursor }
  })

  router.get('/:id', async (ctx) => {
    const s = await surveys.visible(ctx.state.staff, idOf(ctx.params))
    ctx.body = await present(s)
  })

  /** Corrections after creation (title, description, times; questions only while nobody answered). */
  router.patch('/:id', async (ctx) => {
    const s = await surveys.correct(ctx.state.staff, idOf(ctx.params), parse(correctionBody, ctx.state.body, 'body'))
    ctx.body = await present(s)
  })

  router.post('/:id/publish', async (ctx) => {
    const s = await surveys.publish(ctx.state.staff, idOf(ctx.params))
    ctx.body = await present(s)
  })

  router.post('/:id/close', async (ctx) => {
    const s = await surveys.close(ctx.state.staff, idOf(ctx.params))
    ctx.body = await present(s)
  })

  router.get('/:id/results', async (ctx) => {
    const { survey, phase, results, ballot, decided } = await reports.results(ctx.state.staff, idOf(ctx.params), parse(resultsQuery, ctx.query, 'query'))
    ctx.body = presentResults(survey, phase, results, ballot, decided)
  })

  router.get('/:id/texts', async (ctx) => {
    const page = await reports.texts(ctx.state.staff, idOf(ctx.params), parse(textsQuery, ctx.query, 'query'))
    ctx.body = { items: page.items.map((t) => presentTextAnswer(t)), nextCursor: page.nextCursor }
  })

  // 查看完整原文: the same page with residents' numbers whole, recorded in 操作记录 first; not kept by the browser.
  router.get('/:id/texts/whole', async (ctx) => {
    const page = await reports.wholeTexts(ctx.state.staff, idOf(ctx.params), parse(textsQuery, ctx.query, 'query'))
    ctx.set('Cache-Control', 'no-store')
    ctx.body = { items: page.items.map((t) => presentTextAnswer(t, true)), nextCursor: page.nextCursor }
  })

  router.get('/:id/responses.csv', async (ctx) => {
    const { title, csv } = await reports.csv(ctx.state.staff, idOf(ctx.params))
    ctx.type = 'text/csv; charset=utf-8'
    ctx.set('Content-Disposition', `attachment; filename="responses.csv"; filename*=UTF-8''${encodeURIComponent(`${title}.csv`)}`)
    ctx.set('Cache-Control', 'no-store')
    ctx.body = csv
  })

  router.get('/:id/opinions.csv', async (ctx) => {
    const { title, csv } = await outcome.csv(ctx.state.staff, idOf(ctx.params))
    ctx.type = 'text/csv; charset=utf-8'
    ctx.set('Content-Disposition', `attachment; filename="opinions.csv"; filename*=UTF-8''${encodeURIComponent(`${title}.csv`)}`)
    ctx.set('Cache-Control', 'no-store')
    ctx.body = csv
  })

  // 公布采纳情况: once closed and every opinion decided; then anyone reads /api/public/consultations/:id/outcome.
  router.post('/:id/outcome/publish', async (ctx) => {
    const { survey, publishedAt } = await outcome.publish(ctx.state.staff, idOf(ctx.params))
    ctx.body = { surveyId: survey.id, publishedAt: publishedAt.toISOString() }
  })

  router.get('/:id/opinions', async (ctx) => {
    const query = parse(opinionsQuery, ctx.query, 'query')
    // One page from the store; total: how many match the filter, so the console can say 共 N 条 and page through them.
    const { items, total } = await opinions.opinionPage(ctx.state.staff, idOf(ctx.params), query)
    ctx.body = { items: items.map((o) => presentOpinion(o)), total, offset: query.offset, limit: query.limit }
  })

  // 查看完整原文 on 逐条意见: as /texts/whole.
  router.get('/:id/opinions/whole', async (ctx) => {
    const query = parse(opinionsQuery, ctx.query, 'query')
    const { items, total } = await opinions.wholeOpinionPage(ctx.state.staff, idOf(ctx.params), query)
    ctx.set('Cache-Control', 'no-store')
    ctx.body = { items: items.map((o) => presentOpinion(o, true)), total, offset: query.offset, limit: query.limit }
  })

  router.post('/:id/opinions/:opinionId/decision', async (ctx) => {
    const { id, opinionId } = parse(opinionParam, ctx.params, 'params')
    ctx.body = presentOpinion(await opinions.decide(ctx.state.staff, id, opinionId, parse(decisionBody, ctx.state.body, 'body')))
  })

  router.get('/:id/qrcode.png', async (ctx) => {
    const s = await surveys.posterOf(ctx.state.staff, idOf(ctx.params))
    ctx.type = 'image/png'
    ctx.set('Content-Disposition', `inline; filename="survey-${s.shortCode}.png"`)
    ctx.body = await qrCodes.surveyPoster(s, clock.now())
  })

  return router
}
