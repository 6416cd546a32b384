import { quotedTicket } from '../quotes.js'
import { compact } from '../typed-text.js'
import { ANSWER_MAX, sendAnswer, showBack, whose } from './deputy-reply.js'
import { awaitingAnswer } from './deputy-meeting-answer.js'
import { crossedAnswer } from './deputy-notice-crossed.js'
import { meetingWords, shortAnswer } from './deputy-meetings.js'
import { pickWaits } from './deputy-meeting-choice.js'
import { attendsMeeting, cannotCome, isMeetingYes } from './deputy-words.js'
import { isStop, readWaitingWords, saysYes, type WaitingWords } from './reply-ask-words.js'
import type { ReplyAsk } from './dialogue-state.js'
import { lines, oneLine, type Turn } from './turn.js'
import { excerptOf } from './words-passed-on.js'

/**
 * His words while his answer is shown back and waits for "是" (deputy-reply.ts): "是" sends it; plain words he adds join
 * it (an answer typed in two messages goes whole); "不" drops it; her meeting words answer her meetings and leave it
 * waiting ("去", "看情况" with a meeting waiting ask which she means, never join it); any other command drops it, said so (a 待办 keeps it). How the words are read: reply-ask-words.ts.
 */

/** His "是" counts for this long, as for 转交 and 交回; later the answer is said not sent. */
const ASK_WINDOW_MS = 30 * 60_000

/** Words of his that carry on his answer: plain text, not a command of any kind (电话 0001, 受理…, a copied line). */
const addsToAnswer = (turn: Turn, pending: ReplyAsk) =>
  turn.command.kind === 'text' &&
  // Under the question itself or the notice of this same message, more words are more of this answer.
  (!turn.quoted || quotedTicket(turn.quoted) === pending.ticket || (turn.quoted.includes(pending.ticket) && turn.quoted.includes('作为答复'))) &&
  !/^(?:回复|答复|受理|转交|交回|电话|打电话|群众电话|绑定|群众菜单)/.test(compact(turn.raw))

/** Said after her meetings were answered while her answer waits. */
const STILL_WAITS = '您给群众的答复还没有发出，要发送请回复"是"。'

/**
 * Her words for her meetings ("参加", "1 参加", "都参加", "2 请假 外出开会", a bare "1" under their numbered list) while her answer waits: never more of it,
 * nor a drop of it. Under another message's notice they are about that one, as ever (replyAnswer).
 */
export function forMeetings(turn: Turn): boolean {
  const pending = turn.state.replyAsk
  if (!pending || pending.dropped || quotedTicket(turn.quoted)) return false
  const { kind } = turn.command
  // A bare "1" just under her numbered meetings is a pick of one, as it is with no answer waiting: never more of the answer.
  if (kind === 'number' && pickWaits(turn)) return true
  return kind === 'attend' || kind === 'excuse' || (kind === 'text' && readWaitingWords(turn.raw) === 'meeting')
}

/**
 * Her meetings answered as if no answer waited (`rest`, the deputy's conversation), the answer kept waiting, and she is
 * told so after. Past the window it is dropped first, said so, as any other words would drop it.
 */
export async function besideAnswer(turn: Turn, rest: () => Promise<boolean>): Promise<boolean> {
  const pending = turn.state.replyAsk!
  if (turn.now - pending.at > ASK_WINDOW_MS) lapsed(turn, pending, null)
  const kept = turn.state.replyAsk
  turn.state.replyAsk = null
  let handled = false
  try {
    handled = await rest()
  } finally {
    turn.state.replyAsk ??= kept
  }
  if (handled && kept && !kept.dropped) turn.say(STILL_WAITS)
  return handled
}

/**
 * A bare "好的" (or "是", "收到") after a meeting notice reached her while her answer waited: it may be to the notice, so
 * she is asked which. Once asked, "是" sends; "好的" again is asked again. "发吧" and "回复 0001 是" say which themselves.
 * Once no meeting waits for her reply (she answered it, here or on her page), there is nothing to tell apart: her words
 * are read as before the notice came.
 */
async function yesForWhich(turn: Turn, pending: ReplyAsk, word: WaitingWords | null): Promise<boolean> {
  if (!pending.noticeAt || turn.command.kind === 'reply') return false
  if (!isMeetingYes(turn.raw) && (word !== 'yes' || pending.askedWhich || /发|送|提交/.test(turn.raw))) return false
  return (await turn.client.meetings(turn.person.personId)).some(awaitingAnswer)
}

/** Asked when her words may be for the answer or for a meeting waiting for her reply: what to send for each. */
const whichOne = (pending: ReplyAsk) => `您是要把答复发给${whose(pending)}的群众，还是回复会议？发答复请回复"是"；回复会议请回复"参加"或"请假 原因"。`

