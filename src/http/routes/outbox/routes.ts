import Router from '@koa/router'
import { z } from 'zod'
import type { Clock } from '../../../clock.js'
import { ConflictError, NotFoundError } from '../../../errors.js'
import { requireBot } from '../../middleware/bot-auth.js'
import type { AuthService } from '../../../services/auth.js'
import type { BotOutbox } from '../../../services/delivery/bot-outbox.js'
import { deliveryOf } from '../../../services/delivery/delivery-state.js'
import { recipientNames } from '../../../services/delivery/recipient-names.js'
import type { OutboxMessage, Store } from '../../../store/ports.js'
import { requireStaff } from '../../middleware/auth.js'
import { pageQuery } from '../../schemas.js'
import type { AppState } from '../../state.js'
import { parse } from '../../validate.js'

const messageId = z.strictObject({ id: z.string().regex(/^[0-9a-f-]{36}$/, '消息编号格式无效') })
const leaseBody = z.strictObject({ limit: z.number().int().min(1).max(50).default(10), instance: z.string().regex(/^[\w.-]{1,40}$/).default('bot') })
const ackBody = z.strictObject({ instance: z.string().regex(/^[\w.-]{1,40}$/).default('bot') })
const failBody = z.strictObject({ instance: z.string().regex(/^[\w.-]{1,40}$/).default('bot'), error: z.string().min(1).max(500), retryable: z.boolean() })
const outboxQuery = z.strictObject({
  ...pageQuery,
  status: z.enum(['pending', 'sending', 'sent', 'failed', 'dead']).optional(),
  channel: z.string().max(20).optional(),
  kind: z.string().max(40).optional(),
  recipientId: z.string().max(64).optional(),
})

const presentMessage = (m: OutboxMessage, names = new Map<string, string>()) => ({
  id: m.id, channel: m.channel, recipientKind: m.recipientKind, recipientId: m.recipientId, kind: m.kind, status: m.status,
  recipientName: names.get(`${m.recipientKind}:${m.recipientId}`) ?? null,
  attempts: m.attempts, nextAttemptAt: m.nextAttemptAt.toISOString(), lastError: m.lastError, waitingReason: m.waitingReason ?? null,
  sentAt: m.sentAt?.toISOString() ?? null, createdAt: m.createdAt.toISOString(), text: (m.payload as { text?: string }).text ?? null,
  // 已送达 / 待发送 / 未能送达 / 已取代 with the reason, as organizers read it.
  delivery: deliveryOf(m),
})

/** The bot's end of the outbox, and the console's view of everything waiting or dead. */
export function outboxRoutes(bot: BotOutbox, auth: AuthService, store: Store, clock: Clock, botSecret: string | null) {
  const router = new Router<AppState>()
  const botOnly = requireBot(botSecret)

  router.post('/api/bot/outbox/lease', botOnly, async (ctx) => {
    const { limit, instance } = parse(leaseBody, ctx.state.body, 'body')
    ctx.body = { items: await bot.lease(instance, limit) }
  })
  router.post('/api/bot/outbox/:id/ack', botOnly, async (ctx) => {
    const { id } = parse(messageId, ctx.params, 'params')
    ctx.body = await bot.ack(parse(ackBody, ctx.state.body, 'body').instance, id)
  })
  router.post('/api/bot/outbox/:id/fail', botOnly, async (ctx) => {
    const { id } = parse(messageId, ctx.params, 'params')
    const { instance, error, retryable } = parse(failBody, ctx.state.body, 'body')
    ctx.body = await bot.fail(instance, id, error, retryable)
  })

  // Admins only: message texts name tickets and people, across the whole city.
  router.get('/api/admin/outbox', requireStaff(auth, 'admin'), async (ctx) => {
    const query = parse(outboxQuery, ctx.query, 'query')
    const [counts, byChannel, page] = await Promise.all([store.outbox.countsByStatus(), store.outbox.countsByChannel(), store.outbox.search(query)])
    const names = await recipientNames(store, page.items)
    ctx.body = { counts, byChannel, items: page.items.map((m) => presentMessage(m, names)), nextCursor: page.nextCursor }
  })
  router.post('/api/admin/outbox/:id/retry', requireStaff(auth, 'admin'), async (ctx) => {
    const { id } = parse(messageId, ctx.params, 'params')
    if (!(await store.outbox.retryDead(id, clock.now()))) {
      const m = await store.outbox.get(id)
      if (!m) throw new NotFoundError('消息不存在')
      throw new ConflictError('只有发送失败（dead）的消息可以重试', [{ path: 'status', message: m.status }], 'not_dead')
    }
    const m = (await store.outbox.get(id))!
    ctx.body = presentMessage(m, await recipientNames(store, [m]))
  })

  return router
}
