import Router from '@koa/router'
import type { Clock } from '../../../clock.js'
import type { MpSessions } from '../../../services/accounts/mp-sessions.js'
import type { SurveyResponses } from '../../../services/surveys/survey-responses.js'
import type { ConsultationOutcome } from '../../../services/surveys/consultation-outcome.js'
import type { BallotResults } from '../../../services/surveys/ballot-results.js'
import { idempotencyKeyOf } from '../../middleware/idempotency.js'
import { requireMpUser } from '../../middleware/mp-auth.js'
import { presentMyOpinion, presentPublicSurvey, presentResponseReceipt } from '../../presenters/surveys.js'
import type { MpState } from '../../state.js'
import { parse } from '../../validate.js'
import { plainAnswerBody, respondBody, surveyRefParam, viaQuery } from './schemas.js'

export interface MpSurveyRoutesDeps {
  sessions: MpSessions
  responses: SurveyResponses
  clock: Clock
  timeZone: string
  outcome: Pick<ConsultationOutcome, 'mine'>
  /** A closed ballot's counts, for the deputies on its roll. */
  results: Pick<BallotResults, 'forVoter' | 'closedToOthers'>
}

/**
 * The mini-program's side: open a survey from its poster (`:id` is the id or the scanned
 * code) and answer it once. `?via=` names the QR code or station the person came through.
 */
export function mpSurveyRoutes({ sessions, responses, clock, timeZone, outcome, results }: MpSurveyRoutesDeps) {
  const router = new Router<MpState>({ prefix: '/api/mp/surveys' })
  router.use(requireMpUser(sessions))

  router.get('/:id', async (ctx) => {
    const { survey, phase, responded, askedOthers, isAppraisal, consentNeeded } = await responses.view(
      ctx.state.mpUser,
      parse(surveyRefParam, ctx.params, 'params').id,
    )
    const result = await results.forVoter(survey, phase, ctx.state.mpUser)
    const over = askedOthers ? await results.closedToOthers(survey, phase) : null
    ctx.body = presentPublicSurvey(
      survey,
      phase,
      responded,
      { timeZone, now: clock.now() },
      { askedOthers, result, closedToOthersText: over, isAppraisal, consentNeeded },
    )
  })

  // Her opinions on a consultation and what became of them (采纳、部分采纳、未采纳 with the reason); whether the 采纳情况 is published.
  router.get('/:id/my-opinions', async (ctx) => {
    const { survey, opinions, publishedAt } = await outcome.mine(ctx.state.mpUser, parse(surveyRefParam, ctx.params, 'params').id)
    const number = new Map(survey.articles.map((a) => [a.id, a.number]))
    ctx.body = { items: opinions.map((o) => presentMyOpinion(o, number.get(o.articleId) ?? '')), outcomePublished: publishedAt !== null }
  })

  // A resend after a lost answer carries the same Idempotency-Key: answered with the response it first wrote
  // (201, Idempotent-Replayed), nothing written twice. The key is kept with the response, not by the
  // `idempotent` middleware, whose record would name the account and the minute beside a secret ballot's votes.
  router.post('/:id/responses', async (ctx) => {
    const { id } = parse(surveyRefParam, ctx.params, 'params')
    // Most answers come with no query string at all: nothing to read or check then.
    const { via } = ctx.querystring ? parse(viaQuery, ctx.query, 'query') : { via: undefined }
    const requestKey = idempotencyKeyOf(ctx) ?? undefined
    const given = ctx.state.body ?? {}
    // The body nearly every answer sends is read directly (plainAnswerBody); any other by respondBody.
    const body = plainAnswerBody(given) ?? parse(respondBody, given, 'body')
    const { response, replayed } = await responses.respondOnce(ctx.state.mpUser, id, { ...body, via: via ?? null }, { requestKey })
    if (replayed) ctx.set('Idempotent-Replayed', 'true')
    ctx.status = 201
    ctx.body = presentResponseReceipt(response)
  })

  return router
}
