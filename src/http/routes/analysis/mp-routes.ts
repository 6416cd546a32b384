import Router from '@koa/router'
import type { MpSessions } from '../../../services/accounts/mp-sessions.js'
import type { PublicationService } from '../../../services/analysis/publications.js'
import { requireMpUser } from '../../middleware/mp-auth.js'
import type { MpState } from '../../state.js'
import { parse } from '../../validate.js'
import { caseIdParam } from '../cases/schemas.js'

export interface PublicConsentRouteDeps {
  sessions: MpSessions
  publications: PublicationService
}

/** A resident takes back their agreement to publish a message: off the public list at once. */
export function publicConsentRoutes(deps: PublicConsentRouteDeps) {
  const router = new Router<MpState>({ prefix: '/api/mp/cases' })
  router.use(requireMpUser(deps.sessions))

  router.delete('/:id/public-consent', async (ctx) => {
    const { id } = parse(caseIdParam, ctx.params, 'params')
    const { unpublished } = await deps.publications.withdrawConsent(ctx.state.mpUser, id)
    ctx.body = { publicConsent: false, unpublished, message: unpublished ? '已撤回公开同意，这条留言已从公开列表中撤下' : '已撤回公开同意，这条留言不会被公开' }
  })

  return router
}
