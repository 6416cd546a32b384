import Router from '@koa/router'
import type { DigestService } from '../../../services/digests/digests.js'
import type { MpSessions } from '../../../services/accounts/mp-sessions.js'
import { requireDeputy } from '../../middleware/mp-auth.js'
import type { DeputyState } from '../../state.js'
import { parse } from '../../validate.js'
import { preferencesBody } from './schemas.js'

export interface DeputyDigestRoutesDeps {
  sessions: MpSessions
  digests: DigestService
}

/** A deputy's choices for their daily digest. */
export function deputyDigestRoutes({ sessions, digests }: DeputyDigestRoutesDeps) {
  const router = new Router<DeputyState>({ prefix: '/api/mp/deputy/digest-preferences' })
  router.use(requireDeputy(sessions))

  router.get('/', async (ctx) => {
    ctx.body = await digests.preferences(ctx.state.mpUser.deputyId)
  })

  router.put('/', async (ctx) => {
    ctx.body = await digests.savePreferences(ctx.state.mpUser.deputyId, parse(preferencesBody, ctx.state.body, 'body'))
  })

  return router
}
