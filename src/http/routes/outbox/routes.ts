import Router from '@koa/router'
import type { AuthService } from '../../../services/accounts/auth.js'
import type { OutboxConsole } from '../../../services/delivery/outbox-console.js'
import { requireStaff } from '../../middleware/auth.js'
import { presentOutboxMessage } from '../../presenters/outbox.js'
import type { StaffState } from '../../state.js'
import { parse } from '../../validate.js'
import { messageId, outboxQuery } from './schemas.js'

export interface OutboxRoutesDeps {
  auth: AuthService
  outbox: OutboxConsole
}

/** The console's view of everything waiting or dead. Admins only: message texts name tickets and people, across the whole city. */
export function outboxRoutes({ auth, outbox }: OutboxRoutesDeps) {
  const router = new Router<StaffState>({ prefix: '/api/admin/outbox' })
  router.use(requireStaff(auth, 'admin'))

  router.get('/', async (ctx) => {
    const { counts, byChannel, page, names, retryable } = await outbox.overview(parse(outboxQuery, ctx.query, 'query'))
    ctx.body = { counts, byChannel, items: page.items.map((m) => presentOutboxMessage(m, names, retryable.has(m.id))), nextCursor: page.nextCursor }
  })

  router.post('/:id/retry', async (ctx) => {
    const { id } = parse(messageId, ctx.params, 'params')
    const { message, names } = await outbox.retry(id)
    ctx.body = presentOutboxMessage(message, names)
  })

  return router
}
