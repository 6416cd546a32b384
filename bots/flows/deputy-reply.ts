import type { AnsweredLatelyCase, DeputyCase } from '../client.js'
import { quotedTicket } from '../quotes.js'
import { compact } from '../typed-text.js'
import { acknowledgeInstead } from './deputy-acknowledge.js'
import { named } from './deputy-numbers.js'
import { isBareDone, isMeetingYes, isOnlyAcknowledging, soundsLikeQuestion } from './deputy-words.js'
import { copiedExample } from './example-answers.js'
import { isStop, readWaitingWords, saysYes, type WaitingWords } from './reply-ask-words.js'
import type { AnsweredLately, ReplyAsk } from './dialogue-state.js'
import { lines, oneLine, shortTicket, type Turn } from './turn.js'
import { excerptOf } from './words-passed-on.js'

/**
 * "回复 0001 …" (or words under a quoted notice) in the chat: what reaches a resident cannot be taken back, and messages
 * are numbered afresh from 0001 each day, so his answer is shown back first, naming the message in full with her first
 * words, and only his "是" sends it. Plain words he adds while it waits join it (an answer typed in two messages goes
 * whole); "不" drops it; any other command drops it, said so (a 待办 keeps it).
 */

/** His "是" counts for this long, as for 转交 and 交回; later the answer is said not sent. */
const ASK_WINDOW_MS = 30 * 60_000
/** How long an answer he sent is remembered: a new message ending in the same four digits is told apart from it. */
const ANSWERED_RECALL_MS = 3 * 24 * 3_600_000
/** What the backend takes as one answer. */
const ANSWER_MAX = 2000

/** The message shown back by its whole number and her first words, as he can tell it from another. */
const whose = (ask: Pick<ReplyAsk, 'ticket' | 'excerpt'>) => `留言 ${ask.ticket}（${ask.excerpt}）`

/**
 * His answer to message `ref`: refused at once when it is the example's words, a bare "已处理" or only "收到" (as
 * before); otherwise shown back for his "是" when his 待办 holds that one message.
 */
export async function answerCase(turn: Turn, ref: string, text: string) {
  if (!text) return turn.say(lines('请在编号后面写上答复内容，例如：', `回复 ${ref} 已联系供电所，本周修好。`))
  // "回复 0001 是": a bare yes or no is never what a resident is told.
  if (saysYes(text) || isStop(text)) return turn.say('请写上您要对群众说的话。')
  const copied = copiedExample(text)
  if (copied === 'placeholder') {
    return turn.say(lines(`请把"${oneLine(text)}"换成您要对群众说的话，例如：`, `回复 ${ref} 已联系供电所，本周修好。`))
  }
  // The example's own sentence copied, even with words changed: a deed nobody did, about another resident's lamp.
  if (copied === 'example') {
    return turn.say(`"${oneLine(text)}"是例子里的话，没有发出。请换成您实际办理的情况，写在"回复 ${ref}"后面发送。`)
  }
  // "已处理" alone tells the resident nothing she could rate.
  if (isBareDone(text)) return turn.say(`请写明怎么处理的，群众才知道结果，例如：回复 ${ref} 已联系供电所，路灯昨天修好了`)
  // "收到，马上安排" is the deputy saying he has it, not the answer the resident is asked to rate.
  if (isOnlyAcknowledging(text)) return acknowledgeInstead(turn, ref, text)
  const inbox = await turn.client.deputyInbox(turn.person.personId)
  const matches = inbox.items.filter((c) => named(c, ref))
  // None or two of his open messages: the backend reads his number among the very same ones and refuses it, saying why
  // (answered already, handed on, two alike, no such number), as it always has; so it does an answer too long for it.
  if (matches.length !== 1 || text.length > ANSWER_MAX) {
    const done = await turn.client.reply(turn.person.personId, ref, text)
    return turn.say(`已发给留言 ${done.ticket} 的群众，群众会收到您的答复。谢谢您！`)
  }
  const asked = ask(turn, ref, matches[0], text)
  showBack(turn, { ...asked, earlier: sameNumberAnswered(turn, asked, onHisPage(inbox.answeredLately)) })
}

