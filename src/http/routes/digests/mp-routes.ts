import Router from '@koa/router'
import type { DigestService } from '../../../services/digests/digests.js'
import type { DeputyNotices } from '../../../services/accounts/deputy-notices.js'
import type { MpSessions } from '../../../services/accounts/mp-sessions.js'
import { requireDeputy } from '../../middleware/mp-auth.js'
import type { DeputyState } from '../../state.js'
import { parse } from '../../validate.js'
import { preferencesBody } from './schemas.js'

export interface DeputyDigestRoutesDeps {
  sessions: MpSessions
  digests: DigestService
  notices: Pick<DeputyNotices, 'digestReach'>
}

/**
 * A deputy's choices for their daily digest, with `reach`: whether each way reaches him now
 * ({ mp_subscribe, bot_private, templateId, mpSends }), read again after every save, so that his page can say
 * when the way he chose would bring him nothing.
 */
export function deputyDigestRoutes({ sessions, digests, notices }: DeputyDigestRoutesDeps) {
  const router = new Router<DeputyState>({ prefix: '/api/mp/deputy/digest-preferences' })
  router.use(requireDeputy(sessions))

  router.get('/', async (ctx) => {
    const deputyId = ctx.state.mpUser.deputyId
    // A subscription or a chat bound a moment ago must show at once: never a cached answer.
    ctx.set('Cache-Control', 'no-store')
    ctx.body = { ...(await digests.preferences(deputyId)), reach: await notices.digestReach(deputyId) }
  })

  router.put('/', async (ctx) => {
    const deputyId = ctx.state.mpUser.deputyId
    const saved = await digests.savePreferences(deputyId, parse(preferencesBody, ctx.state.body, 'body'))
    ctx.body = { ...saved, reach: await notices.digestReach(deputyId) }
  })

  return router
}
