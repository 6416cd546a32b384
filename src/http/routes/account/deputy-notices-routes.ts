import Router from '@koa/router'
import type { MpSessions } from '../../../services/accounts/mp-sessions.js'
import type { DeputyNotices } from '../../../services/accounts/deputy-notices.js'
import { requireDeputy } from '../../middleware/mp-auth.js'
import type { DeputyState } from '../../state.js'

export interface DeputyNoticeRoutesDeps {
  sessions: MpSessions
  notices: DeputyNotices
}

/** Whether the deputy will be told of new messages (his workbench says so), and the templates to ask WeChat for. */
export function deputyNoticeRoutes({ sessions, notices }: DeputyNoticeRoutesDeps) {
  const router = new Router<DeputyState>({ prefix: '/api/mp/deputy/notices' })
  router.use(requireDeputy(sessions))

  router.get('/', async (ctx) => {
    ctx.set('Cache-Control', 'no-store')
    const s = await notices.standing(ctx.state.mpUser.deputyId)
    ctx.body = { templateIds: s.templateIds, app: { longTerm: s.app.longTerm, left: s.app.left }, bot: s.bot }
  })

  return router
}
