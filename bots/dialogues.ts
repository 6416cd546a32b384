import { randomUUID } from 'node:crypto'
import type { Logger } from 'pino'
import type { LiaisonClient } from './client.js'
import { deputyConversation } from './flows/deputy.js'
import { noticeCame } from './flows/deputy-yes.js'
import { heldWords, keepingHours, letGoParked, parkDraft, pastKeeping } from './flows/kept-draft.js'
import { finishTyping } from './flows/message-draft.js'
import { notTextAnswer } from './flows/not-text.js'
import { residentConversation } from './flows/resident.js'
import { privacyConversation } from './flows/privacy-requests.js'
import { numberForTodo } from './flows/resident-question.js'
import { roomConversation, roomCommand } from './flows/room.js'
import { lines, type Turn } from './flows/turn.js'
import { isEmpty, readDialogue, writeDialogue, type DialogueState } from './flows/dialogue-state.js'
import type { InboundEvent, InboxOptions, Speech } from './inbox-types.js'
import type { PaceClock } from './pacer.js'
import { parseCommand } from './parse-command.js'
import { unquote } from './quotes.js'

/**
 * One event answered, in its turn of the inbox's lane (inbox.ts): the person and their dialogue are loaded, the
 * conversations answer, the state is saved, and only then are the answers sent. The dialogues with something going
 * on are remembered here, so that the sweep knows whose time-based checks are due.
 */

/** Her unsent words went at the time she was told, with no bot there to say so then (it restarted): said at her next message. */
const WORDS_NOT_KEPT = lines('您之前说的话一直没有发出去，代表没有看到，这些话已经不再保留了。', '还要反映的话，请发送"留言"重新写。')

export class Dialogues {
  /** Dialogues with something going on, for the sweep (the backend holds the truth). */
  private readonly active = new Map<string, DialogueState>()

  constructor(
    private readonly client: LiaisonClient,
    private readonly speech: Speech,
    private readonly clock: PaceClock,
    private readonly options: InboxOptions,
    private readonly log: Logger,
    private readonly setAlias: (contactId: string, alias: string) => Promise<void>,
  ) {}

