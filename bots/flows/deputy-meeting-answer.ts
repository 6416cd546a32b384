import { ApiError, type MeetingAnswer } from '../client.js'
import { refusal } from './refusal.js'
import { lines, type Turn } from './turn.js'
import { CHECK_IN_HOW, keepListed, listedLine } from './deputy-meeting-list.js'
import type { MeetingRef } from './deputy-meeting-choice.js'

// Answering one meeting for him (参加, 请假, a change of either) and saying what came of it: the backend's answer, the
// meetings still waiting, or why an answer stands. deputy-meetings.ts decides which meeting his words are for.

/** A meeting he named (quoted or picked): a notice he never answered whose answers have closed says so, as answerClosed. */
export async function answerGiven(turn: Turn, m: MeetingRef, to: 'attend' | 'leave', reason?: string) {
  if (m.rsvp === 'pending' && m.rsvpOpen === false && m.status !== 'cancelled') return answerClosedOne(turn, m, to, reason)
  return answerOne(turn, m, to, reason)
}

/**
 * A notice he never answered whose answers have closed: "no meeting waits for you" would be untrue. The backend
 * is asked all the same (it says since when, and whom to tell); coming needs no answer, only the scan at the door.
 * False when no such meeting is ahead.
 */
export async function answerClosed(turn: Turn, items: MeetingAnswer[], to: 'attend' | 'leave', reason?: string): Promise<boolean> {
  const m = items.find((x) => x.status !== 'cancelled' && (x.awaitsAnswer ?? x.rsvp === 'pending') && x.rsvpOpen === false)
  if (!m) return false
  await answerClosedOne(turn, m, to, reason)
  return true
}

async function answerClosedOne(turn: Turn, m: MeetingRef, to: 'attend' | 'leave', reason?: string) {
  try {
    const done = await turn.client.answerMeeting(turn.person.personId, to, reason, m.id)
    turn.say(to === 'attend' ? attending(done, false) : excused(done, reason!, false))
  } catch (err) {
    if (!(err instanceof ApiError)) throw err
    turn.say(closedWords(m, to, refusal(err)))
  }
}

/** Answers closed for a meeting he never answered: the backend's why, and that coming needs no answer, only the scan at the door. */
const closedWords = (m: MeetingRef, to: 'attend' | 'leave', why: string) =>
  to === 'attend' ? `${meetingNamed(m)}。${why}。您要参加的话，不用再回复，${CHECK_IN_HOW}` : `${meetingNamed(m)}。${why}。`

/**
 * The meeting still waiting for his answer, as the backend judges it (awaitsAnswer: one he checked in to
 * is answered by coming); an older backend without the field is read from rsvp alone.
 */
export const awaitingAnswer = (m: MeetingAnswer) => m.status !== 'cancelled' && (m.awaitsAnswer ?? m.rsvp === 'pending') && m.rsvpOpen !== false

/**
 * The meeting ahead a change of answer is for: the nearest he answered `rsvp` to whose answer may
 * still change, else the nearest (the backend then says why it may not).
 */
export function answeredAhead(items: MeetingAnswer[], rsvp: 'attend' | 'leave'): MeetingAnswer | undefined {
  const answered = items.filter((m) => m.status !== 'cancelled' && m.rsvp === rsvp)
  return answered.find((m) => m.rsvpOpen !== false) ?? answered[0]
}

/** Answers one meeting; an answer he gave before that the backend will not change is said to stand, with its reason. */
export async function answerOne(turn: Turn, m: MeetingRef, to: 'attend' | 'leave', reason?: string) {
  const changing = m.rsvp !== 'pending'
  try {
    const done = await turn.client.answerMeeting(turn.person.personId, to, reason, m.id)
    const said =
      to === 'leave' && m.rsvp === 'leave'
        ? `已更新请假原因：${done.reason ?? reason}。${meetingNamed(done)}。`
        : to === 'attend'
          ? attending(done, changing)
          : excused(done, reason!, changing)
    turn.say(lines(said, await othersWaiting(turn, m.id)))
  } catch (err) {
    if (!(err instanceof ApiError)) throw err
    // Picked from a list shown before its answers closed ("1 参加"): said as a plain "参加" after the close says it.
    if (!changing && err.code === 'rsvp_closed') return turn.say(lines(closedWords(m, to, refusal(err)), await othersWaiting(turn, m.id)))
    if (!changing) throw err
    // The backend's words ("回复已于11月25日（星期三）晚上6:00截止，如需请假，请联系…") say why; its advice is for a leave.
    const why = refusal(err)
    turn.say(
      m.rsvp === 'attend'
        ? `您已回复参加这个会议：${m.title}，${m.time}。${why}。${/联系/.test(why) ? '' : '如需请假，请联系联络站工作人员。'}`
        : to === 'leave'
          ? `您已为这个会议请假：${m.title}，${m.time}。请假原因没有改：${why}。`
          : `您已为这个会议请假：${m.title}，${m.time}。${why.split('，')[0]}。如又能参加，${contactIn(err) ?? '请联系联络站工作人员'}。`,
    )
  }
}

/**
 * After an answer, the meetings still waiting for one, so that he knows his answer did not cover them; null when none.
 * One left is answered by a plain "参加"; several are numbered and kept, each answered by its number ("2 参加"), never
 * by quoting a notice (引用), which many older users cannot do.
 */
export async function othersWaiting(turn: Turn, answered: string | string[]): Promise<string | null> {
  const done = new Set([answered].flat())
  const others = (await turn.client.meetings(turn.person.personId)).filter((x) => !done.has(x.id) && awaitingAnswer(x))
  if (!others.length) return null
  if (others.length === 1) return lines('', '您还有 1 个会议没有回复：', `${others[0].title}，${others[0].time}`, '请回复"参加"，或"请假 原因"。')
  keepListed(turn, others)
  return lines(
    '',
    `您还有 ${others.length} 个会议没有回复：`,
    ...others.map((x, i) => listedLine(x, i + 1)),
    '回复时请写上数字，例如：1 参加，或 1 请假 外出开会',
  )
}

/** Whom the backend says to call about the meeting ("请联系王丽（电话 …）"), given apart from its refusal; null from an older backend. */
function contactIn(err: ApiError): string | null {
  const details = Array.isArray(err.details) ? (err.details as Array<{ path?: unknown; message?: unknown }>) : []
  const contact = details.find((d) => d.path === 'contact')?.message
  return typeof contact === 'string' && contact ? contact : null
}

/**
 * "会议：市人大常委会第十次会议，11月26日（星期四）上午9:30至上午11:30": the meeting his words are about, as a
 * sentence of its own. Its time carries its own brackets (（星期四）), so it is never put inside another pair.
 */
export const meetingNamed = (m: Pick<MeetingAnswer, 'title' | 'time'>) => `会议：${m.title}，${m.time}`

const attending = (m: MeetingAnswer, changed: boolean) => `${changed ? '已改为参加' : '已回复参加'}：${m.title}，${m.time}，地点 ${m.place}。${CHECK_IN_HOW}`

const excused = (m: MeetingAnswer, reason: string, changed: boolean) =>
  `${changed ? '已改为请假' : '已为您请假'}：${m.title}，${m.time}。原因：${m.reason ?? reason}`
