import { askConsentFirst, resumeDraft, startMessageToDeputy, startNew, submit } from './leave-message.js'
import { lines, type Turn } from './turn.js'
import { RATING_WINDOW_MS, type DialogueState, type Flow, type MessageFlow, type NewMessage, type PrivacyFlow } from './dialogue-state.js'
import { excerptOf } from './words-passed-on.js'

/**
 * A message she wrote and did not send is never dropped without a word: a summary left unanswered
 * is kept (parked) and she is told once; asking for a new message while one is unsent shows it
 * with the choice to send it or start again; and a draft parked for a week is let go, which her
 * next message hears, with its first words, so she knows it never reached a deputy.
 */

/** How long a parked draft is kept for her. */
export const KEEP_PARKED_MS = 7 * 24 * 3_600_000

/**
 * How long her words wait at the privacy notice once she was told they were not sent: a day, as she was told
 * ("一天之内回复"同意""). Nothing of hers went anywhere, and she has not agreed that it may be kept.
 */
export const KEEP_AT_NOTICE_MS = 24 * 3_600_000

const HOUR = 3_600_000
/** A deputy's recent answers, beside nothing else: the few days they are recalled. */
const ANSWERED_KEPT_HOURS = 72

/**
 * How long the backend may keep this dialogue unless the bot saves it again (it deletes it then, even while the bot
 * is not running): her words at the privacy notice, the day she was told, since she has not agreed they may be kept;
 * a summary that can be sent, or an answer awaiting her score, the week; anything else a day, far past the half
 * hour after which the bot ends it.
 */
export function keepingHours(state: DialogueState): number {
  const flow = state.flow
  if (flow?.name === 'privacy') return KEEP_AT_NOTICE_MS / HOUR
  const sendable = flow?.name === 'message' && flow.stage === 'confirm' && !!flow.target && flow.parts.length > 0
  // The word that her words went waits for her next message as long as a draft would.
  if (sendable || state.rating || state.wordsLapsed) return Math.max(KEEP_PARKED_MS, RATING_WINDOW_MS) / HOUR
  // A deputy's answers sent lately are recalled for some days (deputy-reply.ts): a quiet day must not lose them.
  return state.answered?.length ? ANSWERED_KEPT_HOURS : KEEP_AT_NOTICE_MS / HOUR
}

/** Words of hers, short: the first twenty characters on one line, as she typed them (her "，" stays). */
const shortWords = (text: string) => excerptOf(text, 20)

/** Her draft's own words, short. */
export const firstWords = (flow: MessageFlow) => shortWords(flow.parts.join(' '))

/**
 * Words of hers a flow holds that have gone nowhere yet, short ("我想给代表反映个事我们小区门口的…"): a draft, the draft
 * or the words the privacy notice waits with, a draft a reopen offer put aside, words she was asked about. Null when none.
 */
export function heldWords(flow: Flow | null): string | null {
  const draft = heldDraft(flow)
  const words =
    draft?.parts.join(' ') ||
    (flow?.name === 'privacy' && flow.next.kind !== 'resume' && flow.next.kind !== 'message' ? flow.next.text : '') ||
    (flow?.name === 'comment' ? flow.words : '') ||
    (flow?.name === 'reopen' && flow.stage === 'again' ? flow.words : '')
  return words ? shortWords(words) : null
}

/** What the privacy notice waits for, said again: with her words kept, that "同意" carries them on. */
export function noticeReminder(flow: PrivacyFlow): string {
  const words = heldWords(flow)
  return words
    ? lines(`您说的「${words}」还没有发出去。`, '同意上面的个人信息保护说明后就能接着送出：请回复"同意"；不要了请回复"取消"。')
    : '请回复"同意"继续，或回复"取消"。'
}

/**
 * The idle timeout met a dialogue: a draft whose summary was shown is kept (marked parked, so one
 * "1" still sends it and nothing repeats the notice) and the words that say so are returned; null
 * when there is no such draft, and the dialogue ends as before.
 */
export function parkDraft(flow: Flow, now: number): string | null {
  // Her words at the privacy notice ("这段话已经记下了"): kept for a day, and she hears they were not sent and how to send them.
  if (flow.name === 'privacy') {
    const words = heldWords(flow)
    if (!words) return null
    flow.parkedAt = now
    return lines(`您好，您说的「${words}」还没有发给代表：要先同意个人信息保护说明，才能送出。`, '要接着送出，请在一天之内回复"同意"；不要了请回复"取消"。')
  }
  if (flow.name !== 'message' || flow.stage !== 'confirm' || !flow.target || flow.parts.length === 0) return null
  flow.parked = true
  flow.parkedAt = now
  return lines(`您好，您的留言（${firstWords(flow)}）还没有送出，代表还看不到。`, '要送出请回复 1；不要了请回复"取消"。')
}

/**
 * Whether words kept for her are past the time she was told: her words at the privacy notice after a
 * day, a parked draft after a week. The bot's sweep lets them go then (Inbox.sweep), without waiting
 * for her next message: she was told they are kept that long, and no longer.
 */
export function pastKeeping(state: DialogueState, now: number): boolean {
  const flow = state.flow
  if (flow?.name === 'privacy') return flow.parkedAt !== undefined && now - flow.parkedAt >= KEEP_AT_NOTICE_MS
  return flow?.name === 'message' && flow.parked === true && now - (flow.parkedAt ?? state.touchedAt) >= KEEP_PARKED_MS
}

