import Router from '@koa/router'
import type { ConsultationOutcome } from '../../../services/surveys/consultation-outcome.js'
import { presentOutcomeSummary } from '../../presenters/surveys.js'
import type { AppState } from '../../state.js'
import { parse } from '../../validate.js'
import { surveyRefParam } from './schemas.js'

export interface PublicSurveyDeps {
  outcome: Pick<ConsultationOutcome, 'summary'>
}

/** Anyone (no login): a consultation's 采纳情况 once the office has published it; 404 before. */
export function publicSurveyRoutes({ outcome }: PublicSurveyDeps) {
  const router = new Router<AppState>()
  router.get('/api/public/consultations/:id/outcome', async (ctx) => {
    ctx.set('Cache-Control', 'public, max-age=300')
    ctx.body = presentOutcomeSummary(await outcome.summary(parse(surveyRefParam, ctx.params, 'params').id))
  })
  return router
}
