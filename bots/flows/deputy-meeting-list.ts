import { ApiError, type MeetingAnswer } from '../client.js'
import { choiceNumber } from '../scores.js'
import { compact, normalise } from '../typed-text.js'
import type { MeetingPick } from './dialogue-state.js'
import { refusal } from './refusal.js'
import { lines, type Turn } from './turn.js'

/** How a deputy signs in on the day, in the words her meeting notice and reminders use (src/services/meetings/meeting-notices.ts). */
export const CHECK_IN_HOW = '到会场后，请打开微信“扫一扫”，扫会场张贴的签到二维码签到。'

/**
 * Several meetings waiting for her answer and words that do not say which ("好的", "收到"): they are listed numbered,
 * and she answers each by its number ("2 参加", "1 请假 外出开会") or all at once ("都参加"). Quoting a notice (WeChat
 * 引用) is never asked of her: many older users cannot do it. Nothing is answered until she names a number.
 */

type Listed = Pick<MeetingAnswer, 'id' | 'title' | 'time' | 'rsvp'> & Partial<Pick<MeetingAnswer, 'status' | 'rsvpOpen'>>

/** A line of the list: when first, as she finds it in her diary ("12月9日（星期三）上午9:00至上午11:30 代表小组活动"). */
export const listedLine = (m: Pick<MeetingAnswer, 'title' | 'time'>, n: number) => `${n}. ${m.time} ${m.title}`

/** How to answer the list, with its own numbers as the examples (never a number that is not on it). */
const howToAnswer = (count: number) =>
  lines(
    `要参加哪个，请回复数字和“参加”，例如：1 参加`,
    `要请假，请回复数字、“请假”和原因，例如：${count} 请假 外出开会`,
    count > 1 && '都能参加，请回复：都参加',
  )

/** Lists the meetings waiting for her, numbered, and keeps them: her next message may answer one by its number. */
export function listWaiting(turn: Turn, meetings: Listed[], head = `您有 ${meetings.length} 个会议等您回复：`) {
  keepListed(turn, meetings)
  turn.say(lines(head, ...meetings.map((m, i) => listedLine(m, i + 1)), howToAnswer(meetings.length)))
}

/** Keeps a list shown under "好的" or after an answer: a number under it, with 参加 or 请假, answers that meeting. */
export function keepListed(turn: Turn, meetings: Listed[]) {
  turn.state.meetingPick = { to: 'either', reason: '', choices: meetings.map(choiceOf), at: turn.now }
}

/** A meeting as kept while she picks from a numbered list (her next message answers it by number). */
export const choiceOf = (m: Listed): MeetingPick['choices'][number] => ({
  id: m.id,
  title: m.title,
  time: m.time,
  rsvp: m.rsvp,
  status: m.status,
  rsvpOpen: m.rsvpOpen,
})

/** Her answer to a numbered list in words: one meeting by its number, with 参加 or 请假 (and its reason), or all of them. */
export type NumberedAnswer = { kind: 'one'; n: number; to: 'attend' | 'leave'; reason: string } | { kind: 'all' }

const COME = '(?:参加|参会|出席|能去|去)'
const ALL = new RegExp(`^(?:这?[两二三四五六七八九几]个)?(?:都|全都|全部|全部都)(?:能|可以|会|要)?${COME}(?:的|了|吧|呢)?$`)
const NUMBER = '第?(\\d{1,2}|[一二两三四五六七八九十])(?:个|号|项|条)?'
/** "2 参加", "第二个参加", "2、请假 外出开会". */
const NUMBER_FIRST = new RegExp(`^${NUMBER}[\\s.、,，:：]*(?:(${COME})|请\\s*假)[\\s:：,，、。]*(.*)$`)
/** "参加 2", "请假 2 外出开会". */
const WORD_FIRST = new RegExp(`^(?:(${COME})|请\\s*假)[\\s:：,，、]*${NUMBER}(?:$|[\\s:：,，、。]+(.*)$)`)

/** Reads her reply to the numbered list; null when it is not one (then the list is let go and her words read as ever). */
export function numberedAnswer(raw: string): NumberedAnswer | null {
  const text = normalise(raw).replace(/[。！!~～]+$/, '')
  if (ALL.test(compact(text))) return { kind: 'all' }
  const first = NUMBER_FIRST.exec(text)
  if (first) {
    const n = choiceNumber(first[1])
    if (n === null) return null
    return first[2] ? (first[3].trim() ? null : { kind: 'one', n, to: 'attend', reason: '' }) : { kind: 'one', n, to: 'leave', reason: first[3].trim() }
  }
  const after = WORD_FIRST.exec(text)
  if (!after) return null
  const n = choiceNumber(after[2])
  if (n === null) return null
  const rest = (after[3] ?? '').trim()
  if (after[1]) return rest ? null : { kind: 'one', n, to: 'attend', reason: '' }
  return { kind: 'one', n, to: 'leave', reason: rest }
}

/**
 * "都参加": each meeting of the list is answered 参加, and she is told which were and which the backend would not take
 * (its words say why, as for one). `othersAfter`: what still waits beyond the list.
 */
export async function attendAll(turn: Turn, pick: MeetingPick, othersAfter: (answered: string[]) => Promise<string | null>) {
  const done: MeetingAnswer[] = []
  const refused: string[] = []
  let closed = false
  for (const m of pick.choices) {
    try {
      done.push(await turn.client.answerMeeting(turn.person.personId, 'attend', undefined, m.id))
    } catch (err) {
      if (!(err instanceof ApiError)) throw err
      // Answers closed since the list was shown: coming needs no answer, only the scan at the door (as a plain "参加" says).
      const late = err.code === 'rsvp_closed'
      closed ||= late
      refused.push(`没有回复上：${m.title}，${m.time}。${refusal(err)}。${late ? '这个会议您要参加的话，不用再回复，直接去会场签到。' : ''}`)
    }
  }
  turn.say(
    lines(
      done.length > 0 && `已回复参加 ${done.length} 个会议：`,
      ...done.map((m, i) => `${listedLine(m, i + 1)}，地点 ${m.place}`),
      ...refused,
      (done.length > 0 || closed) && CHECK_IN_HOW,
      await othersAfter(pick.choices.map((m) => m.id)),
    ),
  )
}
