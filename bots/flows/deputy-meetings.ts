import { ApiError, type MeetingAnswer } from '../client.js'
import { asksAQuestion, attendsMeeting, cannotCome, isMeetingYes, isReasonPlaceholder, PHONE_ASKED } from './deputy-words.js'
import { doneElsewhere } from './deputy-elsewhere.js'
import { lines, oneLine, type Turn } from './turn.js'
import { quotesACase } from '../quotes.js'
import { bare, compact } from '../typed-text.js'
import { askWhich, pickedMeeting, QUOTED_GONE, quotedMeeting, type MeetingRef } from './deputy-meeting-choice.js'
import { askIfLeave, leaveYes } from './deputy-leave-ask.js'
import { answerClosed, answerGiven, answerOne, answeredAhead, awaitingAnswer, meetingNamed, othersWaiting } from './deputy-meeting-answer.js'
import { attendAll, CHECK_IN_HOW, listWaiting } from './deputy-meeting-list.js'

/** Words of his coming ("尽量参加", "能去"): about this meeting, not a reason for missing it. */
const COMING = /参加|参会|出席|到会|能去|会去|能来|能到|去得了|来得了|赶得上|赶过去|就去|就来/
/**
 * Asked for his reason, words that merely name a meeting ("那天要去外地开会", the question's own example) are the
 * reason; words of his coming, a plain yes, or a short "还是去吧" / "看情况" (shortAnswer) are not.
 */
const isReasonGiven = (text: string) => {
  const about = attendsMeeting(text)
  return shortAnswer(text) === null && (about === null || (about === 'unclear' && !COMING.test(compact(text))))
}

// Short words alone, as an older deputy answers a notice ("去", "到时候去", "不去了", "看情况"): the whole message must
// be one of them, so "去看了路灯" (to a resident) or a "不去" inside longer words is never read as an answer.
const LEAD = '(?:好的?|行|嗯+|那|那就|我|我们|还是|就|也|都|到时候?|届时|那天|当天|明天|这次|这回)*'
const END = '(?:的|吧|啊|呀|哈|哦|呢|啦|嘛)*'
const GO = '(?:去|来|过去)'
const WILL_GO = new RegExp(`^${LEAD}(?:一定|肯定|准时|按时|会|能|要)*${GO}${END}$`)
const WONT_GO = new RegExp(`^${LEAD}不${GO}[了啦吧啊呀哦哈]*$`)
/** A maybe with his going in it ("可能去", "尽量去"): about coming, not plainly yes. */
const MAYBE_GO = new RegExp(`^${LEAD}(?:可能|也许|大概|估计|应该|尽量|争取|想|打算)(?:会|能)?${GO}${END}$`)
/** Words that lean neither way ("看情况", "再说吧", "去不去呢"), and "去了" (gone already, or going?). */
const NEITHER = new RegExp(`^${LEAD}(?:看情况|再说|再看看?|不一定|说不定|待定|不确定|还不确定|不好说|还没定|去不去|来不来|${GO}了)${END}$`)

/**
 * Short words alone about going: 'attend' ("去", "我去", "到时候去", "还是去吧"), 'leave' ("不去", "不去了"), 'maybe'
 * ("可能去"), 'neither' ("看情况"); null for anything else, a question among them. Said of a meeting only when one is
 * concerned (meetingWords).
 */
export function shortAnswer(text: string): 'attend' | 'leave' | 'maybe' | 'neither' | null {
  const t = bare(text)
  if (!t || [...t].length > 10 || asksAQuestion(text)) return null
  if (WONT_GO.test(t)) return 'leave'
  if (WILL_GO.test(t)) return 'attend'
  if (MAYBE_GO.test(t)) return 'maybe'
  return NEITHER.test(t) ? 'neither' : null
}

/**
 * A deputy answering meeting notices in the chat: "参加", "请假 原因", and what he says instead
 * ("好的", "去不了，家里有事"). The answer goes to the meeting whose notice he quoted, else to the one
 * meeting it can be for (the one waiting for his answer; with none, one he answered and may change);
 * with several he is asked which (deputy-meeting-choice.ts), never guessed. Once he has answered, he may
 * change his answer while the backend still takes answers (as the mini-program lets him), and is told
 * what the backend says when it no longer does.
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

/** No meeting waits for his answer: the words the backend says so with. */
const NONE_WAITING = '目前没有需要您回复的会议通知'