/** Her reason for missing a meeting was asked since her answer was shown ("不去了"): any words may be that reason. */
const reasonAsked = (turn: Turn, pending: ReplyAsk) => {
  const ask = turn.state.leaveAsk
  return !!ask && ask.heard === undefined && ask.at >= pending.at && turn.now - ask.at <= ASK_WINDOW_MS
}

/**
 * Her words that the meeting matching reads as going or not ("去", "看情况", "还是去吧", "尽量参加", "家里有事去不了")
 * while a meeting waits for her reply: joined, they would reach the resident on her next "是" and leave the meeting
 * unanswered, so she is asked which she means; nothing is sent or recorded. So are any words just after her reason for
 * missing one was asked ("家里有事"). With no meeting waiting they join as ever ("我去看看" may well be about the lamp).
 * Under a quoted notice the quote says which (wordsToQuestion).
 */
async function meetingOrAnswer(turn: Turn, pending: ReplyAsk, word: WaitingWords | null): Promise<boolean> {
  if ((word !== 'join' && word !== 'askAgain') || turn.command.kind !== 'text' || turn.quoted) return false
  if (!reasonAsked(turn, pending)) {
    if (shortAnswer(turn.raw) === null && attendsMeeting(turn.raw) === null && cannotCome(turn.raw) === null) return false
    if (!(await turn.client.meetings(turn.person.personId)).some(awaitingAnswer)) return false
  }
  turn.state.replyAsk = { ...pending, askedWhich: true }
  turn.say(
    lines(
      `「${excerptOf(oneLine(turn.raw), 20)}」没有接在答复后面。`,
      whichOne(pending),
      `要把这句话加进答复，请重新发"回复 ${pending.ref} …"，写上整段答复。`,
    ),
  )
  return true
}

/**
 * Her "好的" to a meeting notice once no answer waits: what her meetings say to it (one named, several numbered:
 * deputy-meetings.ts), kept to be said with what befell the answer; null when no meeting waits for her reply.
 */
async function meetingsHear(turn: Turn): Promise<string[] | null> {
  if (!isMeetingYes(turn.raw)) return null
  const heard: string[] = []
  return (await meetingWords({ ...turn, say: (text) => void heard.push(text) })) ? heard : null
}

/** His words as a word to the question: 是, 不, unclear, or more of the answer (reply-ask-words.ts). */
function wordsToQuestion(turn: Turn, pending: ReplyAsk): WaitingWords | null {
  const cmd = turn.command
  if (cmd.kind === 'confirm') return 'yes'
  if (cmd.kind === 'cancel') return 'no'
  // "回复 0001 是": a bare yes or no is never an answer; for the message whose answer waits, it is his word to it.
  if (cmd.kind === 'reply' && (cmd.ref === pending.ref || pending.ticket === cmd.ref || pending.ticket.endsWith(`-${cmd.ref.padStart(4, '0')}`))) {
    return saysYes(cmd.text) ? 'yes' : isStop(cmd.text) ? 'no' : null
  }
  if (cmd.kind === 'done' || cmd.kind === 'pleasantry') return readWaitingWords(turn.raw) === 'yes' ? 'yes' : 'askAgain'
  if (cmd.kind !== 'text') return null
  const read = readWaitingWords(turn.raw)
  // Meeting words under a quoted notice (forMeetings takes them otherwise): read as ever, never joined.
  if (read === 'meeting') return null
  return read !== 'join' || addsToAnswer(turn, pending) ? read : null
}

/** What he is told when the answer went nowhere: its own words, as he may not remember which. */
const notSent = (pending: ReplyAsk) => `您刚才写给${whose(pending)}的答复「${excerptOf(pending.text, 20)}」没有发出，要发送请再发一次。`

/** Dropped unsent: kept a while, so that a "是" is told it went nowhere. */
const drop = (turn: Turn, pending: ReplyAsk) => {
  turn.state.replyAsk = { ...pending, dropped: turn.now }
}

/**
 * His words while his answer waits: "是" sends it, "不" drops it, plain words join it and it is shown again, short words
 * that are no plain yes or no ask again. Anything else drops it, said so with its words, and is read as ever (false);
 * 待办 keeps it and says it still waits. Past the window, plain words join it afresh and a "是" is told it lapsed.
 */
