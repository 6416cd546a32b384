import type { Clock } from '../../clock.js'
import { ConflictError, NotFoundError } from '../../errors.js'
import type { OutboxMessage, OutboxOutcome, Store } from '../../store/ports.js'
import { quietHold, startsAtOf, type QuietPolicy } from '../../domain/quiet-hours.js'
import { BOT_CHANNELS, type ChannelResolver } from './channels.js'
import { DEPUTY_LOAD_STATUSES } from '../../domain/case.js'
import { DEPUTY_IN_HAND_MAX, ticketRef } from '../../domain/ticket-refs.js'
import { titleOf } from './kinds.js'
import { deputyGist } from '../../domain/deputy-gist.js'
import type { ReminderDone } from './reminder-done.js'
import { retryOutcome, type RetryPolicy } from './retry.js'
import { supersededReason } from './superseded.js'
import type { SendFailureCode } from '../../domain/send-failure.js'

/**
 * The bot process consumes its own part of the outbox: it leases due bot messages, sends
 * them at a person's pace, and acks or fails each. A message never acked goes back after
 * its lease; acking twice changes nothing.
 *
 * Contact and room ids change when the bot logs in again on some puppets, so each message
 * goes out with the person's current contact id and remark, or the room's id and topic;
 * the bot finds them by those when an id is gone, and its ack says where it found them.
 */
/**
 * Two of a resident's messages tell whether another of hers shares the number, and whether more than one
 * of her answers waits for a score (all the bot asks); both found among all of hers, however old.
 */
const ANOTHER_ONE = 2
/** Notices that ask a deputy to act on a case, by its number. */
const DEPUTY_CASE_NOTICES = new Set(['case.assigned', 'case.reopened', 'case.reminder', 'case.overdue', 'case.urged'])

/** Why a bot message is routed again at the bot: the person it was for has no chat the bot can find now. */
export const NOT_FOUND_IN_CHAT = '微信助手在微信里找不到收件人（聊天已解除或已删除），改用其他方式发送'
/** …and why it is 未能送达 once that has happened at every attempt. */
export const NEVER_FOUND_IN_CHAT = '未能送达：微信助手多次在微信里找不到收件人（聊天已解除或已删除，或绑定已失效），请电话联系'

/** Deputy notices whose text already quotes the message's words (assignedNotice): no gist is added to them. */
const QUOTING_NOTICES = new Set(['case.assigned'])

export class BotOutbox {
  constructor(
    private readonly store: Pick<Store, 'campaigns' | 'cases' | 'deputies' | 'meetings' | 'outbox' | 'bot'>,
    private readonly policy: RetryPolicy & { leaseSeconds: number; timeZone: string; quietHours: QuietPolicy },
    private readonly clock: Clock,
    private readonly resolver: Pick<ChannelResolver, 'botConversation'>,
    /** Whether a reminder's deputy has done since what it asks: then the bot is not given it. */
    private readonly reminders: Pick<ReminderDone, 'done'>,
  ) {}