  /** The contacts of the dialogues under way whose time-based checks are due now (the sweep ticks each). */
  due(): string[] {
    const now = this.clock.now()
    const dueNow: string[] = []
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
      if (idle || typed || due) dueNow.push(contactId)
    }
    return dueNow
  }

  async answer(event: InboundEvent) {
    switch (event.kind) {
      case 'private':
        return this.privateMessage(event)
      case 'room':
        return this.roomMessage(event)
      case 'tick':
        return this.tick(event.contactId)
      case 'todoShown': {
        // The morning digest listed his messages numbered: his next number is one of those lines (resident-question.ts).
        const { state, existed } = await this.dialogue(event.contactId)
        state.todoShownAt = this.clock.now()
        // Lines of an older list are not these: none kept is better than another list's (deputy-numbers.ts reads 待办 now).
        state.todoShownLines = event.lines
        // Her next yes or number is to this list now, not to a command offered or meetings listed before it.
        if (state.yesTo) state.yesTo = { at: state.yesTo.at }
        state.meetingPick = null
        await this.save(event.contactId, state, existed)
        return
      }
      case 'meetingNotice': {
        // Only an answer shown back for her "是" is concerned: her "好的" after the notice may be to it (deputy-reply.ts).
        const { state, existed } = await this.dialogue(event.contactId)
        // A command the bot offered before the notice: her "好的" now may be to the meeting, so it no longer does that command.
        const offered = !!(state.yesTo?.command || state.yesTo?.crossed || state.yesTo?.askedWhich || state.yesTo?.wordsFor || state.yesTo?.wordsCrossed)
        if (offered) state.yesTo = { at: state.yesTo!.at }
        const answerWaits = state.replyAsk && !state.replyAsk.dropped
        if (answerWaits) state.replyAsk!.noticeAt = this.clock.now()
        if (offered || answerWaits) await this.save(event.contactId, state, existed)
        return
      }
      case 'caseNotice': {
        // A command offered before a notice naming a message: her bare "是" now may be to the notice, so she is asked which.
        const { state, existed } = await this.dialogue(event.contactId)
        if (noticeCame(state, event)) await this.save(event.contactId, state, existed)
        return
      }
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
    // Sent again before she could read the answer to the first (inbox.ts): that answer is what she sees next, and a
    // word about this one would only come after it and push its question up. Nothing is done twice.
    if (event.resent) return
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
    // Let go by the backend at the time she was told, while no bot could say so (a restart): she hears it now, once.
    if (state.wordsLapsed) {
      replies.push(WORDS_NOT_KEPT)
      state.wordsLapsed = undefined
    }
    if (state.flow && now - state.touchedAt >= this.options.dialogueTimeoutMs && !isParked(state)) {
      // A summary left unanswered keeps its draft, parked: the conversation then says it was not sent.
      // Anything else left that long ends, saying so.
      const kept = parkDraft(state.flow, now) !== null
      if (!kept) {
        replies.push(politeEnd(state, this.options.dialogueTimeoutMs))
        state.flow = null
      }
    }
    // A photo or a voice note is not attached to a message she is writing: she is told so, and where the message stands.
    if (!event.isText) {
      replies.push(notTextAnswer(state.flow))
      // Any message of hers but a yes ends a command offered to her (deputy-yes.ts), a photo too.
      if (state.yesTo?.command) state.yesTo = { at: state.yesTo.at }
    } else {
      // A quote (引用) is read apart: the person's own words are the message, the quoted one its context.
      const { quoted, own } = unquote(event.text)
      const turn: Turn = {
        contactId: event.contactId,
        name: event.name,
        person,
        command: parseCommand(own),
        raw: own.trim(),
        quoted,
        now,
        client,
        state,
        say: (t) => replies.push(t),
      }
      // A bare number of his that the resident conversation hands to his 待办: her flow asks nothing by it, so it is not
      // marked as asked; were his 待办 not read (a refusal), her next "1" must stay in doubt, never send her draft.
      const forTodo = numberForTodo(turn)
      if (await deputyConversation(turn)) {
        // Her list (查询, 撤回) and the words that may follow a score end at any other message, his as a deputy too:
        // "回复 2" half an hour on is his, never her message 2 withdrawn.
        state.listed = null
        state.rated = null
      } else {
        if (!(await privacyConversation(turn))) await residentConversation(turn)
        // Her flow has answered her and stands: what it asks is the latest question of hers (resident-question.ts).
        if (state.flow && !forTodo) state.flowAskedAt = now
      }
    }
    // Whatever she sent, the score question is no longer the last thing asked: a bare number after this may mean
    // something else of hers (a deputy's line of 待办, resident-question.ts).
    if (state.rating) state.rating.spokeSince = true
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
      replies.push(kept ?? politeEnd(state, this.options.dialogueTimeoutMs))
      if (kept === null) state.flow = null
    } else if (flow.name === 'message' && flow.stage === 'text' && flow.lastPartAt !== null && now - flow.lastPartAt >= this.options.joinWindowMs) {
      finishTyping({ state, say: (t) => replies.push(t) }, flow)
    } else return
    // The summary, or the word that it was kept, asks her anew (resident-question.ts).
    if (state.flow) state.flowAskedAt = now
    await this.save(contactId, state, existed)
    for (const text of replies) await this.speech.toContact(contactId, text).catch((err) => this.log.warn({ err }, 'bot: answer not sent'))
  }

  private async dialogue(contactId: string) {
    const saved = await this.client.dialogue(contactId)
    const state = readDialogue(saved.state, this.clock.now())
    // Only the backend knows her words went while no bot was running: kept in the state until she is told.
    if (saved.wordsLapsed) state.wordsLapsed = true
    return { state, existed: saved.state !== null }
  }

  private async save(contactId: string, state: DialogueState, existed: boolean) {
    if (isEmpty(state)) {
      if (existed) await this.client.clearDialogue(contactId)
    } else await this.client.saveDialogue(contactId, writeDialogue(state), keepingHours(state), heldWords(state.flow) !== null)
    this.remember(contactId, state)
  }

  private remember(contactId: string, state: DialogueState) {
    if (state.flow) this.active.set(contactId, state)
    else this.active.delete(contactId)
  }
}

