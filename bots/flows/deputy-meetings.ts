import { ApiError, type MeetingAnswer } from '../client.js'
import { attendsMeeting, cannotCome, isMeetingYes } from './deputy-words.js'
import { refusal } from './refusal.js'
import { lines, type Turn } from './turn.js'

/**
 * A deputy answering meeting notices in the chat: "参加", "请假 原因", and what he says instead
 * ("好的", "去不了，家里有事"). The backend answers the nearest meeting still waiting for him; once
 * he has answered, he may change his answer while the backend still takes answers (as the
 * mini-program lets him), and is told what the backend says when it no longer does.
 */

/** How answering works, said when nothing waits for an answer. */
const HOW = '收到会议通知后，回复"参加"或"请假 原因"即可。'

/** "参加": the nearest meeting waiting for him; with none, the nearest ahead he asked leave for is changed. */
export async function attend(turn: Turn) {
  try {
    turn.say(attending(await turn.client.answerMeeting(turn.person.personId, 'attend'), false))
  } catch (err) {
    if (!noneWaiting(err)) throw err
    const m = answeredAhead(await turn.client.meetings(turn.person.personId), 'leave')
    if (m) await answerOne(turn, m, 'attend')
    else turn.say(`${err.message}。${HOW}`)
  }
}

/**
 * "请假 原因": the nearest meeting waiting for him; with none, the nearest ahead he said he would attend is
 * changed; with none either, a leave he asked already takes the new reason.
 */
export async function excuse(turn: Turn, reason: string) {
  if (!reason) return askReason(turn, null)
  try {
    turn.say(excused(await turn.client.answerMeeting(turn.person.personId, 'leave', reason), reason, false))
  } catch (err) {
    if (!noneWaiting(err)) throw err
    const items = await turn.client.meetings(turn.person.personId)
    const m = answeredAhead(items, 'attend') ?? answeredAhead(items, 'leave')
    if (m) await answerOne(turn, m, 'leave', reason)
    else turn.say(`${err.message}。${HOW}`)
  }
}

/**
 * His own words about a meeting, said with nothing else going on: "好的", "收到" while a notice waits
 * for his answer (they record nothing: he is asked for 参加 or 请假); "好的，我准时参加", "我又能去了", which
 * are 参加 (after a 请假 too); words about coming that are not plainly yes ("尽量参加"), which ask; and
 * "去不了…", which is 请假 (its reason asked for when he gave none). False when the words are not these,
 * or no meeting is concerned.
 */
export async function meetingWords(turn: Turn): Promise<boolean> {
  const reason = cannotCome(turn.raw)
  // "不参加", "参加不了" are read first: a sentence with 参加 in it is never taken for a yes before them.
  const coming = reason === null ? attendsMeeting(turn.raw) : null
  const yes = reason === null && !coming && isMeetingYes(turn.raw)
  if (!yes && reason === null && !coming) return false
  const items = await turn.client.meetings(turn.person.personId)
  const waiting = items.find((m) => m.status !== 'cancelled' && m.rsvp === 'pending' && m.rsvpOpen !== false)
  if (coming) {
    // "我又能去了" after a 请假 changes it, as "参加" would.
    const meeting = waiting ?? answeredAhead(items, 'leave')
    if (!meeting) return false
    if (coming === 'yes') await answerOne(turn, meeting, 'attend')
    else turn.say(`是要参加吗？请回复"参加"，去不了请回复"请假 原因"（会议：${meeting.title}，${meeting.time}）`)
    return true
  }
  if (yes) {
    if (!waiting) return false
    turn.say(`请回复"参加"，或"请假 原因"（会议：${waiting.title}，${waiting.time}）`)
    return true
  }
  const meeting = waiting ?? answeredAhead(items, 'attend')
  if (!meeting) {
    // On leave already: a reason given is the new one; none asks nothing he has not done.
    const onLeave = answeredAhead(items, 'leave')
    if (!onLeave) return false
    if (reason) await answerOne(turn, onLeave, 'leave', reason)
    else turn.say(lines(`您已为这个会议请假了（${onLeave.title}，${onLeave.time}）。`, '要改请假原因，请发送：请假 新的原因'))
    return true
  }
  if (!reason) askReason(turn, meeting)
  else await answerOne(turn, meeting, 'leave', reason)
  return true
}

function askReason(turn: Turn, m: MeetingAnswer | null) {
  turn.say(lines(`请写明请假原因${m ? `（会议：${m.title}，${m.time}）` : ''}，例如：`, '请假 外出学习'))
}

const noneWaiting = (err: unknown): err is ApiError => err instanceof ApiError && err.code === 'no_meeting_awaiting'

/**
 * The meeting ahead a change of answer is for: the nearest he answered `rsvp` to whose answer may
 * still change, else the nearest (the backend then says why it may not).
 */
function answeredAhead(items: MeetingAnswer[], rsvp: 'attend' | 'leave'): MeetingAnswer | undefined {
  const answered = items.filter((m) => m.status !== 'cancelled' && m.rsvp === rsvp)
  return answered.find((m) => m.rsvpOpen !== false) ?? answered[0]
}

/** Answers one meeting; an answer he gave before that the backend will not change is said to stand, with its reason. */
async function answerOne(turn: Turn, m: MeetingAnswer, to: 'attend' | 'leave', reason?: string) {
  const changing = m.rsvp !== 'pending'
  try {
    const done = await turn.client.answerMeeting(turn.person.personId, to, reason, m.id)
    if (to === 'leave' && m.rsvp === 'leave') turn.say(`已更新请假原因：${done.reason ?? reason}（会议：${done.title}，${done.time}）`)
    else turn.say(to === 'attend' ? attending(done, changing) : excused(done, reason!, changing))
  } catch (err) {
    if (!changing || !(err instanceof ApiError)) throw err
    // The backend's words ("回复已于 11月25日 18:00 截止，如需请假请联系会务人员") say why; its advice is for a leave.
    const why = refusal(err)
    turn.say(
      m.rsvp === 'attend'
        ? `您已回复参加这个会议（${m.title}，${m.time}）。${why}。${/联系/.test(why) ? '' : '如需请假，请联系联络站工作人员。'}`
        : to === 'leave'
          ? `您已为这个会议请假（${m.title}，${m.time}），请假原因没有改：${why}。`
          : `您已为这个会议请假（${m.title}，${m.time}）。${why.split('，')[0]}。如又能参加，请联系联络站工作人员。`,
    )
  }
}

const attending = (m: MeetingAnswer, changed: boolean) =>
  `${changed ? '已改为参加' : '已回复参加'}：${m.title}，${m.time}，地点 ${m.place}。到场后请用小程序扫会场二维码签到。`

const excused = (m: MeetingAnswer, reason: string, changed: boolean) =>
  `${changed ? '已改为请假' : '已为您请假'}：${m.title}（${m.time}）。原因：${m.reason ?? reason}`
