import type { Logger } from 'pino'
import type { CaseRules, LiaisonClient, OutboxItem } from './client.js'
import type { Inbox } from './inbox.js'
import { PacerStoppedError, type Pacer, type PaceClock } from './pacer.js'
import { ConversationNotFoundError, type Speaker } from './speaker.js'
import { reopenLine, SCALE_LINE } from './flows/rating-scale.js'
import { sendFailureCode } from './send-failure.js'
import { lines, shortTicket } from './flows/turn.js'

/**
 * Why a message found no chat, as the office reads it on 消息发送情况 (the bot's own "conversation not found: wxid_…"
 * told them nothing). A person missing from the account's contacts is, nearly always, one who is not (or no longer)
 * the station's friend: only he can add it, which the console says beside these words (they hold its
 * "对方不是好友，无法私聊"). Just after a login the contacts may not be loaded yet: it is sent again by itself.
 */
export function notFoundWords(channel: string, loading: boolean): string {
  if (loading) return '微信助手刚登录，联系人可能还没加载完，稍后会自动再发'
  if (channel === 'bot_room') return '找不到本站的微信群：微信助手可能已被移出群，或群名改了。请把微信助手拉回群里，在群里再发一次“绑定站点”'
  return '对方不是好友，无法私聊：微信助手的好友里找不到这个人（可能删除了好友）'
}

export interface OutboxOptions {
  instance: string
  leaseLimit: number
  pollMs: number
  /** After a login, how long "not found" means "not loaded yet" and is tried again. */
  notFoundGraceMs: number
}

/**
 * The bot's part of the outbox: lease due messages, send each through the pacer, ack
 * it, or report the failure (a contact or room that no longer exists is not worth
 * retrying). Nothing is leased while the pacer is cooling down or at its daily cap, so
 * messages wait in the backend rather than in a lease that runs out.
 *
 * After a re-login that changed the ids, a person is found by the remark on their contact
 * and a station's group by its topic (both come with the message); the backend is told
 * where they were found, so the person is known again by the new id. Only when that fails
 * too is the message given up, and not in the first minutes after a login, while the
 * puppet may still be loading the contact list.
 *
 * A case reply to a resident is sent in full (the message carries the whole reply beside
 * its short notice line) and puts the resident's dialogue into "awaiting rating".
 */
export class OutboxConsumer {
  private timer: NodeJS.Timeout | null = null
  private running: Promise<void> | null = null
  private active = false
  /** When the current login began (start() is called at each login). */
  private loggedInAt = 0

  constructor(
    private readonly client: LiaisonClient,
    private readonly speaker: Speaker,
    private readonly pacer: Pacer,
    private readonly inbox: Inbox,
    private readonly clock: PaceClock,
    private readonly options: OutboxOptions,
    private readonly log: Logger,
  ) {}

  start() {
    this.loggedInAt = this.clock.now()
    if (this.active) return
    this.active = true
    this.schedule(0)
  }

  async stop() {
    this.active = false
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    await this.running?.catch(() => {})
  }

  /** Asks for work now instead of at the next poll (tests; a hint that something is due). */
  poke() {
    if (this.active && this.timer && !this.running) {
      clearTimeout(this.timer)
      this.schedule(0)
    }
  }

  /** One round: lease, send, ack. Returns how many messages were settled. */
  async runOnce(): Promise<number> {
    if (this.pacer.blockedUntil() > this.clock.now()) return 0
    const items = await this.client.lease(this.options.leaseLimit, this.options.instance)
    let settled = 0
    for (const item of items) {
      if (await this.deliver(item)) settled++
    }
    return settled
  }

  private schedule(ms: number) {
    this.timer = setTimeout(() => {
      this.timer = null
      this.running = this.runOnce()
        .then(
          (n) => n,
          (err) => {
            this.log.warn({ err: String(err) }, 'bot: outbox round failed')
            return 0
          },
        )
        .then((n) => {
          this.running = null
          if (this.active) this.schedule(n > 0 ? 0 : this.options.pollMs)
        })
    }, ms)
  }

