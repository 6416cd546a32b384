import Router from '@koa/router'
import type { BotOutbox } from '../../../services/delivery/bot-outbox.js'
import { requireBot } from '../../middleware/bot-auth.js'
import type { AppState } from '../../state.js'
import { parse } from '../../validate.js'
import { ackBody, beforeSendingBody, failBody, leaseBody, messageId } from '../outbox/schemas.js'

export interface BotOutboxRoutesDeps {
  outbox: BotOutbox
  botSecret: string | null
}

/** The bot's end of the outbox: lease what is due, ask again right before saying each to a person, then ack or fail it. */
export function botOutboxRoutes({ outbox, botSecret }: BotOutboxRoutesDeps) {
  const router = new Router<AppState>({ prefix: '/api/bot/outbox' })
  router.use(requireBot(botSecret))

  router.post('/lease', async (ctx) => {
    const { limit, instance } = parse(leaseBody, ctx.state.body, 'body')
    ctx.body = { items: await outbox.lease(instance, limit) }
  })

  router.post('/:id/ack', async (ctx) => {
    const { id } = parse(messageId, ctx.params, 'params')
    const { instance, address } = parse(ackBody, ctx.state.body, 'body')
    ctx.body = await outbox.ack(instance, id, address)
  })

  // Right before the bot says a person's message: still that person's chat? If not, the message is routed again.
  router.post('/:id/before-sending', async (ctx) => {
    const { id } = parse(messageId, ctx.params, 'params')
    const { instance, address, alias } = parse(beforeSendingBody, ctx.state.body, 'body')
    ctx.body = await outbox.beforeSending(instance, id, address, alias)
  })

  router.post('/:id/fail', async (ctx) => {
    const { id } = parse(messageId, ctx.params, 'params')
    const { instance, error, retryable, code } = parse(failBody, ctx.state.body, 'body')
    ctx.body = await outbox.fail(instance, id, error, retryable, code)
  })

  return router
}
