import Router from '@koa/router'
import type { AuthService } from '../../../services/accounts/auth.js'
import type { OfficePrivacyRequests } from '../../../services/privacy/office-requests.js'
import { requireStaff } from '../../middleware/auth.js'
import { officeErasureAnswer, wordsHiddenAnswer } from '../../presenters/office-privacy.js'
import type { StaffState } from '../../state.js'
import { parse } from '../../validate.js'
import { caseIdParam, hideWordsBody, residentErasureBody } from './schemas.js'

export interface ResidentRequestRoutesDeps {
  auth: AuthService
  officePrivacy: OfficePrivacyRequests
}

/**
 * What a resident asks of the 联络站 about her data, done on the message she phones or comes in about (the privacy
 * notice's “也可以联系联络站”): a missed 称呼 hidden, her information deleted. Scoped as reading the message is.
 */
export function residentRequestRoutes({ auth, officePrivacy }: ResidentRequestRoutesDeps) {
  const router = new Router<StaffState>({ prefix: '/api/admin' })
  router.use(requireStaff(auth))

  router.post('/cases/:id/hide-words', async (ctx) => {
    const { id } = parse(caseIdParam, ctx.params, 'params')
    const { words } = parse(hideWordsBody, ctx.state.body ?? {}, 'body')
    ctx.body = wordsHiddenAnswer(await officePrivacy.hideWords(ctx.state.staff, id, words))
  })

  // Said before the clerk confirms; never who wrote an anonymous message.
  router.get('/cases/:id/resident-erasure', async (ctx) => {
    const { id } = parse(caseIdParam, ctx.params, 'params')
    ctx.set('Cache-Control', 'no-store')
    ctx.body = await officePrivacy.erasurePreview(ctx.state.staff, id)
  })

  router.post('/cases/:id/resident-erasure', async (ctx) => {
    const { id } = parse(caseIdParam, ctx.params, 'params')
    const { reason } = parse(residentErasureBody, ctx.state.body ?? {}, 'body')
    ctx.body = officeErasureAnswer(await officePrivacy.erase(ctx.state.staff, id, reason))
  })

  return router
}
