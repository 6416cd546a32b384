import Router from '@koa/router'
import type { Clock } from '../../../clock.js'
import type { MpSessions } from '../../../services/accounts/mp-sessions.js'
import type { RecordAppraisals } from '../../../services/records/appraisals.js'
import { idempotencyKeyOf } from '../../middleware/idempotency.js'
import { requireMpUser } from '../../middleware/mp-auth.js'
import { presentPublicReport } from '../../presenters/records.js'
import { presentPublicSurvey, presentResponseReceipt } from '../../presenters/surveys.js'
import type { MpState } from '../../state.js'
import { parse } from '../../validate.js'
import { appraisalAnswerBody, appraisalParam } from './schemas.js'

export interface MpAppraisalRoutesDeps {
  sessions: MpSessions
  appraisals: RecordAppraisals
  clock: Clock
  timeZone: string
}

/** Residents' side of 述职评议: open it from its notice or poster, name the community, rate once. */
export function mpAppraisalRoutes({ sessions, appraisals, clock, timeZone }: MpAppraisalRoutesDeps) {
  const router = new Router<MpState>({ prefix: '/api/mp/appraisals' })
  router.use(requireMpUser(sessions))

  router.get('/:id', async (ctx) => {
    const { id } = parse(appraisalParam, ctx.params, 'params')
    const v = await appraisals.view(ctx.state.mpUser, id)
    ctx.body = {
      ...presentPublicSurvey(v.survey, v.phase, v.responded, { timeZone, now: clock.now() }, { isAppraisal: v.isAppraisal }),
      deputyName: v.deputyName,
      year: v.appraisal.year,
      /** 今年, or "2026年" for a past year's: her page's 先看看代表今年做了什么. */
      yearWord: v.yearWord,
      communities: v.communities,
      notForYou: v.notForYou,
    }
  })

  // 先看述职报告: the report she is asked to judge, read-only, while she may rate it (403 in words otherwise).
  router.get('/:id/report', async (ctx) => {
    const { id } = parse(appraisalParam, ctx.params, 'params')
    ctx.body = presentPublicReport(await appraisals.report(ctx.state.mpUser, id))
  })

  // A resend after a lost answer carries the same Idempotency-Key: answered with the response it first wrote (201,
  // Idempotent-Replayed), counted once. Kept with the response, as a survey answer's is (mp-routes of surveys), not
  // by the `idempotent` middleware, whose record would name the account and the minute beside an anonymous answer.
  router.post('/:id/responses', async (ctx) => {
    const { id } = parse(appraisalParam, ctx.params, 'params')
    const requestKey = idempotencyKeyOf(ctx) ?? undefined
    const body = parse(appraisalAnswerBody, ctx.state.body ?? {}, 'body')
    const { response, replayed } = await appraisals.respond(ctx.state.mpUser, id, body, requestKey)
    if (replayed) ctx.set('Idempotent-Replayed', 'true')
    ctx.status = 201
    ctx.body = presentResponseReceipt(response)
  })

  return router
}
