import type { MeetingAnswer } from '../client.js'
import { normalise } from '../typed-text.js'
import { lines, type Turn } from './turn.js'
import type { MeetingPick } from './dialogue-state.js'
import { choiceOf, numberedAnswer } from './deputy-meeting-list.js'

/**
 * Which meeting a deputy's "参加" / "请假" is for, never guessed: the meeting whose notice he quoted (WeChat 引用), else
 * the one meeting it can be for; with several, he is shown them numbered and his number picks one. A reply must never
 * go to a meeting he did not mean (a 请假 written under the 培训's notice once went to the 视察). Pure apart from state.
 */

/** A meeting as the chat keeps it between his messages: enough to name it and answer it. */
export type MeetingRef = Pick<MeetingAnswer, 'id' | 'title' | 'time' | 'rsvp'> & Partial<Pick<MeetingAnswer, 'status' | 'rsvpOpen'>>

/** The first words of the backend's messages about one meeting (meeting-notices.ts), after the quote's "sender：". */
const MEETING_MESSAGE = /(?:会议通知|会议变更|会议提醒|会议取消|请回复参会情况|会议材料已更新|会议补签)[：:]/

export type QuotedMeeting =
  | { kind: 'none' }
  /** The quote names this meeting of his. */
  | { kind: 'one'; meeting: MeetingAnswer }
  /** The quote names several (a digest's list): only these are what he may mean. */
  | { kind: 'several'; meetings: MeetingAnswer[] }
  /** A meeting message is quoted, of a meeting no longer his to answer (over, or he is off its list). */
  | { kind: 'gone' }

/** A meeting as its messages name it (meetingWhat): its title, with its kind unless the title ends in brackets. */
const wordsOf = (m: MeetingAnswer) => (/[）)]$/.test(m.title.trim()) || !m.kindLabel ? m.title : `${m.title}（${m.kindLabel}）`)

const escaped = (words: string) => words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Where each meeting message names its meeting (W: its words) and time (T), as meeting-notices.ts writes them. A
 * meeting is quoted only when one of these reads in the quote with its words and its time whole: a title inside
 * another's ("代表培训" in "代表培训（第二期）") or the same title at another time names nothing.
 */
const NAMINGS = [
  '会议通知：W，时间 T，',
  '会议变更：W调整为T，',
  '您报名旁听的W调整为T，',
  '原定T召开的W已取消',
  '会议提醒：W[^，]*召开，时间 T，',
  '请回复参会情况：W，时间 T，',
  '会议：W，时间 T。',
  '会议材料已更新：W，时间 T，',
]

/** Whether the (normalised) quote names meeting `m` as one of its messages does: its words and its time, whole. */
function namedExactly(text: string, m: MeetingAnswer): boolean {
  if (!m.title || !m.time) return false
  const words = escaped(normalise(wordsOf(m)))
  // A notice written in another year than the one it is read in says the year; the list says it only when it must.
  const time = `(?:\\d{4}年)?${escaped(normalise(m.time).replace(/^\d{4}年/, ''))}`
  // One pass: words that hold a "T" of their own stay as they are.
  return NAMINGS.some((naming) => new RegExp(normalise(naming).replace(/[WT]/g, (k) => (k === 'W' ? words : time))).test(text))
}

/** Whether the quote says this meeting's time (a digest's line). */
const timeIn = (text: string, m: MeetingAnswer) => Boolean(m.time) && text.includes(normalise(m.time).replace(/^\d{4}年/, ''))

/**
 * The meeting a quoted message names: exactly, by its words and its time where the message says them. A quote naming
 * his meetings only by words (a title inside another's, a time since changed, a digest's lines) is never taken for
 * one of them: those it may be are offered (`several`), and he picks by number. A meeting message naming none of his
 * is `gone`; a quote that is not about a meeting is none.
 */
