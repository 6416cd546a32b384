import Router from '@koa/router'
import type { Clock } from '../../../clock.js'
import type { Uploads } from '../../../services/cases/uploads.js'
import type { MpSessions } from '../../../services/accounts/mp-sessions.js'
import type { LivelihoodRatings } from '../../../services/livelihood/ratings.js'
import { requireDeputy } from '../../middleware/mp-auth.js'
import { presentCycle, presentProgress, presentProject, presentRating } from '../../presenters/livelihood.js'
import type { DeputyState } from '../../state.js'
import { parse } from '../../validate.js'
import { livelihoodIdParam, ratingBody } from './schemas.js'

export interface DeputyLivelihoodDeps {
  sessions: MpSessions
  ratings: LivelihoodRatings
  uploads: Pick<Uploads, 'signedLink'>
  clock: Clock
}

/** 人大评: a deputy rates each of the year's projects once. */
export function deputyLivelihoodRoutes({ sessions, ratings, uploads, clock }: DeputyLivelihoodDeps) {
  const router = new Router<DeputyState>({ prefix: '/api/mp/deputy/livelihood' })
  router.use(requireDeputy(sessions))

  router.get('/ratings', async (ctx) => {
    const cycles = await ratings.toRate(ctx.state.mpUser.deputyId)
    ctx.body = {
      items: cycles.map((c) => ({
        ...presentCycle(c.cycle),
        projects: c.projects.map((p) => ({
          ...presentProject(p.project),
          progress: p.reports.map((r) => presentProgress(r, (url) => uploads.signedLink(url, clock.now()))),
          myRating: p.rating && presentRating(p.rating),
        })),
      })),
    }
  })

  router.post('/projects/:id/rating', async (ctx) => {
    const { id } = parse(livelihoodIdParam, ctx.params, 'params')
    ctx.status = 201
    ctx.body = presentRating(await ratings.rate(ctx.state.mpUser.deputyId, id, parse(ratingBody, ctx.state.body, 'body')))
  })

  return router
}