  private async deliver(item: OutboxItem): Promise<boolean> {
    const { instance } = this.options
    let foundAt: string
    try {
      foundAt = item.channel === 'bot_room' ? await this.toRoom(item) : await this.toPerson(item)
    } catch (err) {
      if (err instanceof PacerStoppedError) return false // the lease runs out and another round sends it
      // Not this person's chat any more: the backend has routed the message again already (beforeSending).
      if (err instanceof NotTheirChatError) {
        this.log.info({ id: item.id }, 'bot: outbox message routed again: the chat is no longer its person’s')
        return true
      }
      const loading = err instanceof ConversationNotFoundError && this.clock.now() - this.loggedInAt < this.options.notFoundGraceMs
      // The code is what the console says and advises by; the puppet's own words go along for the logs.
      const code = sendFailureCode(err, item.channel, loading)
      // A file too large stays too large: sending it again only fails again.
      const retryable = code !== 'file_too_large' && (!(err instanceof ConversationNotFoundError) || loading)
      this.log.warn({ id: item.id, err: String(err), retryable }, 'bot: outbox message not sent')
      const error = err instanceof ConversationNotFoundError ? notFoundWords(item.channel, loading) : String((err as Error).message ?? err)
      await this.client.fail(item.id, instance, error, retryable, code).catch((e) => this.log.warn({ err: String(e) }, 'bot: fail not reported'))
      return false
    }
    // Known to her chat before the backend hears it went: her "好的" the moment she reads it may be to the notice.
    if (item.channel === 'bot_private' && ASKS_FOR_AN_ANSWER.has(item.kind)) await this.inbox.receive({ kind: 'meetingNotice', contactId: foundAt })
    // A notice naming a message (new, handed to her, given back, urged, late): her "是" next may be to it, so it no longer
    // does a command the bot offered before it (deputy-yes.ts).
    else if (item.channel === 'bot_private' && item.kind.startsWith('case.')) {
      const asked = actionOf(item)
      await this.inbox.receive({
        kind: 'caseNotice',
        contactId: foundAt,
        asks: asked && (asked.acknowledge ? `受理 ${asked.short}` : `回复 ${asked.short} 再写上答复`),
        ticket: item.ticket ?? null,
      })
    }
    const moved = foundAt !== item.address ? foundAt : undefined
    await this.client
      .ack(item.id, instance, moved)
      .catch((err) => this.log.warn({ id: item.id, err: String(err) }, 'bot: ack failed; the message may be sent again'))
    if (item.kind === 'case.replied' && item.channel === 'bot_private' && item.ticket) {
      await this.inbox.receive({ kind: 'awaitRating', contactId: foundAt, ticket: item.ticket })
    }
    // The digest numbers his messages ("1. 0003 …"): a bare number after it is one of those lines, not her older question.
    if (item.kind === 'digest' && item.channel === 'bot_private' && /^\d+\. /m.test(item.text)) {
      // Which message each line is, as the digest listed them: her "2" is its second line, whatever is done meanwhile.
      await this.inbox.receive({ kind: 'todoShown', contactId: foundAt, ...(item.listed?.length ? { lines: item.listed } : {}) })
    }
    return true
  }

  /** Says the message to the station's room; returns the room id it was said in. */
  private async toRoom(item: OutboxItem): Promise<string> {
    const room = await this.speaker.findRoom(item.address, item.topic ?? null)
    await this.speaker.say(room, item.text, 'push', item.id)
    return room.id
  }

  /** Says the message to the person; returns the contact id it was said to. */
  private async toPerson(item: OutboxItem): Promise<string> {
    const contact = await this.speaker.findContact(item.address, item.alias ?? null)
    if (contact.id !== item.address && item.alias) {
      // Found by the remark: the backend knows the person again by the new id (their staff
      // binding and a half-written message move along), before anything else is sent.
      await this.client
        .resolvePerson({ contactId: contact.id, alias: item.alias, name: contact.name() })
        .catch((err) => this.log.warn({ err: String(err) }, 'bot: the new contact id was not reported'))
    }
    // The rating question says which scores may ask for 重新办理, as the backend is configured.
    const rules = item.kind === 'case.replied' && item.reply ? await this.client.caseRules() : null
    await this.speaker.say(contact, textFor(item, rules), 'push', item.id, item.checkBeforeSending ? this.stillTheirs(item, contact.id) : null)
    return contact.id
  }

  /**
   * Asked in the pacer's turn, right before each part is said: whether the contact is still the person's chat. The
   * lease asked too, but a message may wait its turn a while (the pace, a cool-down), and a 解除 said meanwhile makes
   * the chat someone else's: the backend then routes the message again, and nothing is said here. Unsure (the backend
   * does not answer), nothing is said either: the failure is reported and the message comes again.
   */
  private stillTheirs(item: OutboxItem, contactId: string) {
    // The remark counts only when the contact was found by it: the id it was routed to had changed (a re-login).
    const alias = contactId !== item.address ? (item.alias ?? null) : null
    return async () => {
      const { send } = await this.client.beforeSending(item.id, this.options.instance, contactId, alias)
      if (!send) throw new NotTheirChatError(contactId)
    }
  }
}

/** The chat a person's message was about to be said in is no longer theirs (a 解除 since the lease …). */
class NotTheirChatError extends Error {
  constructor(contactId: string) {
    super(`no longer the person's chat: ${contactId}`)
  }
}

