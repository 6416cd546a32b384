import Router from '@koa/router'
import type { Clock } from '../../../clock.js'
import type { AuthService } from '../../../services/accounts/auth.js'
import { staffUploader, type Uploads } from '../../../services/cases/uploads.js'
import { requireStaff } from '../../middleware/auth.js'
import { rateLimit } from '../../middleware/rate-limit.js'
import { presentUpload } from '../../presenters/uploads.js'
import { readOneFile } from '../../read-one-file.js'
import type { StaffState } from '../../state.js'

export interface UnitUploadRoutesDeps {
  auth: AuthService
  uploads: Uploads
  /** The largest image accepted, in bytes. */
  maxBytes: number
  clock: Clock
}

/**
 * A responsible unit's staff upload one photo at a time, to attach to a quarter's progress
 * report. The same checks as a resident's upload (type read from the bytes, metadata
 * stripped); the staff member is recorded as its owner, so only they can attach it.
 */
export function unitUploadRoutes({ auth, uploads, maxBytes, clock }: UnitUploadRoutesDeps) {
  const router = new Router<StaffState>({ prefix: '/api/unit/uploads' })
  router.use(requireStaff(auth, 'unit_staff'))

  router.post(
    '/',
    rateLimit('unit_upload', 60, 600, (s: StaffState) => s.staff.id),
    async (ctx) => {
      const saved = await uploads.save(await readOneFile(ctx, maxBytes), staffUploader(ctx.state.staff.id), clock.now())
      ctx.status = 201
      ctx.body = presentUpload(saved)
    },
  )

  return router
}