/** A draft kept past the timeout, or her words kept at the privacy notice: she was told once, and they wait for her. */
const isParked = (state: DialogueState) =>
  (state.flow?.name === 'message' && state.flow.parked === true) || (state.flow?.name === 'privacy' && state.flow.parkedAt !== undefined)

/**
 * What she hears when the conversation lapses. Said as the time she was silent, truly (the timeout is configured):
 * "很久没有收到回复" read as the deputy never answering, 回复 being his answer in this chat.
 */
function politeEnd(state: DialogueState, timeoutMs: number) {
  const silent = silentFor(timeoutMs)
  const quiet = `您好，您有${/^\d/.test(silent) ? ' ' : ''}${silent}没有回话，`
  // Words she was asked about after a score went nowhere: she must not think the deputy has them.
  if (state.flow?.name === 'comment')
    return state.flow.stage === 'whole'
      ? `${quiet}您那段话只有前 ${state.flow.sent ?? 500} 字转给了代表，整段话没有作为留言送出。需要反映的话，请发送"留言"。`
      : `${quiet}您刚才那段话没有转给代表，也没有作为留言送出。需要反映的话，请发送"留言"。`
  // Why she is unhappy, typed under the 重新办理 offer: she must not think the deputy has it.
  if (state.flow?.name === 'reopen' && state.flow.said && !state.flow.draft)
    return `${quiet}您刚才说的话没有转给代表，也没有申请重新办理。需要的话，请发送"重新办理"。`
  // Her words that matched an earlier message, asked about: neither reopened nor sent.
  if (state.flow?.name === 'reopen' && state.flow.stage === 'again')
    return `${quiet}您刚才说的话没有转给代表，也没有申请重新办理。需要的话，请发送"重新办理"或"留言"。`
  // The 重新办理 offer (or its question) lapsed: she must not think it was asked for, nor that it is gone for good.
  if (state.flow?.name === 'reopen' && !state.flow.draft && state.flow.stage !== 'verdict')
    return `${quiet}${state.flow.ticket ? `留言 ${state.flow.ticket} ` : ''}还没有申请重新办理。需要的话，请随时发送"重新办理"。`
  // Asked before a privacy request was done (privacy-ask.ts): she must not wonder whether it was.
  if (state.flow?.name === 'privacyAsk')
    return state.flow.asks === 'consent'
      ? `${quiet}没有撤回同意，您的同意还在。需要时请再发送"撤回同意"。`
      : `${quiet}没有删除您的信息，也没有撤回留言。需要时请再发送"删除我的信息"或"撤回"。`
  // A new message she was writing before a rating's 重新办理 offer ends with it.
  return state.flow?.name === 'message' || (state.flow?.name === 'reopen' && state.flow.draft)
    ? `${quiet}这次留言已经先结束了，内容没有送出。需要时请再发送"留言"。`
    : `${quiet}刚才的对话已经结束了。需要时请发送"帮助"。`
}

/** The timeout as people say it: 半个小时, 一个小时, 2 个小时, 45 分钟. */
function silentFor(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000))
  if (minutes === 30) return '半个小时'
  if (minutes === 60) return '一个小时'
  if (minutes > 60 && minutes % 60 === 0) return `${minutes / 60} 个小时`
  return `${minutes} 分钟`
}

/** One claim per inbound message handled by this bot, kept with a held message across restarts. */
function claimOf(event: { claim?: string }): string {
  event.claim ??= randomUUID()
  return event.claim
}
