import type { Logger } from 'pino'
import { isUnavailable, type LiaisonClient } from './client.js'
import { Dialogues } from './dialogues.js'
import type { InboundEvent, InboxOptions, Speech } from './inbox-types.js'
import type { PaceClock } from './pacer.js'
import type { PendingStore } from './pending.js'

/**
 * Everything that reaches the bot, handled one at a time per conversation (a "lane"),
 * so that two quick messages of one person never race on their dialogue state.
 *
 * A private message is dedupe-checked with the backend first, then the person and their
 * dialogue are loaded, the conversations answer (dialogues.ts), the state is saved, and only then are
 * the answers sent. When the backend cannot be reached the message is held (in order,
 * on disk), the person is told it is delayed, and it is handled again once the backend
 * answers: nothing a resident sends is lost, and nothing is claimed done before it is.
 */

interface Lane {
  chain: Promise<void>
  held: InboundEvent[]
  toldDelayed: boolean
  /** Her private messages received and not yet answered to the end (answers sent): answers go in order, one at a time. */
  unanswered: number
  /** The text of her last private message received. */
  lastText: string | null
  /** What had reached her (Speech.saidTo) when that message came. */
  saidAtLast: number
}

export const DELAY_NOTICE = '系统正在维护，您的消息已经记下了，恢复后会自动处理并回复您，请不用重复发送。'
const SORRY = '抱歉，刚才没有处理成功，请稍后再发一次。'
const RECENT_IDS = 5000

export class Inbox {
  private readonly lanes = new Map<string, Lane>()
  /** Each event answered, and the dialogues under way (dialogues.ts). */
  private readonly dialogues: Dialogues
  /** Ids handled lately: a puppet emitting one message twice costs no backend call. */
  private readonly recentIds = new Set<string>()
  private recoveryTimer: NodeJS.Timeout | null = null
  private recoveryMs: number
  private stopped = false
  /** Events taken through to the end (answered, ignored or held): tests wait on it. */
  handled = 0

  constructor(
    client: LiaisonClient,
    private readonly speech: Speech,
    clock: PaceClock,
    private readonly options: InboxOptions,
    private readonly pending: PendingStore<InboundEvent>,
    private readonly log: Logger,
    setAlias: (contactId: string, alias: string) => Promise<void> = async () => {},
  ) {
    this.recoveryMs = options.recovery.minMs
    this.dialogues = new Dialogues(client, speech, clock, options, log, setAlias)
  }

  /** Takes back what was held before a restart, and tries it as soon as possible. */
  start() {
    const held = this.pending.load()
    for (const event of held) {
      const lane = this.lane(laneKey(event))
      lane.held.push(event)
      if (event.kind === 'private') lane.unanswered++
    }
    if (held.length) {
      this.log.info({ held: held.length }, 'bot: messages held from before the restart')
      this.scheduleRecovery(0)
    }
  }

  stop() {
    this.stopped = true
    if (this.recoveryTimer) clearTimeout(this.recoveryTimer)
  }

  receive(event: InboundEvent) {
    if (this.stopped) return Promise.resolve()
    if ('messageId' in event) {
      if (this.recentIds.has(event.messageId)) return Promise.resolve()
      this.recentIds.add(event.messageId)
      if (this.recentIds.size > RECENT_IDS) this.recentIds.delete(this.recentIds.values().next().value!)
    }
    const lane = this.lane(laneKey(event))
    if (event.kind === 'private') this.arrived(lane, event)
    const done = lane.chain.then(() => this.process(lane, event))
    lane.chain = done.catch(() => {})
    return done
  }

  /** Due checks of the dialogues under way (the bot calls this every few seconds). */
  sweep() {
    for (const contactId of this.dialogues.due()) void this.receive({ kind: 'tick', contactId })
  }

  /** Resolves when every lane has nothing left to do right now (held messages wait for recovery). */
  async settled() {
    let before: Promise<void>[] = []
    for (;;) {
      const chains = [...this.lanes.values()].map((l) => l.chain)
      if (chains.length === before.length && chains.every((c, i) => c === before[i])) return
      before = chains
      await Promise.all(chains)
    }
  }