export async function replyAnswer(turn: Turn): Promise<boolean> {
  const pending = turn.state.replyAsk
  if (!pending) return false
  turn.state.replyAsk = null
  if (pending.dropped) return afterDropped(turn, pending)
  // Under another message's notice, his words are about that one: this answer is not what they say yes to.
  const quoted = quotedTicket(turn.quoted)
  if (quoted && quoted !== pending.ticket) {
    drop(turn, pending)
    turn.say(notSent(pending))
    return false
  }
  const word = wordsToQuestion(turn, pending)
  if (!word && turn.command.kind === 'reply' && (saysYes(turn.command.text) || isStop(turn.command.text))) {
    turn.state.replyAsk = pending
    turn.say('请写上您要对群众说的话。要发送刚才的答复，只回复一个字"是"。')
    return true
  }
  if (await meetingOrAnswer(turn, pending, word)) return true
  if (turn.now - pending.at > ASK_WINDOW_MS) return (await lapsedBesideMeetings(turn, pending)) || lapsed(turn, pending, word)
  // A notice naming another message came since it was shown: her "好的" or her words may be for that one.
  if (crossedAnswer(turn, pending, word, whose(pending), joined(pending.text, turn.raw))) return true
  if (await yesForWhich(turn, pending, word)) {
    turn.state.replyAsk = { ...pending, askedWhich: true }
    turn.say(whichOne(pending))
    return true
  }
  if (word === 'yes') {
    await sendAnswer(turn, pending)
    return true
  }
  if (word === 'no') {
    drop(turn, pending)
    turn.say(`好的，没有发送。${whose(pending)}还在您的待办里。`)
    return true
  }
  if (word === 'join') {
    const text = joined(pending.text, turn.raw)
    if (text.length > ANSWER_MAX) {
      turn.state.replyAsk = pending
      turn.say(`加上这句就超过 ${ANSWER_MAX} 字了，没有接上。答复还没有发出：发送请回复"是"，不发了请回复"不"。`)
      return true
    }
    showBack(turn, { ...pending, text, at: turn.now }, true)
    return true
  }
  if (word === 'askAgain') {
    turn.state.replyAsk = pending
    turn.say('这句话没有接上，答复还没有发出。发送请只回复一个字"是"；不发了请回复"不"。')
    return true
  }
  if (turn.command.kind === 'todo') {
    turn.state.replyAsk = pending
    return false
  }
  drop(turn, pending)
  turn.say(notSent(pending))
  return false
}

/** Past the window: nothing goes without his "是" to it shown again; plain words join it and start a new window. */
function lapsed(turn: Turn, pending: ReplyAsk, word: WaitingWords | null): boolean {
  if (word === 'join') {
    showBack(turn, { ...pending, text: joined(pending.text, turn.raw), at: turn.now }, true)
    return true
  }
  drop(turn, pending)
  if (word === 'no') {
    turn.say('好的，没有发送。')
    return true
  }
  turn.say(lines(`您写给${whose(pending)}的答复一直没有确认，没有发出。`, `要发送，请重新发：回复 ${pending.ref} ${oneLine(pending.text)}`))
  return word !== null
}

/**
 * Past the window, her "好的" with a meeting waiting for her reply (its notice came meanwhile): the answer is dropped,
 * said in one line, and her words do for her meetings what they do when no answer waits.
 */
async function lapsedBesideMeetings(turn: Turn, pending: ReplyAsk): Promise<boolean> {
  const heard = await meetingsHear(turn)
  if (!heard) return false
  drop(turn, pending)
  turn.say(lines(`您写给${whose(pending)}的答复一直没有确认，没有发出；要发送，请重新发"回复 ${pending.ref} …"。`, ...heard))
  return true
}

/** How long after an answer was dropped his lone "是" is told it went nowhere. */
const DROPPED_RECALL_MS = 30 * 60_000

/**
 * After his answer was dropped: a "是" is told nothing waits, never read as a resident's yes; her "好的" to a meeting
 * notice answers her meetings as it would with no answer written; anything else as ever.
 */
async function afterDropped(turn: Turn, pending: ReplyAsk): Promise<boolean> {
  const yes = turn.command.kind === 'confirm' || ((turn.command.kind === 'text' || turn.command.kind === 'done') && saysYes(turn.raw))
  if (!yes || turn.now - (pending.dropped ?? 0) > DROPPED_RECALL_MS) return false
  const heard = await meetingsHear(turn)
  turn.say(
    heard
      ? lines(...heard)
      : `没有要发送的答复。您刚才写给${whose(pending)}的答复「${excerptOf(pending.text, 20)}」没有发出，要发送请重新发"回复 ${pending.ref} …"。`,
  )
  return true
}

/** Two messages of his as one answer: a comma between them unless the first already ends a sentence. */
const joined = (first: string, more: string) => `${first}${/[。！!？?，,；;…～~]$/.test(first) ? '' : '，'}${more.trim()}`
