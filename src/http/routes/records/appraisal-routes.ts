import Router from '@koa/router'
import type { Clock } from '../../../clock.js'
import type { MpSessions } from '../../../services/accounts/mp-sessions.js'
import type { RecordAppraisals } from '../../../services/records/appraisals.js'
import { requireMpUser } from '../../middleware/mp-auth.js'
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
      ...presentPublicSurvey(v.survey, v.phase, v.responded, { timeZone, now: clock.now() }),
      deputyName: v.deputyName,
      year: v.appraisal.year,
      communities: v.communities,
    }
  })

  router.post('/:id/responses', async (ctx) => {
    const { id } = parse(appraisalParam, ctx.params, 'params')
    const response = await appraisals.respond(ctx.state.mpUser, id, parse(appraisalAnswerBody, ctx.state.body ?? {}, 'body'))
    ctx.status = 201
    ctx.body = presentResponseReceipt(response)
  })

  return router
}