/**
 * The meetings a "参加" / "请假" can be for, nearest first, the first group that has any: those waiting for his answer;
 * else those whose answer he may change (to 参加: a leave; to 请假: a yes, then a leave whose reason he changes).
 */
function candidates(items: MeetingAnswer[], to: 'attend' | 'leave'): { meetings: MeetingAnswer[]; waiting: boolean } {
  const waiting = items.filter(awaitingAnswer)
  if (waiting.length) return { meetings: waiting, waiting: true }
  const changeable = (rsvp: string) => items.filter((m) => m.status !== 'cancelled' && m.rsvp === rsvp && m.rsvpOpen !== false)
  const groups = to === 'attend' ? [changeable('leave')] : [changeable('attend'), changeable('leave')]
  return { meetings: groups.find((g) => g.length) ?? [], waiting: false }
}

/**
 * His meetings, and the one his quote names: 'done' when the quote settled it (answered, or said to be of no meeting
 * of his); else the meetings his words may be for (those his quote names, when it names several).
 */
async function meetingsInQuestion(turn: Turn): Promise<{ items: MeetingAnswer[]; quoted: MeetingAnswer | null } | 'gone'> {
  const items = await turn.client.meetings(turn.person.personId)
  const quoted = quotedMeeting(turn.quoted, items)
  if (quoted.kind === 'gone') return 'gone'
  if (quoted.kind === 'one') return { items, quoted: quoted.meeting }
  return { items: quoted.kind === 'several' ? quoted.meetings : items, quoted: null }
}

/** "参加": the meeting he quoted, else the one it can be for; several are asked about; none, a leave he may no longer change says why. */
export async function attend(turn: Turn) {
  const found = await meetingsInQuestion(turn)
  if (found === 'gone') return turn.say(QUOTED_GONE)
  if (found.quoted) return answerGiven(turn, found.quoted, 'attend')
  const { meetings, waiting } = candidates(found.items, 'attend')
  if (meetings.length > 1) return askWhich(turn, meetings, 'attend', '', waiting)
  const m = meetings[0] ?? answeredAhead(found.items, 'leave')
  if (m) return answerOne(turn, m, 'attend')
  if (!(await answerClosed(turn, found.items, 'attend'))) turn.say(`${NONE_WAITING}。${HOW}`)
}

/**
 * "请假 原因": the meeting he quoted, else the one it can be for (waiting for his answer; else one he said he would
 * attend; else a leave he asked already, which takes the new reason); several are asked about. `runOn` (请假 run into
 * his words, "请假期间的补贴…"): nothing is recorded until he says it is a leave (deputy-leave-ask.ts).
 */
export async function excuse(turn: Turn, reason: string, runOn?: boolean) {
  if (!reason) return askReasonFor(turn)
  // "请假 原因" copied from the instruction: nothing is recorded; the organizers would read "原因" as his reason.
  if (isReasonPlaceholder(reason)) return turn.say('请把"原因"换成您去不了的原因，例如：请假 外出开会')
  const found = await meetingsInQuestion(turn)
  if (found === 'gone') return turn.say(QUOTED_GONE)
  if (found.quoted) return runOn ? askIfLeave(turn, found.quoted, reason) : answerGiven(turn, found.quoted, 'leave', reason)
  const { meetings, waiting } = candidates(found.items, 'leave')
  if (meetings.length > 1) return askWhich(turn, meetings, 'leave', reason, waiting)
  const m = meetings[0] ?? answeredAhead(found.items, 'attend') ?? answeredAhead(found.items, 'leave')
  if (m) return runOn ? askIfLeave(turn, m, reason) : answerOne(turn, m, 'leave', reason)
  if (runOn || !(await answerClosed(turn, found.items, 'leave', reason))) turn.say(await noMeetingToExcuse(turn, NONE_WAITING))
}

/**
 * His number under the list askWhich or listWaiting showed: that meeting is answered as he said ("请假" without a
 * reason, or with the example's "原因" copied, asks for it now); "都参加" answers them all. True when the turn was his
 * pick (or a number past the list, said so); false for any other words.
 */