/** Meeting notices that ask for 参加 or 请假: a yes said after one may be to it, not to an answer waiting for "是". */
const ASKS_FOR_AN_ANSWER = new Set(['meeting.notice', 'meeting.changed', 'meeting.rsvp_nudge', 'meeting.reminder'])

/**
 * Notices that ask a deputy to act on a case, and whether it needs 受理 (acknowledging) first when the
 * backend does not say (an older one): a new message and one handed back to him by a resident not
 * satisfied (待受理 in his 待办) do; reminders may come either side of it, and the backend says which.
 */
const DEPUTY_ACTIONS: Record<string, { acknowledge: boolean }> = {
  'case.assigned': { acknowledge: true },
  'case.reopened': { acknowledge: true },
  'case.reminder': { acknowledge: false },
  'case.overdue': { acknowledge: false },
  'case.urged': { acknowledge: false },
}

/** The one message a deputy's case notice asks her to act on, by the number she writes it, and whether 受理 comes first. */
function actionOf(item: OutboxItem): { short: string; acknowledge: boolean } | null {
  const action = DEPUTY_ACTIONS[item.kind]
  if (!action || !item.ticket) return null
  return { short: item.ref ?? shortTicket(item.ticket), acknowledge: item.awaitingAck ?? action.acknowledge }
}

/**
 * The reply in full with the rating question; a deputy's case notice with the words that act on
 * it, ready to copy; the outbox text for anything else.
 */
function textFor(item: OutboxItem, rules: CaseRules | null): string {
  const action = actionOf(item)
  // "留言 20261203-0001" alone does not tell a deputy with several which one it is: its first words do.
  const gist = item.gist ? `这条留言写的是：“${item.gist}”` : null
  if (action) {
    const { short } = action
    return lines(
      item.text,
      gist,
      '',
      action.acknowledge && `受理请回复：受理 ${short}`,
      `答复请回复：回复 ${short} 再写上答复`,
      '也可以长按这条消息，点"引用"，写上答复后发送。',
    )
  }
  // 一起催办 naming several of his messages (no one ticket): a line each, and what to send for any of them.
  if (item.kind === 'case.urged' && !item.ticket) return lines(item.text, '', ...severalHowTo(item.text))
  if (item.kind !== 'case.replied' || !item.reply) return lines(item.text, gist)
  return lines(
    // Her message by its day and first words: with two open, its number alone does not say which.
    // The answer after 重新办理 must not read as the first one sent again; "（编号 …）有答复了" stays, as quotes.ts reads it.
    item.again
      ? `${item.about ?? `您的留言 ${item.ticket} `}有答复了。这是您申请重新办理后，代表的再次答复：`
      : `${item.about ?? `您的留言 ${item.ticket} `}有答复了：`,
    item.reply,
    '',
    '请为办理结果打分，回复一个数字：',
    SCALE_LINE,
    reopenLine(rules),
    // A bare number rates the answer that came last: with several waiting, the number names this one.
    // With one waiting the line only confuses; a backend that does not say how many gets it as before.
    (item.waiting ?? 2) > 1 && item.ticket && ratingHint(item.ref ?? shortTicket(item.ticket)),
  )
}

/** A line of a notice naming several messages begins with the number he acts on it by ("0001 路灯不亮…"). */
const LINE_REF = /^(\d{8}-\d{4}|\d{4}) /gm

/**
 * What to send after a notice naming several of his messages, its examples numbered as one of its lines, in the words of
 * the bot's other examples (deputy-acknowledge.ts): 待办 for the list, 受理 for one late to be acknowledged, 回复 with what
 * was done. An older text without such lines gets no example number.
 */
function severalHowTo(text: string): string[] {
  const refs = [...text.matchAll(LINE_REF)].map((m) => m[1])
  // "（已过受理期限 3 天）", "（今天已过受理期限）", and an older backend's "（已过受理期限）".
  const toAcknowledge = /^(\d{8}-\d{4}|\d{4}) .*（(?:今天)?已过受理期限(?: \d+ 天)?）$/m.exec(text)?.[1]
  return [
    '发送"待办"可以看全部待办留言',
    toAcknowledge ? `受理请回复：受理 ${toAcknowledge}` : '',
    `办好后请发送：回复 编号 再写上答复${refs.length ? `，如：回复 ${refs[0]} 已联系供电所，本周修好` : ''}。`,
  ].filter(Boolean)
}

/** The whole number when the last four digits would name two of the person's messages. */
const ratingHint = (ref: string) =>
  /^\d{4}$/.test(ref) ? `有几条留言等着打分时，请写上编号后四位，如：评价 ${ref} 5` : `有几条留言等着打分时，请写上编号，如：评价 ${ref} 5`