  async lease(instance: string, limit: number) {
    const now = this.clock.now()
    const leased = await this.store.outbox.claimDue(now, {
      limit,
      leaseMs: this.policy.leaseSeconds * 1000,
      holder: holderOf(instance),
      channels: BOT_CHANNELS,
    })
    // The bot keeps the same quiet hours as the dispatcher: a message routed to it before 21:00
    // must not reach someone's phone at 21:30. What can wait goes back until the morning.
    // And the same checks just before sending: the bot may have been logged out for hours since
    // the message was routed to it, while the case moved on or the deputy left office.
    const messages: OutboxMessage[] = []
    for (const m of leased) {
      const held = quietHold(m.kind, now, this.policy.quietHours, this.policy.timeZone, startsAtOf(m.payload))
      if (held) {
        await this.store.outbox.complete(m.id, holderOf(instance), { status: 'pending', channel: m.channel, address: m.address ?? null, ...held })
        continue
      }
      const { reason } = await supersededReason(this.store, this.reminders, m, now, this.policy.timeZone)
      if (reason) await this.store.outbox.complete(m.id, holderOf(instance), { status: 'dead', error: reason })
      else messages.push(m)
    }
    const found = await Promise.all(messages.map(async (m) => ({ m, conversation: await this.resolver.botConversation(m) })))
    const sendable: typeof found = []
    for (const f of found) {
      // A person the bot can no longer reach here (her chat unjoined since it was routed, …): never to the address it
      // was routed to, which is someone else's chat now. Routed again instead, as any new message to her would be:
      // another way to her, or 未能送达 in the console. Each such round counts as an attempt: should the routing and
      // the bot ever disagree about her for good, the message ends 未能送达 with why, instead of going round unseen.
      if (f.conversation.address === null && f.m.channel === 'bot_private')
        await this.store.outbox.complete(f.m.id, holderOf(instance), this.notFound(f.m, now))
      else sendable.push(f)
    }
    const refs = await Promise.all(sendable.map(({ m }) => this.ref(m)))
    const gists = await Promise.all(sendable.map(({ m }) => this.gist(m)))
    return sendable.map(({ m, conversation }, i) => ({
      id: m.id,
      channel: m.channel,
      ...conversation,
      kind: m.kind,
      title: titleOf(m.kind),
      text: (m.payload as { text?: string }).text ?? '',
      ticket: (m.payload as { ticket?: string }).ticket ?? null,
      /** A deputy's reply in full, for the bot to send with the rating question. */
      reply: (m.payload as { reply?: string }).reply ?? null,
      /** A case reply to a resident: her message named by its day and first words ("您12月3日反映的“…”（编号 …）"). */
      about: (m.payload as { about?: string }).about ?? null,
      /** A case reply to a resident that answers her request to handle it again (重新办理): the bot says it is the new answer. */
      again: (m.payload as { again?: boolean }).again === true,
      /** A case notice: how the person writes its number ("评价 0001 5", "受理 0001"). */
      ref: refs[i].ref,
      /** A case reply to a resident: how many of their answers wait for a score, this one included; 2 means two or more. */
      waiting: refs[i].waiting,
      /** A deputy's case notice: whether the message waits for 受理 now (the notice then says to send it first); null otherwise. */
      awaitingAck: refs[i].awaitingAck,
      /** A deputy's notice about one message that does not quote it: its first words, phone and ID numbers masked; null otherwise. */
      gist: gists[i],
      /** A digest: the messages its numbered lines name, in order; the bot reads a number of his by them. Null otherwise. */
      listed: m.kind === 'digest' ? listedOf(m.payload) : null,
      attempts: m.attempts,
      leaseUntil: new Date(this.clock.now().getTime() + this.policy.leaseSeconds * 1000).toISOString(),
      /** A person's message: the bot asks again right before saying it (beforeSending); an older backend says nothing of it. */
      checkBeforeSending: m.channel === 'bot_private',
    }))
  }

  /**
   * The bot's last question before it says a leased message to a person: is the chat it found, `address` (the contact
   * it is about to say it to; `alias`, the remark it found that contact by when the id had changed), still the person's
   * chat? The lease asked the same, but the bot may hold a message a while (its pace, a cool-down) and a 解除, an
   * erasure or a binding moved meanwhile makes that chat someone else's, or nobody's. Then the message is routed
   * again, as the lease does for a person with no chat (notFound), and the bot says nothing: `send: false`.
   * A station's room is not a person's chat: said as leased.
   */
  async beforeSending(instance: string, id: string, address: string, alias: string | null = null): Promise<{ id: string; send: boolean }> {
    const m = await this.botMessage(id)
    if (m.channel !== 'bot_private') return { id, send: true }
    const now = await this.resolver.botConversation(m)
    const theirs = now.address !== null && (now.address === address || (alias !== null && now.alias === alias))
    if (theirs) return { id, send: true }
    // Given back only while this bot still holds it; whoever holds it now asks the same before sending it.
    await this.store.outbox.complete(id, holderOf(instance), this.notFound(m, this.clock.now()))
    return { id, send: false }
  }

  /**
   * How the person writes this message's number in the chat: a resident rating an answer among all their
   * messages however old (as the bot finds "评价 0001 5" among them: cases.residentNumbered), a deputy
   * acting on a notice among the messages he has in hand — the last four digits, or the whole number when
   * another of those ends the same (numbers start again at 0001 each day). For a resident, also whether
   * more than one of their answers waits for a score: the bot names the number only then.
   */
  private async ref(m: OutboxMessage): Promise<{ ref: string | null; waiting: number | null; awaitingAck: boolean | null }> {
    const ticket = (m.payload as { ticket?: string }).ticket
    if (!ticket) return { ref: null, waiting: null, awaitingAck: null }
    if (m.kind === 'case.replied' && m.recipientKind === 'mp_user') {
      const [alike, waiting] = await Promise.all([
        /-\d{4}$/.test(ticket) ? this.store.cases.residentNumbered(m.recipientId, [ticket.slice(-4)], ANOTHER_ONE) : [],
        this.store.cases.search({ residentId: m.recipientId, statuses: ['replied'], limit: ANOTHER_ONE }),
      ])
      return {
        ref: ticketRef(
          ticket,
          alike.map((c) => c.ticket),
        ),
        waiting: waiting.items.length,
        awaitingAck: null,
      }
    }
    if (DEPUTY_CASE_NOTICES.has(m.kind) && m.recipientKind === 'deputy') {
      const inHand = await this.store.cases.search({ deputyId: m.recipientId, statuses: [...DEPUTY_LOAD_STATUSES], limit: DEPUTY_IN_HAND_MAX })
      // As the message is now, not as it was when the notice was written: a reminder of one he has
      // acknowledged since asks only for the answer; one given back to him (重新办理) asks for 受理 again.
      const it = inHand.items.find((c) => c.ticket === ticket)
      return {
        ref: ticketRef(
          ticket,
          inHand.items.map((c) => c.ticket),
        ),
        waiting: null,
        awaitingAck: it ? it.acknowledgedAt === null && (it.status === 'assigned' || it.status === 'reopened') : null,
      }
    }
    return { ref: null, waiting: null, awaitingAck: null }
  }

