import { randomUUID } from 'node:crypto'
import type { Logger } from 'pino'
import { isUnavailable, type LiaisonClient } from './client.js'
import { deputyConversation } from './flows/deputy.js'
import { letGoParked, parkDraft, pastKeeping } from './flows/kept-draft.js'
import { finishTyping } from './flows/leave-message.js'
import { residentConversation } from './flows/resident.js'
import { privacyConversation } from './flows/privacy-requests.js'
import { roomConversation, roomCommand } from './flows/room.js'
import { isEmpty, readDialogue, writeDialogue, type DialogueState, type Turn } from './flows/turn.js'
import type { PaceClock } from './pacer.js'
import type { PendingStore } from './pending.js'
import { parseCommand, unquote } from './text.js'

/**
 * Everything that reaches the bot, handled one at a time per conversation (a "lane"),
 * so that two quick messages of one person never race on their dialogue state.
 *
 * A private message is dedupe-checked with the backend first, then the person and their
 * dialogue are loaded, the conversations answer, the state is saved, and only then are
 * the answers sent. When the backend cannot be reached the message is held (in order,
 * on disk), the person is told it is delayed, and it is handled again once the backend
 * answers: nothing a resident sends is lost, and nothing is claimed done before it is.
 */

export type InboundEvent =
  | {
      kind: 'private'
      messageId: string
      contactId: string
      alias: string | null
      name: string
      text: string
      isText: boolean
      seenChecked: boolean
      claim?: string
    }
  | {
      kind: 'room'
      messageId: string
      roomId: string
      /** Absent in messages held before the field existed. */
      topic?: string | null
      contactId: string
      alias: string | null
      name: string
      text: string
      seenChecked: boolean
      claim?: string
    }
  /** Time-based checks of one dialogue: the join window, the idle timeout. */
  | { kind: 'tick'; contactId: string }
  /** A case reply was delivered: the next "1"…"5" of this contact rates it. */
  | { kind: 'awaitRating'; contactId: string; ticket: string }

export interface Speech {
  toContact(contactId: string, text: string): Promise<unknown>
  toRoom(roomId: string, text: string): Promise<unknown>
}

export interface InboxOptions {
  dialogueTimeoutMs: number
  joinWindowMs: number
  recovery: { minMs: number; maxMs: number }
}

interface Lane {
  chain: Promise<void>
  held: InboundEvent[]
  toldDelayed: boolean
}

export const DELAY_NOTICE = '系统正在维护，您的消息已经记下了，恢复后会自动处理并回复您，请不用重复发送。'
const NOT_TEXT = '目前只能看懂文字消息，照片和语音收不到，请用文字告诉我。需要帮助请发送"帮助"。'
const NOT_TEXT_WHILE_WRITING = '照片和语音暂时收不到，没有加进留言。请用文字描述；您的留言还在，接着说就行。'
const SORRY = '抱歉，刚才没有处理成功，请稍后再发一次。'
const RECENT_IDS = 5000

export class Inbox {
  private readonly lanes = new Map<string, Lane>()
  /** Dialogues with something going on, for the sweep (the backend holds the truth). */
  private readonly active = new Map<string, DialogueState>()
  /** Ids handled lately: a puppet emitting one message twice costs no backend call. */
  private readonly recentIds = new Set<string>()
  private recoveryTimer: NodeJS.Timeout | null = null
  private recoveryMs: number
  private stopped = false
  /** Events taken through to the end (answered, ignored or held): tests wait on it. */
  handled = 0

  constructor(
    private readonly client: LiaisonClient,
    private readonly speech: Speech,
    private readonly clock: PaceClock,
    private readonly options: InboxOptions,
    private readonly pending: PendingStore<InboundEvent>,
    private readonly log: Logger,
    private readonly setAlias: (contactId: string, alias: string) => Promise<void> = async () => {},
  ) {
    this.recoveryMs = options.recovery.minMs
  }

  /** Takes back what was held before a restart, and tries it as soon as possible. */
  start() {
    const held = this.pending.load()
    for (const event of held) this.lane(laneKey(event)).held.push(event)
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
    const done = lane.chain.then(() => this.process(lane, event))
    lane.chain = done.catch(() => {})
    return done
  }

