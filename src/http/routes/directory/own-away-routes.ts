import Router from '@koa/router'
import type { MpSessions } from '../../../services/accounts/mp-sessions.js'
import type { DeputyOwnAway } from '../../../services/directory/deputy-own-away.js'
import { requireDeputy } from '../../middleware/mp-auth.js'
import { presentOwnAway } from '../../presenters/own-away.js'
import type { DeputyState } from '../../state.js'
import { parse } from '../../validate.js'
import { deputyAwayBody } from './schemas.js'

export interface OwnAwayRoutesDeps {
  sessions: MpSessions
  ownAway: DeputyOwnAway
}

/**
 * 暂停接收留言, set by the deputy himself from the mini-program: always his own (the deputy his session is bound to;
 * no deputy is named in the path or the body). Staff set it for him at /api/admin/deputies/:id/away.
 */
export function ownAwayRoutes({ sessions, ownAway }: OwnAwayRoutesDeps) {
  const router = new Router<DeputyState>({ prefix: '/api/mp/deputy/away' })
  router.use(requireDeputy(sessions))

  router.get('/', async (ctx) => {
    ctx.set('Cache-Control', 'no-store')
    ctx.body = presentOwnAway(await ownAway.read(ctx.state.mpUser.deputyId))
  })

  router.put('/', async (ctx) => {
    ctx.body = presentOwnAway(await ownAway.set(ctx.state.mpUser.deputyId, parse(deputyAwayBody, ctx.state.body, 'body')))
  })

  /** Ends it early (or drops one not started): from today new messages come to him again. */
  router.delete('/', async (ctx) => {
    ctx.body = presentOwnAway(await ownAway.end(ctx.state.mpUser.deputyId))
  })

  return router
}