/**
 * A draft parked for a week is let go: the words that tell her (said before the answer to what she
 * wrote now), or null when there is none. A draft parked before parkedAt was kept counts from her
 * last message, which is when it was last touched.
 */
export function letGoParked(state: DialogueState, now: number): string | null {
  const flow = state.flow
  if (!pastKeeping(state, now)) return null
  if (flow?.name === 'privacy') {
    state.flow = null
    return lines(`您之前说的「${heldWords(flow) ?? ''}」一直没有发出去，代表没有看到，这段话就不再保留了。`, '还要反映的话，请发送"留言"重新写。')
  }
  if (flow?.name !== 'message') return null
  state.flow = null
  return lines(`您上次写的留言「${firstWords(flow)}」一直没有发出，代表没有看到。已经过了 7 天，这条就不再保留了。`, '还要反映的话，请发送"留言"重新写。')
}

/**
 * She asked for a new message (`next`): words of hers not sent yet are never dropped for it. A reopen
 * offer (重新办理) she leaves for it ends, said in words, and gives back the draft it put aside; a
 * draft that could be sent is offered back (offerKeptDraft); words she gave before choosing where
 * they go stay the message's words, and the place is asked again (the privacy notice first, while
 * she has not agreed). False when nothing of hers is unsent: the new message starts.
 */
export async function keepUnsentWords(turn: Turn, next: NewMessage): Promise<boolean> {
  const flow = turn.state.flow
  const draft = heldDraft(flow)
  if (flow?.name === 'reopen') {
    turn.say(flow.ticket ? `留言 ${flow.ticket} 没有申请重新办理。` : '没有申请重新办理。')
    turn.state.flow = draft
  }
  if (!draft || draft.parts.length === 0) return false
  if (draft.target) {
    turn.state.flow = draft
    return offerKeptDraft(turn, next)
  }
  // No place chosen yet: "留言" is what she is doing already, so the same draft goes on.
  draft.stage = 'place'
  draft.path = []
  draft.options = []
  if (next.kind === 'deputy') {
    // A deputy named now is where her words go, once she has agreed to the notice; a name not found
    // keeps them too (startMessageToDeputy asks the place then).
    if (turn.person.consented) await startMessageToDeputy(turn, next.who, next.text, draft)
    else {
      turn.say(`您刚才说的「${firstWords(draft)}」已经记下了。`)
      await askConsentFirst(turn, { ...next, text: [...draft.parts, next.text].filter(Boolean).join('\n') })
    }
    return true
  }
  turn.say(`您刚才说的「${firstWords(draft)}」已经记下了，选好发给谁，就可以送出。`)
  if (!(await askConsentFirst(turn, { kind: 'resume', flow: draft }))) await resumeDraft(turn, draft)
  return true
}

/**
 * Her draft a flow holds: the message she is writing, the one a reopen offer put aside, or the one the
 * privacy notice resumes once she agrees. Null when there is none.
 */
function heldDraft(flow: Flow | null): MessageFlow | null {
  if (flow?.name === 'message') return flow
  if (flow?.name === 'reopen') return flow.draft ?? null
  if (flow?.name === 'privacy' && flow.next.kind === 'resume') return flow.next.flow
  return null
}

/**
 * She asked for a new message (`next`) while a draft that could be sent was unsent: instead of
 * starting over on top of it, the draft is shown with the choice. False when there is no such draft.
 */
export function offerKeptDraft(turn: Turn, next: NewMessage): boolean {
  const flow = turn.state.flow
  if (flow?.name !== 'message' || !flow.target || flow.parts.length === 0) return false
  const when = flow.parked ? '上次' : '刚才'
  flow.stage = 'confirm'
  flow.parked = undefined
  flow.parkedAt = undefined
  flow.instead = next
  turn.state.flow = flow
  turn.say(lines(`您${when}写的留言还没有发出：「${firstWords(flow)}」。`, CHOICE))
  return true
}

const CHOICE = lines('回复 1 发出这条，回复 2 不要了重新写。', '不想留言了请回复"取消"。')

/**
 * Her answer to that choice. False when it is not for it: "3" (the caller cancels, as under the
 * summary), or another number while an answer waits for a score (the caller rates it).
 */
export async function keptDraftChoice(turn: Turn, flow: MessageFlow, ratingWaits: boolean): Promise<boolean> {
  const cmd = turn.command
  const next = flow.instead!
  if (cmd.kind === 'number' && cmd.value === 1) {
    flow.instead = undefined
    await submit(turn, flow)
    if (turn.state.flow !== null) return true // not sent: what stands in its way was said
    // Words she gave with the new message ("我要给张伟代表留言：…") are not lost: that one goes on.
    if (next.kind === 'deputy' && next.text) await startNew(turn, next)
    else turn.say('还要再写一条新留言，请发送"留言"。')
    return true
  }
  if (cmd.kind === 'number' && cmd.value === 2) {
    turn.state.flow = null
    turn.say('好的，之前那条不发了。')
    if (!(await askConsentFirst(turn, next))) await startNew(turn, next)
    return true
  }
  if (cmd.kind === 'number' && (cmd.value === 3 || ratingWaits)) return false
  turn.say(lines(`您写的留言「${firstWords(flow)}」还没有发出。`, CHOICE))
  return true
}