const ask = (turn: Turn, ref: string, c: DeputyCase, text: string): ReplyAsk => ({
  ref: ref.includes('-') ? c.short : ref,
  ticket: c.ticket,
  excerpt: excerptOf(c.excerpt, 20),
  text: text.trim(),
  at: turn.now,
})

/** The messages the backend says he answered lately, on his page or here, as the chat remembers its own. */
const onHisPage = (cases: AnsweredLatelyCase[] = []): AnsweredLately[] =>
  cases.flatMap((c) => (c.repliedAt ? [{ ticket: c.ticket, excerpt: excerptOf(c.excerpt, 20), at: Date.parse(c.repliedAt) }] : []))

/** The answer as it would go, to whom, and how to send, change or drop it. */
function showBack(turn: Turn, shown: ReplyAsk, added = false) {
  // Shown again after a notice came: her next yes is to what she reads last, the answer.
  const { noticeAt: _notice, askedWhich: _asked, ...ask } = shown
  turn.state.replyAsk = ask
  const earlier = ask.earlier ?? sameNumberAnswered(turn, ask)
  turn.say(
    lines(
      added && '已把这句话接在答复后面。',
      `要把这段话作为答复，发给${whose(ask)}的群众吗？`,
      `「${ask.text}」`,
      earlier &&
        `注意：这是${dayOf(ticketDay(ask.ticket), turn.now)}的留言，不是您${dayOf(earlier.at, turn.now)}答复过的 ${earlier.ticket}（${earlier.excerpt}）。`,
      soundsLikeQuestion(ask.text) && '这句话像是在问问题。群众会把它当作答复。',
      '发出后不能再改，群众会收到并为办理结果打分。',
      `发送请回复"是"；要改，直接重新发"回复 ${ask.ref} …"；不发了请回复"不"。`,
    ),
  )
}

/**
 * Another message ending in the same four digits that he answered lately: from this chat, or (`onPage`, the backend's
 * last three days) on his mini-program page.
 */
function sameNumberAnswered(turn: Turn, ask: ReplyAsk, onPage: AnsweredLately[] = []): AnsweredLately | null {
  const alike = (a: AnsweredLately) => a.ticket !== ask.ticket && shortTicket(a.ticket) === shortTicket(ask.ticket)
  return (turn.state.answered ?? []).find((a) => alike(a) && turn.now - a.at < ANSWERED_RECALL_MS) ?? onPage.find(alike) ?? null
}

/** Words of his that carry on his answer: plain text, not a command of any kind (电话 0001, 受理…, a copied line). */
const addsToAnswer = (turn: Turn, pending: ReplyAsk) =>
  turn.command.kind === 'text' &&
  // Under the question itself or the notice of this same message, more words are more of this answer.
  (!turn.quoted || quotedTicket(turn.quoted) === pending.ticket || (turn.quoted.includes(pending.ticket) && turn.quoted.includes('作为答复'))) &&
  !/^(?:回复|答复|受理|转交|交回|电话|打电话|群众电话|绑定|群众菜单)/.test(compact(turn.raw))

/** Said after his 待办 while his answer waits: it has not gone, and how it goes. */
export function stillWaits(turn: Turn) {
  const pending = turn.state.replyAsk
  if (pending && !pending.dropped) turn.say(`您写给${whose(pending)}的答复还没有发出：发送请回复"是"，不发了请回复"不"。`)
}

/** Said after her meetings were answered while her answer waits. */
const STILL_WAITS = '您给群众的答复还没有发出，要发送请回复"是"。'

/**
 * Her words for her meetings ("参加", "1 参加", "都参加", "2 请假 外出开会") while her answer waits: never more of it,
 * nor a drop of it. Under another message's notice they are about that one, as ever (replyAnswer).
 */