  get heldCount() {
    return [...this.lanes.values()].reduce((n, l) => n + l.held.length, 0)
  }

  private lane(key: string): Lane {
    let lane = this.lanes.get(key)
    if (!lane) this.lanes.set(key, (lane = { chain: Promise.resolve(), held: [], toldDelayed: false, unanswered: 0, lastText: null, saidAtLast: 0 }))
    return lane
  }

  /**
   * A "1" sent again while the answer to her "1" still waits its turn (2–4 s apart, pacer.ts) was sent before she could
   * read any of that answer: it answers no question of it. Told apart on arrival, while the lane still holds the first.
   * Once anything of ours reached her since (the first part of a paced answer, a push), the same "1" may answer what
   * she read (the street list after her district), so it counts.
   */
  private arrived(lane: Lane, event: Extract<InboundEvent, { kind: 'private' }>) {
    const text = event.isText ? event.text.trim() : null
    const said = this.speech.saidTo(event.contactId)
    if (text && lane.unanswered > 0 && text === lane.lastText && said === lane.saidAtLast) {
      event.resent = true
      this.log.info({ contactId: event.contactId, messageId: event.messageId }, 'bot: a text re-sent before any answer reached her is dropped')
    }
    lane.lastText = text
    lane.saidAtLast = said
    lane.unanswered++
  }

  private async process(lane: Lane, event: InboundEvent) {
    let held = false
    try {
      // Behind messages waiting for the backend, it waits too: her order is kept.
      if (lane.held.length) held = await this.hold(lane, event)
      else await this.handle(event)
    } catch (err) {
      if (isUnavailable(err)) held = await this.hold(lane, event)
      else {
        this.log.error({ err, event: event.kind }, 'bot: a message could not be handled')
        if (event.kind === 'private') await this.speech.toContact(event.contactId, SORRY).catch(() => {})
      }
    } finally {
      if (event.kind === 'private' && !held) lane.unanswered--
      this.handled++
    }
  }

  /** Holds the event until the backend answers again; true when it is held (a tick is not: the next sweep asks again). */
  private async hold(lane: Lane, event: InboundEvent): Promise<boolean> {
    if (event.kind === 'tick') return false
    lane.held.push(event)
    this.persist()
    this.scheduleRecovery()
    if (event.kind === 'private' && !lane.toldDelayed) {
      lane.toldDelayed = true
      await this.speech.toContact(event.contactId, DELAY_NOTICE).catch((err) => this.log.warn({ err }, 'bot: delay notice not sent'))
    }
    return true
  }

  private persist() {
    try {
      this.pending.save([...this.lanes.values()].flatMap((l) => l.held))
    } catch (err) {
      this.log.error({ err }, 'bot: held messages could not be written to disk')
    }
  }

  private scheduleRecovery(delay = this.recoveryMs) {
    if (this.recoveryTimer || this.stopped) return
    this.recoveryTimer = setTimeout(() => {
      this.recoveryTimer = null
      void this.recover()
    }, delay)
  }

  /** Tries the held messages of every lane again, oldest first; stops a lane at the first that still cannot go. */
  private async recover() {
    let failed = false
    await Promise.all(
      [...this.lanes.values()]
        .filter((l) => l.held.length)
        .map((lane) => {
          lane.chain = lane.chain.then(async () => {
            while (lane.held.length && !this.stopped) {
              try {
                await this.handle(lane.held[0])
              } catch (err) {
                if (isUnavailable(err)) {
                  failed = true
                  return
                }
                this.log.error({ err }, 'bot: a held message could not be handled')
              }
              if (lane.held.shift()?.kind === 'private') lane.unanswered--
              this.persist()
            }
            lane.toldDelayed = false
          })
          return lane.chain
        }),
    )
    if (failed) {
      this.recoveryMs = Math.min(this.recoveryMs * 2, this.options.recovery.maxMs)
      this.scheduleRecovery()
    } else this.recoveryMs = this.options.recovery.minMs
  }

  private handle(event: InboundEvent) {
    return this.dialogues.answer(event)
  }
}

const laneKey = (event: InboundEvent) => (event.kind === 'room' ? `room:${event.roomId}` : event.contactId)
