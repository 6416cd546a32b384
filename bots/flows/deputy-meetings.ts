import { ApiError, type MeetingAnswer } from '../client.js'
import { asksAQuestion, attendsMeeting, cannotCome, isMeetingYes, PHONE_ASKED } from './deputy-words.js'
import { doneElsewhere } from './deputy-elsewhere.js'
import { refusal } from './refusal.js'
import { lines, oneLine, type Turn } from './turn.js'
import { quotedTicket } from '../quotes.js'
import { compact } from '../typed-text.js'

/** Words of his coming ("尽量参加", "能去"): about this meeting, not a reason for missing it. */
const COMING = /参加|参会|出席|到会|能去|会去|能来|能到|去得了|来得了|赶得上|赶过去|就去|就来/
/**
 * Asked for his reason, words that merely name a meeting ("那天要去外地开会", the question's own example) are the
 * reason; words of his coming, or a plain yes, are not.
 */
const isReasonGiven = (text: string) => {
  const about = attendsMeeting(text)
  return about === null || (about === 'unclear' && !COMING.test(compact(text)))
}

/**
 * A deputy answering meeting notices in the chat: "参加", "请假 原因", and what he says instead
 * ("好的", "去不了，家里有事"). The backend answers the nearest meeting still waiting for him; once
 * he has answered, he may change his answer while the backend still takes answers (as the
 * mini-program lets him), and is told what the backend says when it no longer does.
 */

/** How answering works, said when nothing waits for an answer. */
const HOW = '收到会议通知后，回复"参加"或"请假 原因"即可。'

/** How he pauses his new messages himself, in the words of his workbench's link (miniprogram/pages/deputy/index.wxml). */
const PAUSE_YOURSELF =
  '要暂停接收新留言，请打开小程序"代表工作台"，点"暂停接收新留言（外出、生病时）"，选好日子和原因；联络站会收到通知。也可以请联络站代为设置。'

/**
 * After "请写明请假原因", his next words count as the reason this long: an older deputy may take a while to
 * type it; later, words mean what they say again (the question is not left to catch a message hours on).
 */
const LEAVE_ASK_WINDOW_MS = 30 * 60_000

/** "参加": the nearest meeting waiting for him; with none, the nearest ahead he asked leave for is changed. */
export async function attend(turn: Turn) {
  try {
    turn.say(attending(await turn.client.answerMeeting(turn.person.personId, 'attend'), false))
  } catch (err) {
    if (!noneWaiting(err)) throw err
    const items = await turn.client.meetings(turn.person.personId)
    const m = answeredAhead(items, 'leave')
    if (m) await answerOne(turn, m, 'attend')
    else if (!(await answerClosed(turn, items, 'attend'))) turn.say(`${err.message}。${HOW}`)
  }
}

/**
 * "请假 原因": the nearest meeting waiting for him; with none, the nearest ahead he said he would attend is
 * changed; with none either, a leave he asked already takes the new reason.
 */
export async function excuse(turn: Turn, reason: string) {
  if (!reason) return askReasonFor(turn)
  try {
    turn.say(excused(await turn.client.answerMeeting(turn.person.personId, 'leave', reason), reason, false))
  } catch (err) {
    if (!noneWaiting(err)) throw err
    const items = await turn.client.meetings(turn.person.personId)
    const m = answeredAhead(items, 'attend') ?? answeredAhead(items, 'leave')
    if (m) await answerOne(turn, m, 'leave', reason)
    else if (!(await answerClosed(turn, items, 'leave', reason))) turn.say(await noMeetingToExcuse(turn, err.message))
  }
}

/**
 * "请假 下周住院" with no meeting to excuse him from: he most likely means his messages. He pauses those himself on his
 * mini-program's 代表工作台 (暂停接收新留言), step by step as the page names it, or asks his station to; or he is told
 * they are paused already and until when. A staff member (no deputy) hears only that no meeting waits.
 */
