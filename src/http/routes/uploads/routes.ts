import Router from '@koa/router'
import type { Clock } from '../../../clock.js'
import type { MpSessions } from '../../../services/accounts/mp-sessions.js'
import type { Uploads } from '../../../services/cases/uploads.js'
import { requireMpUser } from '../../middleware/mp-auth.js'
import { rateLimit } from '../../middleware/rate-limit.js'
import { presentUpload } from '../../presenters/uploads.js'
import { readOneFile } from '../../read-one-file.js'
import type { MpState } from '../../state.js'

export interface UploadRoutesDeps {
  sessions: MpSessions
  uploads: Uploads
  /** The largest image accepted, in bytes. */
  maxBytes: number
  clock: Clock
}

/** A resident uploads one image at a time, to attach to a message. */
export function uploadRoutes({ sessions, uploads, maxBytes, clock }: UploadRoutesDeps) {
  const router = new Router<MpState>({ prefix: '/api/mp/uploads' })
  router.use(requireMpUser(sessions))

  router.post(
    '/',
    rateLimit('mp_upload', 30, 600, (s: MpState) => s.mpUser.id),
    async (ctx) => {
      const saved = await uploads.save(await readOneFile(ctx, maxBytes), ctx.state.mpUser.id, clock.now())
      ctx.status = 201
      ctx.body = presentUpload(saved)
    },
  )

  return router
}