  /** Due checks of the dialogues under way (the bot calls this every few seconds). */
  sweep() {
    const now = this.clock.now()
    for (const [contactId, state] of this.active) {
      const flow = state.flow
      if (!flow) continue
      // A draft kept past the timeout waits for her without a tick: she was told once.
      const idle = !isParked(state) && now - state.touchedAt >= this.options.dialogueTimeoutMs
      const typed =
        flow.name === 'message' &&
        flow.stage === 'text' &&
        flow.parts.length > 0 &&
        flow.lastPartAt !== null &&
        now - flow.lastPartAt >= this.options.joinWindowMs
      // Words kept past the time she was told are let go now, not at her next message: she may never write again.
      const due = isParked(state) && pastKeeping(state, now)
      if (idle || typed || due) void this.receive({ kind: 'tick', contactId })
    }
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
    if (!lane) this.lanes.set(key, (lane = { chain: Promise.resolve(), held: [], toldDelayed: false }))
    return lane
  }

  private async process(lane: Lane, event: InboundEvent) {
    try {
      if (lane.held.length) return await this.hold(lane, event) // keep the order behind what is waiting
      await this.handle(event)
    } catch (err) {
      if (isUnavailable(err)) return await this.hold(lane, event)
      this.log.error({ err, event: event.kind }, 'bot: a message could not be handled')
      if (event.kind === 'private') await this.speech.toContact(event.contactId, SORRY).catch(() => {})
    } finally {
      this.handled++
    }
  }