async function noMeetingToExcuse(turn: Turn, none: string): Promise<string> {
  let own: Awaited<ReturnType<Turn['client']['deputyAway']>>
  try {
    own = await turn.client.deputyAway(turn.person.personId)
  } catch (err) {
    if (!(err instanceof ApiError)) throw err
    return `${none}。${HOW}`
  }
  const station = own.stations.length ? own.stations.join('或') : '您所在的代表联络站'
  return lines(`${none}。"请假"是给会议请假用的。`, own.away ? `${own.away.text}。日期要改，请联系${station}。` : PAUSE_YOURSELF, HOW)
}

/**
 * A notice he never answered whose answers have closed: "no meeting waits for you" would be untrue. The backend
 * is asked all the same (it says since when, and whom to tell); coming needs no answer, only the scan at the door.
 * False when no such meeting is ahead.
 */
async function answerClosed(turn: Turn, items: MeetingAnswer[], to: 'attend' | 'leave', reason?: string): Promise<boolean> {
  const m = items.find((x) => x.status !== 'cancelled' && (x.awaitsAnswer ?? x.rsvp === 'pending') && x.rsvpOpen === false)
  if (!m) return false
  try {
    const done = await turn.client.answerMeeting(turn.person.personId, to, reason, m.id)
    turn.say(to === 'attend' ? attending(done, false) : excused(done, reason!, false))
  } catch (err) {
    if (!(err instanceof ApiError)) throw err
    const why = refusal(err)
    turn.say(to === 'attend' ? `${meetingNamed(m)}。${why}。您要参加的话，不用再回复，到场后请用小程序扫会场二维码签到。` : `${meetingNamed(m)}。${why}。`)
  }
  return true
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
  const waiting = items.find(awaitingAnswer)
  if (coming) {
    // "我又能去了" after a 请假 changes it, as "参加" would.
    const meeting = waiting ?? answeredAhead(items, 'leave')
    if (!meeting) return false
    if (coming === 'yes') await answerOne(turn, meeting, 'attend')
    else turn.say(`是要参加吗？${meetingNamed(meeting)}。请回复"参加"，去不了请回复"请假 原因"`)
    return true
  }
  if (yes) {
    if (!waiting) return false
    turn.say(`${meetingNamed(waiting)}。请回复"参加"，或"请假 原因"`)
    return true
  }
  const meeting = waiting ?? answeredAhead(items, 'attend')
  if (!meeting) {
    // On leave already: a reason given is the new one; none asks nothing he has not done.
    const onLeave = answeredAhead(items, 'leave')
    if (!onLeave) return false
    if (reason) await answerOne(turn, onLeave, 'leave', reason)
    else turn.say(lines(`您已为这个会议请假了：${onLeave.title}，${onLeave.time}。`, '要改请假原因，请发送：请假 新的原因'))
    return true
  }
  if (!reason) askReason(turn, meeting)
  else await answerOne(turn, meeting, 'leave', reason)
  return true
}

/**
 * "请假" alone: the reason is asked for the meeting the backend would take it for (the nearest waiting for his
 * answer, else the nearest he said he would attend, else a leave he asked already), and his next words are it.
 */
async function askReasonFor(turn: Turn) {
  const items = await turn.client.meetings(turn.person.personId)
  const waiting = items.find(awaitingAnswer)
  const meeting = waiting ?? answeredAhead(items, 'attend') ?? answeredAhead(items, 'leave')
  if (!meeting) return turn.say(await noMeetingToExcuse(turn, '目前没有需要您回复的会议通知'))
  askReason(turn, meeting)
}

/** Asks for the reason, and keeps which meeting it is for: his next message is taken as the reason (leaveReason). */
function askReason(turn: Turn, m: MeetingAnswer) {
  turn.state.leaveAsk = { meetingId: m.id, title: m.title, time: m.time, rsvp: m.rsvp, at: turn.now }
  turn.say(lines(`${meetingNamed(m)}。请写明请假原因，例如：`, '请假 外出学习', '也可以直接发送原因，如：那天要去外地开会'))
}

