import Router from '@koa/router'
import type { LivelihoodViews } from '../../../services/livelihood/views.js'
import { presentPublicCycle } from '../../presenters/livelihood.js'
import type { AppState } from '../../state.js'

export interface PublicLivelihoodDeps {
  views: LivelihoodViews
}

/** Anyone: the year's projects with their progress, and the deputies' ratings once published. */
export function publicLivelihoodRoutes({ views }: PublicLivelihoodDeps) {
  const router = new Router<AppState>()

  router.get('/api/public/livelihood-projects', async (ctx) => {
    ctx.set('Cache-Control', 'public, max-age=300')
    ctx.body = { items: (await views.forPublic()).map(presentPublicCycle) }
  })

  return router
}
