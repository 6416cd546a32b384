import Router from '@koa/router'
import type { MpSessions } from '../../../services/accounts/mp-sessions.js'
import type { DeputyNotices } from '../../../services/accounts/deputy-notices.js'
import type { MpAccounts } from '../../../services/accounts/mp-account.js'
import { requireDeputy } from '../../middleware/mp-auth.js'
import { rateLimit } from '../../middleware/rate-limit.js'
import { presentChatCode } from '../../presenters/binding-codes.js'
import type { DeputyState } from '../../state.js'

export interface DeputyNoticeRoutesDeps {
  sessions: MpSessions
  notices: DeputyNotices
  /** His own chat code (绑定联络助手), when his chat is not bound yet. */
  accounts: Pick<MpAccounts, 'issueChatCode'>
}

/** Whether the deputy will be told of new messages (his workbench says so), and the templates to ask WeChat for. */
export function deputyNoticeRoutes({ sessions, notices, accounts }: DeputyNoticeRoutesDeps) {
  const router = new Router<DeputyState>({ prefix: '/api/mp/deputy/notices' })
  router.use(requireDeputy(sessions))

  router.get('/', async (ctx) => {
    ctx.set('Cache-Control', 'no-store')
    const s = await notices.standing(ctx.state.mpUser.deputyId)
    ctx.body = { templateIds: s.templateIds, app: { longTerm: s.app.longTerm, left: s.app.left }, bot: s.bot }
  })

  // A handful an hour is plenty for one who let a code run out; each is a live code a guesser could hit.
  const chatCodeLimit = rateLimit('mp_deputy_chat_code', 10, 3600, (s: DeputyState) => s.mpUser.id, '点的次数太多了，请过一个小时再点。')

  /** His chat's code: he sends "绑定 123456" to the bot, and new messages and reminders reach him there too. */
  router.post('/chat-code', chatCodeLimit, async (ctx) => {
    const code = await accounts.issueChatCode(ctx.state.mpUser)
    ctx.set('Cache-Control', 'no-store')
    ctx.status = 201
    ctx.body = presentChatCode(code)
  })

  return router
}
