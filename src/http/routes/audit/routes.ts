import Router from '@koa/router'
import { z } from 'zod'
import type { AuthService } from '../../../services/accounts/auth.js'
import type { AuditRepo } from '../../../store/ports.js'
import { requireStaff } from '../../middleware/auth.js'
import { pageQuery } from '../../schemas.js'
import type { AppState } from '../../state.js'
import { parse } from '../../validate.js'

const auditQuery = z.strictObject({
  ...pageQuery,
  action: z.string().regex(/^[a-z._]{1,64}$/).optional(),
  targetId: z.string().max(64).optional(),
  actorId: z.string().max(64).optional(),
})

/** Who did what, newest first: logins, imports, edits, every unmasked phone read. */
export function auditRoutes(auth: AuthService, audit: AuditRepo) {
  const router = new Router<AppState>({ prefix: '/api/admin/audit' })
  router.get('/', requireStaff(auth, 'admin'), async (ctx) => {
    const page = await audit.list(parse(auditQuery, ctx.query, 'query'))
    ctx.body = {
      items: page.items.map((e) => ({
        id: e.id, at: e.at.toISOString(), actorKind: e.actorKind, actorId: e.actorId, action: e.action,
        targetKind: e.targetKind, targetId: e.targetId, details: e.details,
      })),
      nextCursor: page.nextCursor,
    }
  })
  return router
}
