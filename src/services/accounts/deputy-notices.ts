import type { Store } from '../../store/ports.js'
import { templatesToAsk } from './notice-templates.js'

/**
 * The kinds of message a deputy is sent, most needed first: a new message, 催办, the resident's
 * rating and 重新办理, a meeting notice, the daily digest. Their templates are what his workbench asks
 * WeChat for; WeChat takes at most three templates at one tap (wx.requestSubscribeMessage).
 */
export const DEPUTY_NOTICE_KINDS = ['case.assigned', 'case.urged', 'case.reopened', 'case.rated', 'meeting.notice', 'digest'] as const
export { MAX_TEMPLATES_PER_ASK } from './notice-templates.js'

/** Whether a deputy will be told of new messages, and by which way: what his workbench says. */
export interface DeputyNoticeStanding {
  /** The templates to ask WeChat for at his tap (≤ 3); none when subscribe messages are not set up. */
  templateIds: string[]
  /** Mini-program messages for a new message: on for good (long-term), or how many one-time sends are left. */
  app: { longTerm: boolean; left: number }
  /** He has bound the 联络助手 (the bot) in a private chat: messages reach him there too. */
  bot: boolean
}

export class DeputyNotices {
  constructor(
    private readonly store: Pick<Store, 'mpUsers' | 'subscriptions'>,
    private readonly templateFor: (kind: string) => { id: string } | null,
  ) {}

  async standing(deputyId: string): Promise<DeputyNoticeStanding> {
    const templateIds = templatesToAsk(DEPUTY_NOTICE_KINDS, this.templateFor)
    // As the dispatcher reaches him: the oldest account with the mini-program, the one with the bot.
    const accounts = await this.store.mpUsers.listByDeputyId(deputyId)
    const app = accounts.find((u) => u.openid)
    const newMessage = this.templateFor('case.assigned')
    const credit = app && newMessage ? await this.store.subscriptions.get(app.id, newMessage.id) : null
    return { templateIds, app: { longTerm: credit?.longTerm ?? false, left: credit?.oneTime ?? 0 }, bot: accounts.some((u) => u.botContactId) }
  }
}
