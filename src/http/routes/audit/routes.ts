import Router from '@koa/router'
import type { AuthService } from '../../../services/accounts/auth.js'
import type { AuditTrail } from '../../../services/audit.js'
import { requireStaff } from '../../middleware/auth.js'
import { presentAuditEntry } from '../../presenters/audit.js'
import type { StaffState } from '../../state.js'
import { parse } from '../../validate.js'
import { auditQuery } from './schemas.js'

export interface AuditRoutesDeps {
  auth: AuthService
  audit: AuditTrail
}

/**
 * Who did what, newest first: logins, imports, edits, who handed on or exported residents' messages, every unmasked
 * phone read. Admins and the city office read all of it; an organizer of districts or streets the office's own part
 * (AuditTrail.readFor), read-only.
 */
export function auditRoutes({ auth, audit }: AuditRoutesDeps) {
  const router = new Router<StaffState>({ prefix: '/api/admin/audit' })
  router.use(requireStaff(auth, 'admin', 'organizer'))

  router.get('/', async (ctx) => {
    const page = await audit.readFor(ctx.state.staff, parse(auditQuery, ctx.query, 'query'))
    ctx.body = { items: page.items.map(presentAuditEntry), nextCursor: page.nextCursor }
  })

  /** The actions the list may be narrowed to, in words (the 操作 filter). */
  router.get('/actions', async (ctx) => {
    ctx.body = { items: audit.actions() }
  })

  return router
}
