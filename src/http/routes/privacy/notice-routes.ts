import Router from '@koa/router'
import type { PrivacyService } from '../../../services/privacy/privacy.js'
import type { AppState } from '../../state.js'

export interface PrivacyNoticeRoutesDeps {
  privacy: PrivacyService
}

/** The privacy notice, which anyone may read before logging in or agreeing. */
export function privacyNoticeRoutes({ privacy }: PrivacyNoticeRoutesDeps) {
  const router = new Router<AppState>({ prefix: '/api/mp' })

  router.get('/privacy', (ctx) => {
    ctx.body = privacy.notice
  })

  return router
}