  private async hold(lane: Lane, event: InboundEvent) {
    if (event.kind === 'tick') return // the next sweep asks again
    lane.held.push(event)
    this.persist()
    this.scheduleRecovery()
    if (event.kind === 'private' && !lane.toldDelayed) {
      lane.toldDelayed = true
      await this.speech.toContact(event.contactId, DELAY_NOTICE).catch((err) => this.log.warn({ err }, 'bot: delay notice not sent'))
    }
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
              lane.held.shift()
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

  private async handle(event: InboundEvent) {
    switch (event.kind) {
      case 'private':
        return this.privateMessage(event)
      case 'room':
        return this.roomMessage(event)
      case 'tick':
        return this.tick(event.contactId)
      case 'awaitRating': {
        const { state, existed } = await this.dialogue(event.contactId)
        state.rating = { ticket: event.ticket, since: this.clock.now() }
        await this.save(event.contactId, state, existed)
        return
      }
    }
  }

  private async privateMessage(event: Extract<InboundEvent, { kind: 'private' }>) {
    const { client } = this
    if (!event.seenChecked) {
      const first = await client.seen(event.messageId, claimOf(event))
      event.seenChecked = true // a held message is not reported twice (the second answer would be "seen")
      if (!first) return
    }
    const person = await client.resolvePerson({ contactId: event.contactId, alias: event.alias, name: event.name })
    if (person.alias && person.alias !== event.alias) {
      // The remark lets the backend know this person again when a re-login changes contact ids.
      await this.setAlias(event.contactId, person.alias).catch((err) => this.log.warn({ err }, 'bot: could not set the contact remark'))
      event.alias = person.alias
    }
    const now = this.clock.now()
    const { state, existed } = await this.dialogue(event.contactId)
    const replies: string[] = []
    // A draft parked for a week is let go: she hears so first, with its first words, and then the answer.
    const letGo = letGoParked(state, now)
    if (letGo) replies.push(letGo)
    if (state.flow && now - state.touchedAt >= this.options.dialogueTimeoutMs && !isParked(state)) {
      // A summary left unanswered keeps its draft, parked: the conversation then says it was not sent.
      // Anything else left that long ends, saying so.
      const kept = parkDraft(state.flow, now) !== null
      if (!kept) {
        replies.push(politeEnd(state))
        state.flow = null
      }
    }
    // A photo or a voice note is not attached to a message she is writing: she is told so, and that the message goes on.
    if (!event.isText) replies.push(state.flow?.name === 'message' ? NOT_TEXT_WHILE_WRITING : NOT_TEXT)
    else {
      // A quote (引用) is read apart: the person's own words are the message, the quoted one its context.
      const { quoted, own } = unquote(event.text)
      const turn: Turn = {
        contactId: event.contactId,
        person,
        command: parseCommand(own),
        raw: own.trim(),
        quoted,
        now,
        client,
        state,
        say: (t) => replies.push(t),
      }
      if (!(await deputyConversation(turn)) && !(await privacyConversation(turn))) await residentConversation(turn)
    }
    state.touchedAt = now
    await this.save(event.contactId, state, existed)
    for (const text of replies) await this.speech.toContact(event.contactId, text).catch((err) => this.log.warn({ err }, 'bot: answer not sent'))
  }

  private async roomMessage(event: Extract<InboundEvent, { kind: 'room' }>) {
    const command = roomCommand(event.text)
    if (!command) return
    if (!event.seenChecked) {
      const first = await this.client.seen(event.messageId, claimOf(event))
      event.seenChecked = true
      if (!first) return
    }
    const replies: string[] = []
    await roomConversation({
      roomId: event.roomId,
      topic: event.topic ?? null,
      talker: { contactId: event.contactId, alias: event.alias, name: event.name },
      command,
      client: this.client,
      say: (t) => replies.push(t),
    })
    for (const text of replies) await this.speech.toRoom(event.roomId, text).catch((err) => this.log.warn({ err }, 'bot: room answer not sent'))
  }

  private async tick(contactId: string) {
    const now = this.clock.now()
    const { state, existed } = await this.dialogue(contactId)
    this.remember(contactId, state) // the backend's state is the truth; the cache only schedules ticks
    const flow = state.flow
    if (!flow) return
    const replies: string[] = []
    if (isParked(state)) {
      // Past the day (or week) she was told, the words go from the stored dialogue, and she is told so.
      const letGo = letGoParked(state, now)
      if (!letGo) return
      replies.push(letGo)
    } else if (now - state.touchedAt >= this.options.dialogueTimeoutMs) {
      const kept = parkDraft(flow, now)
      replies.push(kept ?? politeEnd(state))
      if (kept === null) state.flow = null
    } else if (flow.name === 'message' && flow.stage === 'text' && flow.lastPartAt !== null && now - flow.lastPartAt >= this.options.joinWindowMs) {
      finishTyping({ state, say: (t) => replies.push(t) }, flow)
    } else return
    await this.save(contactId, state, existed)
    for (const text of replies) await this.speech.toContact(contactId, text).catch((err) => this.log.warn({ err }, 'bot: answer not sent'))
  }

  private async dialogue(contactId: string) {
    const saved = await this.client.dialogue(contactId)
    return { state: readDialogue(saved.state, this.clock.now()), existed: saved.state !== null }
  }

  private async save(contactId: string, state: DialogueState, existed: boolean) {
    if (isEmpty(state)) {
      if (existed) await this.client.clearDialogue(contactId)
    } else await this.client.saveDialogue(contactId, writeDialogue(state))
    this.remember(contactId, state)
  }

  private remember(contactId: string, state: DialogueState) {
    if (state.flow) this.active.set(contactId, state)
    else this.active.delete(contactId)
  }
}

const laneKey = (event: InboundEvent) => (event.kind === 'room' ? `room:${event.roomId}` : event.contactId)

/** A draft kept past the timeout, or her words kept at the privacy notice: she was told once, and they wait for her. */
const isParked = (state: DialogueState) =>
  (state.flow?.name === 'message' && state.flow.parked === true) || (state.flow?.name === 'privacy' && state.flow.parkedAt !== undefined)

function politeEnd(state: DialogueState) {
  // Words she was asked about after a score went nowhere: she must not think the deputy has them.
  if (state.flow?.name === 'comment')
    return state.flow.stage === 'whole'
      ? `您好，因为很久没有收到回复，您那段话只有前 ${state.flow.sent ?? 500} 字转给了代表，整段话没有作为留言提交。需要反映的话，请发送"留言"。`
      : '您好，因为很久没有收到回复，您刚才那段话没有转给代表，也没有作为留言提交。需要反映的话，请发送"留言"。'
  // Why she is unhappy, typed under the 重新办理 offer: she must not think the deputy has it.
  if (state.flow?.name === 'reopen' && state.flow.said && !state.flow.draft)
    return '您好，因为很久没有收到回复，您刚才说的话没有转给代表，也没有申请重新办理。需要的话，请发送"重新办理"。'
  // Her words that matched an earlier message, asked about: neither reopened nor sent.
  if (state.flow?.name === 'reopen' && state.flow.stage === 'again')
    return '您好，因为很久没有收到回复，您刚才说的话没有转给代表，也没有申请重新办理。需要的话，请发送"重新办理"或"留言"。'
  // The 重新办理 offer (or its question) lapsed: she must not think it was asked for, nor that it is gone for good.
  if (state.flow?.name === 'reopen' && !state.flow.draft && state.flow.stage !== 'verdict')
    return `您好，因为很久没有收到回复，${state.flow.ticket ? `留言 ${state.flow.ticket} ` : ''}还没有申请重新办理。需要的话，请随时发送"重新办理"。`
  // A new message she was writing before a rating's 重新办理 offer ends with it.
  return state.flow?.name === 'message' || (state.flow?.name === 'reopen' && state.flow.draft)
    ? '您好，这次留言因为很久没有收到回复，已经先结束了，内容没有提交。需要时请再发送"留言"。'
    : '您好，因为很久没有收到回复，刚才的对话已经结束了。需要时请发送"帮助"。'
}

/** One claim per inbound message handled by this bot, kept with a held message across restarts. */
function claimOf(event: { claim?: string }): string {
  event.claim ??= randomUUID()
  return event.claim
}