/**
 * His answer to "请写明请假原因", when one waits: his words are the reason, for the meeting asked about (never
 * another one that waits too); "请假 原因" the same; "取消" asks no more. "好的" keeps the question open. A
 * command (待办, 参加, 回复 0001 …) or words that say he will come are read as ever, and the question is dropped.
 * Returns true when the turn was his answer.
 */
export async function leaveReason(turn: Turn): Promise<boolean> {
  const ask = turn.state.leaveAsk
  if (!ask) return false
  const cmd = turn.command
  // A question ("几点开会？") is not his reason: it is read as ever and the question stays open.
  if (cmd.kind === 'confirm' || cmd.kind === 'pleasantry' || (cmd.kind === 'text' && asksAQuestion(turn.raw))) return false
  turn.state.leaveAsk = null
  // An answer written under a quoted case notice, or what the chat reads as a command in words ("电话 0001", "投票":
  // the same matchers deputy.ts uses), goes where it always did.
  if (quotedTicket(turn.quoted) || (cmd.kind === 'text' && (doneElsewhere(turn.raw) !== null || PHONE_ASKED.test(compact(turn.raw))))) return false
  if (turn.now - ask.at > LEAVE_ASK_WINDOW_MS) return false
  if (cmd.kind === 'cancel') {
    turn.say(lines(`好的，没有请假。${meetingNamed(ask)}。`, '要请假时，请发送：请假 原因'))
    return true
  }
  // "来不了" again asks again (meetingWords); "去不了，家里有事" gives its reason; "尽量参加" is about coming, not a reason.
  const cannot = cmd.kind === 'text' ? cannotCome(turn.raw) : null
  const words = cmd.kind === 'excuse' ? cmd.reason : cmd.kind !== 'text' ? '' : cannot !== null ? cannot : isReasonGiven(turn.raw) ? turn.raw : ''
  // "原因：家里有事", "因为家里有事": the reason is what follows.
  const reason = oneLine(words)
    .replace(/^(?:请假)?(?:原因|理由)?[:：，,\s]*/, '')
    .trim()
  if (!reason) return false
  await answerOne(turn, { id: ask.meetingId, title: ask.title, time: ask.time, rsvp: ask.rsvp }, 'leave', reason)
  return true
}

/**
 * The meeting still waiting for his answer, as the backend judges it (awaitsAnswer: one he checked in to
 * is answered by coming); an older backend without the field is read from rsvp alone.
 */
const awaitingAnswer = (m: MeetingAnswer) => m.status !== 'cancelled' && (m.awaitsAnswer ?? m.rsvp === 'pending') && m.rsvpOpen !== false

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
async function answerOne(turn: Turn, m: Pick<MeetingAnswer, 'id' | 'title' | 'time' | 'rsvp'>, to: 'attend' | 'leave', reason?: string) {
  const changing = m.rsvp !== 'pending'
  try {
    const done = await turn.client.answerMeeting(turn.person.personId, to, reason, m.id)
    if (to === 'leave' && m.rsvp === 'leave') turn.say(`已更新请假原因：${done.reason ?? reason}。${meetingNamed(done)}。`)
    else turn.say(to === 'attend' ? attending(done, changing) : excused(done, reason!, changing))
  } catch (err) {
    if (!changing || !(err instanceof ApiError)) throw err
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
const meetingNamed = (m: Pick<MeetingAnswer, 'title' | 'time'>) => `会议：${m.title}，${m.time}`

const attending = (m: MeetingAnswer, changed: boolean) =>
  `${changed ? '已改为参加' : '已回复参加'}：${m.title}，${m.time}，地点 ${m.place}。到场后请用小程序扫会场二维码签到。`

const excused = (m: MeetingAnswer, reason: string, changed: boolean) =>
  `${changed ? '已改为请假' : '已为您请假'}：${m.title}，${m.time}。原因：${m.reason ?? reason}`