export function forMeetings(turn: Turn): boolean {
  const pending = turn.state.replyAsk
  if (!pending || pending.dropped || quotedTicket(turn.quoted)) return false
  const { kind } = turn.command
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
 */
function yesForWhich(turn: Turn, pending: ReplyAsk, word: WaitingWords | null): boolean {
  if (!pending.noticeAt || turn.command.kind === 'reply') return false
  const notice = isMeetingYes(turn.raw)
  return notice || (word === 'yes' && !pending.askedWhich && !/发|送|提交/.test(turn.raw))
}

/** His words as a word to the question: 是, 不, unclear, or more of the answer (deputy-reply-words.ts). */
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
  if (turn.now - pending.at > ASK_WINDOW_MS) return lapsed(turn, pending, word)
  if (yesForWhich(turn, pending, word)) {
    turn.state.replyAsk = { ...pending, askedWhich: true }
    turn.say(`您是要把答复发给${whose(pending)}的群众，还是回复会议？发答复请回复"是"；回复会议请回复"参加"或"请假 原因"。`)
    return true
  }
  if (word === 'yes') {
    const done = await turn.client.reply(turn.person.personId, pending.ticket, pending.text)
    const kept = (turn.state.answered ?? []).filter((a) => a.ticket !== done.ticket && turn.now - a.at < ANSWERED_RECALL_MS)
    turn.state.answered = [{ ticket: done.ticket, excerpt: pending.excerpt, at: turn.now, station: done.station ?? null }, ...kept].slice(0, 10)
    const sent = excerptOf(pending.text, 20)
    turn.say(`已发给${whose({ ...pending, ticket: done.ticket })}的群众：「${sent}」${/[。！!？?]$/.test(sent) ? '' : '。'}群众会收到您的答复。谢谢您！`)
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

/** How long after an answer was dropped his lone "是" is told it went nowhere. */
const DROPPED_RECALL_MS = 30 * 60_000

/** After his answer was dropped: a "是" is told nothing waits, never read as a resident's yes; anything else as ever. */
function afterDropped(turn: Turn, pending: ReplyAsk): boolean {
  const yes = turn.command.kind === 'confirm' || ((turn.command.kind === 'text' || turn.command.kind === 'done') && saysYes(turn.raw))
  if (!yes || turn.now - (pending.dropped ?? 0) > DROPPED_RECALL_MS) return false
  turn.say(`没有要发送的答复。您刚才写给${whose(pending)}的答复「${excerptOf(pending.text, 20)}」没有发出，要发送请重新发"回复 ${pending.ref} …"。`)
  return true
}

/** How long after an answer went his plain words are told they did not follow it. */
const SENT_RECALL_MS = 10 * 60_000

/**
 * Plain words just after his answer went from this chat: they would go nowhere unsaid, so he is told they were not
 * sent, that a sent answer takes no more, and whom to ask instead (true); false when he answered nothing lately.
 */
export function saidAfterSent(turn: Turn): boolean {
  const last = turn.state.answered?.[0]
  if (turn.command.kind !== 'text' || !last || turn.now - last.at > SENT_RECALL_MS) return false
  // What to do instead: the station can reach the resident (no station has a phone of its own in the directory).
  const instead = `如需补充，请联系${last.station ?? '联络站'}工作人员。`
  turn.say(`这句话没有发给群众。您给留言 ${last.ticket}（${last.excerpt}）的答复刚才已经发出，发出后不能再补充。${instead}`)
  return true
}

/** Two messages of his as one answer: a comma between them unless the first already ends a sentence. */
const joined = (first: string, more: string) => `${first}${/[。！!？?，,；;…～~]$/.test(first) ? '' : '，'}${more.trim()}`

/** "20261208-0001" → "2026-12-08". */
const ticketDay = (ticket: string) => ticket.replace(/^(\d{4})(\d{2})(\d{2})-.*$/, '$1-$2-$3')

const DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })

/** 今天, 昨天, 前天, or "12月5日": a day (a "2026-12-08" or a time in ms) as he says it today. */
function dayOf(when: string | number, now: number): string {
  const day = typeof when === 'string' ? when : DAY.format(when)
  const days = Math.round((Date.parse(DAY.format(now)) - Date.parse(day)) / 86_400_000)
  if (days === 0) return '今天'
  if (days === 1) return '昨天'
  if (days === 2) return '前天'
  const [, m, d] = day.split('-').map(Number)
  return `${m}月${d}日`
}
