import Router from '@koa/router'
import type { AuthService } from '../../../services/accounts/auth.js'
import type { DigestService } from '../../../services/digests/digests.js'
import type { DirectoryService } from '../../../services/directory/directory.js'
import type { MpSessions } from '../../../services/accounts/mp-sessions.js'
import { requireStaff } from '../../middleware/auth.js'
import { requireMpUser } from '../../middleware/mp-auth.js'
import { idParam } from '../../schemas.js'
import type { AppState } from '../../state.js'
import { parse } from '../../validate.js'
import { dayQuery, preferencesBody } from './schemas.js'

/** The daily digest: a deputy's choices, an organizer's preview, and how a day's delivery goes. */
export function digestRoutes(digests: DigestService, sessions: MpSessions, auth: AuthService, directory: DirectoryService) {
  const router = new Router<AppState>()
  const deputy = requireMpUser(sessions, { deputy: true })
  const organizers = requireStaff(auth, 'organizer', 'admin')

  router.get('/api/mp/deputy/digest-preferences', deputy, async (ctx) => {
    ctx.body = await digests.preferences(ctx.state.mpUser!.deputyId!)
  })

  router.put('/api/mp/deputy/digest-preferences', deputy, async (ctx) => {
    ctx.body = await digests.savePreferences(ctx.state.mpUser!.deputyId!, parse(preferencesBody, ctx.state.body, 'body'))
  })

  router.get('/api/admin/deputies/:id/digest', organizers, async (ctx) => {
    const { id } = parse(idParam, ctx.params, 'params')
    const { date } = parse(dayQuery, ctx.query, 'query')
    await directory.deputy(ctx.state.staff!, id) // only deputies the organizer may see
    const digest = await digests.preview(id, date)
    ctx.body = { date, digest: digest ? { title: digest.title, text: digest.text, counts: digest.counts } : null }
  })

  router.get('/api/admin/digests', organizers, async (ctx) => {
    const { date } = parse(dayQuery, ctx.query, 'query')
    ctx.body = { date, channels: await digests.delivery(date) }
  })

  return router
}
