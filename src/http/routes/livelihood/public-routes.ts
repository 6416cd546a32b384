import Router from '@koa/router'
import type { Clock } from '../../../clock.js'
import type { Uploads } from '../../../services/cases/uploads.js'
import type { LivelihoodViews } from '../../../services/livelihood/views.js'
import { presentPublicCycle } from '../../presenters/livelihood.js'
import type { AppState } from '../../state.js'

export interface PublicLivelihoodDeps {
  views: LivelihoodViews
  uploads: Pick<Uploads, 'signedLink'>
  clock: Clock
}

/** Anyone: the year's projects with their progress, and the deputies' ratings once published. */
export function publicLivelihoodRoutes({ views, uploads, clock }: PublicLivelihoodDeps) {
  const router = new Router<AppState>()

  router.get('/api/public/livelihood-projects', async (ctx) => {
    ctx.set('Cache-Control', 'public, max-age=300')
    // Photo links outlive the cached page: config.uploads.linkMinutes is well past 5 minutes.
    const sign = (url: string) => uploads.signedLink(url, clock.now())
    ctx.body = { items: (await views.forPublic()).map((v) => presentPublicCycle(v, sign)) }
  })

  return router
}