  /**
   * The first words of the message a deputy's notice names by its number alone (催办, 重新办理, a score, a
   * reminder …), read as the message is now (words erased since are not repeated); null for other notices and
   * for the new-message notice, which quotes them already.
   */
  private async gist(m: OutboxMessage): Promise<string | null> {
    const caseId = (m.payload as { caseId?: string }).caseId
    if (m.recipientKind !== 'deputy' || !caseId || !m.kind.startsWith('case.') || QUOTING_NOTICES.has(m.kind)) return null
    const c = await this.store.cases.get(caseId)
    return c ? deputyGist(c.text) || null : null
  }

  /** A bot message whose person the bot cannot find: routed again, counted; past the last attempt, 未能送达 with why. */
  private notFound(m: OutboxMessage, now: Date): OutboxOutcome {
    if (m.attempts + 1 >= this.policy.maxAttempts) return { status: 'dead', error: `${NEVER_FOUND_IN_CHAT}（已尝试 ${m.attempts + 1} 次）` }
    return { status: 'pending', channel: 'auto', address: null, until: now, reason: null, missed: NOT_FOUND_IN_CHAT }
  }

  /** `address`: where the bot found the conversation, when that was not where it was routed (a room found again by its topic). */
  async ack(instance: string, id: string, address?: string) {
    const m = await this.botMessage(id)
    const done = await this.store.outbox.complete(id, holderOf(instance), {
      status: 'sent',
      at: this.clock.now(),
      channel: m.channel,
      address: address ?? m.address ?? null,
    })
    if (done && address && m.channel === 'bot_room' && m.recipientKind === 'station') {
      // The station's room under its new id: the next notices go there at once.
      // Only from the room the message was routed to: a binding changed by staff meanwhile stands.
      const room = await this.store.bot.roomOf(m.recipientId)
      if (room && room.roomId === m.address && room.roomId !== address) await this.store.bot.moveRoom(room.roomId, address)
    }
    return this.settled(id, done)
  }

  /** `code`: why, as the bot classified it (src/domain/send-failure.ts); an older bot gives none. */
  async fail(instance: string, id: string, error: string, retryable: boolean, code: SendFailureCode | null = null) {
    const m = await this.botMessage(id)
    const outcome = retryable ? retryOutcome(m.attempts, error, this.policy, this.clock.now(), Math.random, code) : { status: 'dead' as const, error, code }
    return this.settled(id, await this.store.outbox.complete(id, holderOf(instance), outcome))
  }

  private async botMessage(id: string): Promise<OutboxMessage> {
    const m = await this.store.outbox.get(id)
    if (!m || !(BOT_CHANNELS as string[]).includes(m.channel)) throw new NotFoundError('消息不存在')
    return m
  }

  /** A repeated ack of a sent message is fine; anything else after the lease moved on is a conflict. */
  private async settled(id: string, done: boolean) {
    const m = (await this.store.outbox.get(id))!
    if (!done && m.status !== 'sent') throw new ConflictError('租约已过期，消息已交还队列', [{ path: 'status', message: m.status }], 'lease_lost')
    return { id, status: m.status, attempts: m.attempts }
  }
}

const holderOf = (instance: string) => `bot:${instance}`

/** The digest's numbered messages as its payload keeps them (none from a digest made before it did). */
function listedOf(payload: unknown): Array<{ ticket: string; excerpt: string }> | null {
  const listed = (payload as { listed?: unknown }).listed
  return Array.isArray(listed) ? (listed as Array<{ ticket: string; excerpt: string }>) : null
}
