import type { Store } from '../../store/ports.js'
import { NEEDS_NOTHING_KINDS } from '../delivery/kinds.js'
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
  /** He has bound the bot (config bot.nickname) in a private chat: messages reach him there too. */
  bot: boolean
}

/**
 * Whether each way of the daily digest reaches him now, as the dispatcher would send today's: a mini-program
 * message needs the digest's template set up, his account in the mini-program and a send left (or a long-term
 * yes) on that template; a private chat needs him bound to the bot. His digest page says, for the way he
 * chose, when it would bring him nothing (a digest sent only one way that is not on is lost, not held).
 */
export interface DigestReach {
  mp_subscribe: boolean
  bot_private: boolean
  /** The digest's template, to ask WeChat for at his tap on that page; null while the office has not set it up. */
  templateId: string | null
  /**
   * Mini-program messages for the digest: on for good (long-term), or how many one-time sends are left. Each yes to a
   * one-time template carries one digest, so after his yes his page says every day only for a long-term one, else
   * WeChat's rule and the way that needs no yes (digestSubscribedWords): never a count, as his workbench counts none.
   */
  mpSends: { longTerm: boolean; left: number }
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

  async digestReach(deputyId: string): Promise<DigestReach> {
    // The accounts as ChannelResolver.personReach picks them: the oldest with the mini-program, any with the bot.
    const accounts = await this.store.mpUsers.listByDeputyId(deputyId)
    const app = accounts.find((u) => u.openid)
    const template = this.templateFor('digest')
    const credit = app && template ? await this.store.subscriptions.get(app.id, template.id) : null
    // As the dispatcher spends them: a kind that asks nothing of him never takes the last one-time send.
    const needs = NEEDS_NOTHING_KINDS.has('digest') ? 2 : 1
    return {
      mp_subscribe: !!credit && (credit.longTerm || credit.oneTime >= needs),
      bot_private: accounts.some((u) => u.botContactId),
      templateId: template?.id ?? null,
      mpSends: { longTerm: !!credit?.longTerm, left: credit?.oneTime ?? 0 },
    }
  }
}