export function quotedMeeting(quoted: string | null | undefined, items: MeetingAnswer[]): QuotedMeeting {
  if (!quoted) return { kind: 'none' }
  const text = normalise(quoted)
  const exact = items.filter((m) => namedExactly(text, m))
  if (exact.length === 1) return { kind: 'one', meeting: exact[0] }
  if (exact.length > 1) return { kind: 'several', meetings: exact }
  const named = items.filter((m) => m.title && text.includes(normalise(m.title)))
  // Not a meeting's own message (a digest's line): one meeting named with its time is that one.
  if (named.length === 1 && !MEETING_MESSAGE.test(text) && timeIn(text, named[0])) return { kind: 'one', meeting: named[0] }
  if (named.length) return { kind: 'several', meetings: named }
  return MEETING_MESSAGE.test(text) ? { kind: 'gone' } : { kind: 'none' }
}

/** Said for a quoted meeting message whose meeting is not among his to answer: nothing is answered. */
export const QUOTED_GONE = '您引用的这条会议消息，对应的会议已经结束、取消，或您已不在参会名单上，没有为您回复。发送"参加"或"请假 原因"可以回复其他会议。'

/** After "参加" / "请假", a number picks a meeting for this long. */
export const PICK_WINDOW_MS = 30 * 60_000

/** Whether her meetings were listed numbered lately, so that her next number picks one of them (pickedMeeting). */
export const pickWaits = (turn: Turn) => {
  const pick = turn.state.meetingPick
  return pick ? turn.now - pick.at <= PICK_WINDOW_MS : false
}

/**
 * Shows the meetings numbered and keeps them: his next message, if a number of the list, answers that meeting
 * (meetingPicked). `reason`: the leave's reason he gave ('' asks for it once he has picked).
 */
export function askWhich(turn: Turn, meetings: MeetingRef[], to: 'attend' | 'leave', reason: string, waiting: boolean) {
  turn.state.meetingPick = { to, reason, choices: meetings.map(choiceOf), at: turn.now }
  turn.say(
    lines(
      `您有 ${meetings.length} 个会议${waiting ? '等您回复' : ''}，要${to === 'attend' ? '参加' : '请假'}的是哪一个？请回复数字：`,
      ...meetings.map((m, i) => `${i + 1}. ${m.title}，${m.time}`),
      // Quoting a notice (引用) is never asked: many older users cannot. Several to attend are answered at once.
      to === 'attend' && '都能参加，请回复：都参加',
    ),
  )
}

/**
 * His answer to the numbered list, if it waits: the meeting he picked and what for (a bare number answers as he said
 * before the list; "2 参加", "1 请假 外出开会" say it with the number), all of them ("都参加"), or null when this message
 * is not a pick (the list is dropped and the message read as ever). A number past the list, or a bare number under a
 * list of "好的" (which said neither), keeps it and says what to send.
 */
export function pickedMeeting(
  turn: Turn,
): { pick: MeetingPick; meeting: MeetingRef; to: 'attend' | 'leave'; reason: string } | { all: MeetingPick } | 'again' | 'cancelled' | null {
  const pick = turn.state.meetingPick
  if (!pick) return null
  turn.state.meetingPick = null
  if (turn.now - pick.at > PICK_WINDOW_MS) return null
  if (turn.command.kind === 'cancel') return 'cancelled'
  const said = numberedAnswer(turn.raw)
  if (said?.kind === 'all') return { all: pick }
  const n = said ? said.n : turn.command.kind === 'number' ? turn.command.value : null
  if (n === null) return null
  const meeting = pick.choices[n - 1]
  if (meeting && said) return { pick, meeting, to: said.to, reason: said.reason }
  if (meeting && pick.to !== 'either') return { pick, meeting, to: pick.to, reason: pick.reason }
  turn.state.meetingPick = { ...pick, at: turn.now }
  turn.say(
    meeting
      ? lines(`第 ${n} 个：${meeting.title}，${meeting.time}。`, `要参加，请回复：${n} 参加`, `要请假，请回复数字、“请假”和原因，例如：${n} 请假 外出开会`)
      : `请回复 1 到 ${pick.choices.length} 之间的数字，选一个会议。`,
  )
  return 'again'
}
