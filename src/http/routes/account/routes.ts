import Router from '@koa/router'
import type { MpAccounts } from '../../../services/accounts/mp-account.js'
import type { ChatJoin } from '../../../services/accounts/chat-join.js'
import { presentChatCode } from '../../presenters/binding-codes.js'
import { CHAT_JOIN_REFUSED_MESSAGE, chatJoinedAnswer, chatUnjoinedAnswer, presentChatJoin } from '../../presenters/chat-join.js'
import type { MpSessions } from '../../../services/accounts/mp-sessions.js'
import { requireMpUser } from '../../middleware/mp-auth.js'
import { rateLimit } from '../../middleware/rate-limit.js'
import type { MpState } from '../../state.js'
import { parse } from '../../validate.js'
import { bindBody, chatJoinParam, phoneBody, subscriptionsBody } from './schemas.js'

export interface AccountRoutesDeps {
  sessions: MpSessions
  accounts: MpAccounts
  chatJoin: Pick<ChatJoin, 'issue' | 'state' | 'confirm' | 'refuse' | 'unjoin'>
  /** The office's zone: the day her chat was joined, as 我的 says it. */
  timeZone: string
}

/** A person's mini-program account: who they are, binding a deputy's account, joining her chat, phone number and subscriptions. */
export function accountRoutes({ sessions, accounts, chatJoin, timeZone }: AccountRoutesDeps) {
  const router = new Router<MpState>({ prefix: '/api/mp' })
  router.use(requireMpUser(sessions))

  // With her chat as 我的 shows it: a chat asking to join (her answer waits) or the chat joined (chat-join.ts).
  router.get('/me', async (ctx) => {
    const [profile, join] = await Promise.all([accounts.profile(ctx.state.mpUser), chatJoin.state(ctx.state.mpUser)])
    ctx.body = { ...profile, chatJoin: presentChatJoin(join, timeZone) }
  })

  router.post('/bind', async (ctx) => {
    ctx.body = await accounts.bind(ctx.state.mpUser, parse(bindBody, ctx.state.body, 'body').bindCode, ctx.ip)
  })

  // A handful an hour is plenty for one who lost a code or let one run out; each is a live code a guesser could hit.
  const chatCodeLimit = rateLimit('mp_chat_code', 10, 3600, (s: MpState) => s.mpUser.id, '点的次数太多了，请过一个小时再点。')

  /** A resident's one-time code: she sends "绑定 123456" to the bot, and her chat messages join this account. */
  router.post('/me/chat-code', chatCodeLimit, async (ctx) => {
    const code = await chatJoin.issue(ctx.state.mpUser)
    ctx.set('Cache-Control', 'no-store')
    ctx.status = 201
    ctx.body = presentChatCode(code)
  })

  /** 是我的，放到这里: the chat that sent her code joins this account (the one write that moves anything). */
  router.post('/me/chat-join/:id/confirm', async (ctx) => {
    const { id } = parse(chatJoinParam, ctx.params, 'params')
    ctx.body = chatJoinedAnswer(await chatJoin.confirm(ctx.state.mpUser, id))
  })

  /** 不是我的: the chat that sent her code joins nothing. */
  router.post('/me/chat-join/:id/refuse', async (ctx) => {
    await chatJoin.refuse(ctx.state.mpUser, parse(chatJoinParam, ctx.params, 'params').id)
    ctx.body = { message: CHAT_JOIN_REFUSED_MESSAGE }
  })

  /** 解除: the joined chat no longer goes on as this account; what came from it goes back to it (ChatJoin.unjoin). */
  router.delete('/me/chat-join', async (ctx) => {
    ctx.body = chatUnjoinedAnswer(await chatJoin.unjoin(ctx.state.mpUser))
  })

  router.post('/phone', async (ctx) => {
    ctx.body = await accounts.addPhone(ctx.state.mpUser, parse(phoneBody, ctx.state.body, 'body').code)
  })

  router.post('/subscriptions', async (ctx) => {
    const { results } = parse(subscriptionsBody, ctx.state.body, 'body')
    ctx.body = { recorded: await accounts.recordSubscriptions(ctx.state.mpUser, results) }
  })

  return router
}
