import Router from '@koa/router'
import type { AuthService } from '../../../services/accounts/auth.js'
import type { DigestService } from '../../../services/digests/digests.js'
import type { DirectoryService } from '../../../services/directory/directory.js'
import { requireStaff } from '../../middleware/auth.js'
import { presentDigestPreview } from '../../presenters/digests.js'
import { idParam } from '../../schemas.js'
import type { StaffState } from '../../state.js'
import { parse } from '../../validate.js'
import { dayQuery } from './schemas.js'

export interface DigestRoutesDeps {
  auth: AuthService
  digests: DigestService
  directory: DirectoryService
}

/** The daily digest in the console: an organizer's preview of one deputy's, and how a day's delivery goes. */
export function digestRoutes({ auth, digests, directory }: DigestRoutesDeps) {
  const router = new Router<StaffState>({ prefix: '/api/admin' })
  router.use(requireStaff(auth, 'organizer', 'admin'))

  router.get('/deputies/:id/digest', async (ctx) => {
    const { id } = parse(idParam, ctx.params, 'params')
    const { date } = parse(dayQuery, ctx.query, 'query')
    await directory.deputy(ctx.state.staff, id) // only deputies the organizer may see
    ctx.body = presentDigestPreview(date, await digests.preview(id, date, ctx.state.staff))
  })

  router.get('/digests', async (ctx) => {
    const { date } = parse(dayQuery, ctx.query, 'query')
    ctx.body = { date, channels: await digests.delivery(date) }
  })

  return router
}