export async function meetingPicked(turn: Turn): Promise<boolean> {
  const picked = pickedMeeting(turn)
  if (picked === null) return false
  if (picked === 'again') return true
  if (picked === 'cancelled') {
    turn.say('好的，没有回复。要回复时，请发送"参加"或"请假 原因"。')
    return true
  }
  if ('all' in picked) {
    await attendAll(turn, picked.all, (answered) => othersWaiting(turn, answered))
    return true
  }
  const { meeting, to, reason } = picked
  if (to === 'leave' && (!reason || isReasonPlaceholder(reason))) askReason(turn, meeting)
  else await answerGiven(turn, meeting, to, reason || undefined)
  return true
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
 * His own words about a meeting, said with nothing else going on: "好的", "收到" while a notice waits
 * for his answer (they record nothing: he is asked for 参加 or 请假); "好的，我准时参加", "我又能去了", "去",
 * "还是去吧", which are 参加 (after a 请假 too; said to stand when he is coming already); words about coming that
 * are not plainly yes ("尽量参加", "可能去"), which ask; "去不了…", "不去了", which are 请假 (its reason asked for
 * when he gave none); and "看情况" while a notice waits, which asks whether he means it. False when the words are
 * not these, or no meeting is concerned.
 */
export async function meetingWords(turn: Turn): Promise<boolean> {
  const short = shortAnswer(turn.raw)
  const reason = cannotCome(turn.raw) ?? (short === 'leave' ? '' : null)
  // "不参加", "参加不了" are read first: a sentence with 参加 in it is never taken for a yes before them.
  const coming = reason === null ? (attendsMeeting(turn.raw) ?? (short === 'attend' ? 'yes' : short === 'maybe' ? 'unclear' : null)) : null
  const yes = reason === null && !coming && isMeetingYes(turn.raw)
  if (!yes && reason === null && !coming && short !== 'neither') return false
  const found = await meetingsInQuestion(turn)
  if (found === 'gone') {
    turn.say(QUOTED_GONE)
    return true
  }
  const { items, quoted } = found
  const waiting = quoted ? (awaitingAnswer(quoted) ? [quoted] : []) : items.filter(awaitingAnswer)
  if (coming) {
    // "我又能去了" after a 请假 changes it, as "参加" would.
    const { meetings, waiting: owed } = quoted ? { meetings: [quoted], waiting: false } : candidates(items, 'attend')
    const meeting = meetings.length === 1 ? meetings[0] : meetings.length ? null : answeredAhead(items, 'leave')
    if (meetings.length > 1) {
      if (coming === 'yes') askWhich(turn, meetings, 'attend', '', owed)
      else turn.say(lines('是要参加吗？请回复"参加"，去不了请回复"请假 原因"。', ...meetings.map((m) => meetingNamed(m))))
      return true
    }
    // "去" again once he said he will come: that answer stands, never "已改为参加" nor the general menu.
    const going =
      meeting?.rsvp === 'attend' ? meeting : meeting ? null : items.find((m) => m.status !== 'cancelled' && m.rsvp === 'attend' && m.rsvpOpen !== false)
    if (coming === 'yes' && going) turn.say(`您已回复参加：${going.title}，${going.time}，地点 ${going.place}，不用再回复。${CHECK_IN_HOW}`)
    else if (!meeting) return false
    else if (coming === 'yes') await answerGiven(turn, meeting, 'attend')
    else turn.say(`是要参加吗？${meetingNamed(meeting)}。请回复"参加"，去不了请回复"请假 原因"`)
    return true
  }
  if (yes) {
    if (!waiting.length) return false
    if (waiting.length === 1) turn.say(`${meetingNamed(waiting[0])}。请回复"参加"，或"请假 原因"`)
    else listWaiting(turn, waiting)
    return true
  }
  // "看情况", "再说吧" while a notice waits: asked which he means, never the general menu; nothing is recorded.
  if (reason === null) {
    if (!waiting.length) return false
    if (waiting.length === 1) turn.say(`您是要回复会议吗？${meetingNamed(waiting[0])}。请回复"参加"，去不了请回复"请假 原因"`)
    else listWaiting(turn, waiting, `您是要回复会议吗？您有 ${waiting.length} 个会议等您回复：`)
    return true
  }
  const { meetings, waiting: owed } = quoted ? { meetings: [quoted], waiting: false } : candidates(items, 'leave')
  // Several it may be for: which one, with his reason kept (none given is asked for once he has picked).
  if (meetings.length > 1) {
    askWhich(turn, meetings, 'leave', reason ?? '', owed)
    return true
  }
  const meeting = meetings[0] ?? answeredAhead(items, 'attend')
  if (!meeting) {
    // On leave already (answers closed): a reason given is the new one; none asks nothing he has not done.
    const onLeave = answeredAhead(items, 'leave')
    if (!onLeave) return false
    if (reason) await answerOne(turn, onLeave, 'leave', reason)
    else turn.say(lines(`您已为这个会议请假了：${onLeave.title}，${onLeave.time}。`, '要改请假原因，请发送：请假 新的原因'))
    return true
  }
  if (meeting.rsvp === 'leave' && !reason) turn.say(lines(`您已为这个会议请假了：${meeting.title}，${meeting.time}。`, '要改请假原因，请发送：请假 新的原因'))
  else if (!reason) askReason(turn, meeting)
  else await answerGiven(turn, meeting, 'leave', reason)
  return true
}

/**
 * "请假" alone: the reason is asked for the meeting it is for (the one he quoted, else the one waiting for his answer,
 * else the one he said he would attend, else a leave he asked already); several are asked about first.
 */
async function askReasonFor(turn: Turn) {
  const found = await meetingsInQuestion(turn)
  if (found === 'gone') return turn.say(QUOTED_GONE)
  if (found.quoted) return askReason(turn, found.quoted)
  const { meetings, waiting } = candidates(found.items, 'leave')
  if (meetings.length > 1) return askWhich(turn, meetings, 'leave', '', waiting)
  const meeting = meetings[0] ?? answeredAhead(found.items, 'attend') ?? answeredAhead(found.items, 'leave')
  if (!meeting) return turn.say(await noMeetingToExcuse(turn, NONE_WAITING))
  askReason(turn, meeting)
}

/** Asks for the reason, and keeps which meeting it is for: his next message is taken as the reason (leaveReason). */
function askReason(turn: Turn, m: MeetingRef) {
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
  // Asked whether 请假 run into his words was a leave: only his "是" records it.
  if (ask.heard !== undefined) return leaveYes(turn)
  const cmd = turn.command
  // A question ("几点开会？") is not his reason: it is read as ever and the question stays open.
  if (cmd.kind === 'confirm' || cmd.kind === 'pleasantry' || (cmd.kind === 'text' && asksAQuestion(turn.raw))) return false
  turn.state.leaveAsk = null
  // An answer written under a quoted case notice, or what the chat reads as a command in words ("电话 0001", "投票":
  // the same matchers deputy.ts uses), goes where it always did.
  if (quotesACase(turn.quoted) || (cmd.kind === 'text' && (doneElsewhere(turn.raw) !== null || PHONE_ASKED.test(compact(turn.raw))))) return false
  // Written under another meeting's notice: for that meeting, read as ever (its quote decides), never this one.
  if (turn.quoted && (await quotesAnotherMeeting(turn, ask.meetingId))) return false
  if (turn.now - ask.at > LEAVE_ASK_WINDOW_MS) return false
  if (cmd.kind === 'cancel') {
    turn.say(lines(`好的，没有请假。${meetingNamed(ask)}。`, '要请假时，请发送：请假 原因'))
    return true
  }
  // "来不了", "不去了" again ask again (meetingWords); "去不了，家里有事" gives its reason; "尽量参加", "还是去吧" are
  // about coming, not a reason.
  const cannot = cmd.kind === 'text' ? (cannotCome(turn.raw) ?? (shortAnswer(turn.raw) === 'leave' ? '' : null)) : null
  const words = cmd.kind === 'excuse' ? cmd.reason : cmd.kind !== 'text' ? '' : cannot !== null ? cannot : isReasonGiven(turn.raw) ? turn.raw : ''
  // "原因：家里有事", "因为家里有事": the reason is what follows.
  const reason = oneLine(words)
    .replace(/^(?:请假)?(?:原因|理由)?[:：，,\s]*/, '')
    .trim()
  if (!reason) return false
  await answerOne(turn, { id: ask.meetingId, title: ask.title, time: ask.time, rsvp: ask.rsvp }, 'leave', reason)
  return true
}

/** Whether his quote names a meeting message other than the meeting `meetingId`. */
async function quotesAnotherMeeting(turn: Turn, meetingId: string): Promise<boolean> {
  const quoted = quotedMeeting(turn.quoted, await turn.client.meetings(turn.person.personId))
  return quoted.kind === 'gone' || quoted.kind === 'several' || (quoted.kind === 'one' && quoted.meeting.id !== meetingId)
}
