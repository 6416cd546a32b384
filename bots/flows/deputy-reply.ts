import type { AnsweredLatelyCase, DeputyCase } from '../client.js'
import { acknowledgeInstead } from './deputy-acknowledge.js'
import { named } from './deputy-numbers.js'
import { isBareDone, isOnlyAcknowledging, soundsLikeQuestion } from './deputy-words.js'
import { copiedExample } from './example-answers.js'
import { isBareYes, wordsAskedFor } from './deputy-yes.js'
import { isStop, saysYes } from './reply-ask-words.js'
import type { AnsweredLately, ReplyAsk } from './dialogue-state.js'
import { lines, oneLine, shortTicket, type Turn } from './turn.js'
import { excerptOf } from './words-passed-on.js'

/**
 * "回复 0001 …" (or words under a quoted notice) in the chat: what reaches a resident cannot be taken back, and messages
 * are numbered afresh from 0001 each day, so his answer is shown back first, naming the message in full with her first
 * words, and only his "是" sends it (what his words do while it waits: deputy-reply-waiting.ts).
 */
/** How long an answer he sent is remembered: a new message ending in the same four digits is told apart from it. */
const ANSWERED_RECALL_MS = 3 * 24 * 3_600_000
/** What the backend takes as one answer. */
export const ANSWER_MAX = 2000

/** The message shown back by its whole number and her first words, as he can tell it from another. */
export const whose = (ask: Pick<ReplyAsk, 'ticket' | 'excerpt'>) => `留言 ${ask.ticket}（${ask.excerpt}）`

/**
 * His answer to message `ref`: refused at once when it is the example's words, a bare "已处理" or only "收到" (as
 * before); otherwise shown back for his "是" when his 待办 holds that one message.
 */
export async function answerCase(turn: Turn, ref: string, text: string) {
  if (!text) return askForWords(turn, ref)
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

/**
 * "回复 0001" without words (or his "是" to the bot's offer of it): the message named, and its words asked for; his next
 * plain words are them (deputy-words-asked.ts). A number that names none of his, or two, hears where the words go.
 */
async function askForWords(turn: Turn, ref: string) {
  const matches = (await turn.client.deputyCases(turn.person.personId)).filter((c) => named(c, ref))
  if (matches.length !== 1) return turn.say(lines('请在编号后面写上答复内容，例如：', `回复 ${ref} 已联系供电所，本周修好。`))
  wordsAskedFor(turn, ref)
  turn.say(
    lines(
      `要答复${whose({ ticket: matches[0].ticket, excerpt: excerptOf(matches[0].excerpt, 20) })}，请把您要对群众说的话直接发过来，例如：已联系供电所，本周修好。`,
      '发出前会先给您看一遍，您回复"是"才发给群众。',
    ),
  )
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
export function showBack(turn: Turn, shown: ReplyAsk, added = false) {
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

/** His "是": the answer goes, and is remembered a while (a new message with the same four digits is told apart from it). */
export async function sendAnswer(turn: Turn, pending: ReplyAsk) {
  const done = await turn.client.reply(turn.person.personId, pending.ticket, pending.text)
  const kept = (turn.state.answered ?? []).filter((a) => a.ticket !== done.ticket && turn.now - a.at < ANSWERED_RECALL_MS)
  turn.state.answered = [{ ticket: done.ticket, excerpt: pending.excerpt, at: turn.now, station: done.station ?? null }, ...kept].slice(0, 10)
  const sent = excerptOf(pending.text, 20)
  turn.say(`已发给${whose({ ...pending, ticket: done.ticket })}的群众：「${sent}」${/[。！!？?]$/.test(sent) ? '' : '。'}群众会收到您的答复。谢谢您！`)
}

/** Said after his 待办 while his answer waits: it has not gone, and how it goes. */
export function stillWaits(turn: Turn) {
  const pending = turn.state.replyAsk
  if (pending && !pending.dropped) turn.say(`您写给${whose(pending)}的答复还没有发出：发送请回复"是"，不发了请回复"不"。`)
}

/** How long after an answer went his plain words are told they did not follow it. */
const SENT_RECALL_MS = 10 * 60_000

/**
 * Plain words just after his answer went from this chat: they would go nowhere unsaid, so he is told they were not
 * sent, that a sent answer takes no more, and whom to ask instead (true); false when he answered nothing lately. A bare
 * yes again ("是", "好的", "收到": old people confirm twice) is told the answer has gone and nothing more is needed.
 */
export function saidAfterSent(turn: Turn): boolean {
  const last = turn.state.answered?.[0]
  if (!last || turn.now - last.at > SENT_RECALL_MS) return false
  // The bot offered a command or showed her meetings since: her words are to that, not more about this answer.
  if ((turn.state.yesTo?.at ?? -Infinity) >= last.at) return false
  if (isBareYes(turn.raw)) {
    turn.say(`您给留言 ${last.ticket}（${last.excerpt}）的答复刚才已经发给群众了，不用再确认。`)
    return true
  }
  if (turn.command.kind !== 'text') return false
  // What to do instead: the station can reach the resident (no station has a phone of its own in the directory).
  const instead = `如需补充，请联系${last.station ?? '联络站'}工作人员。`
  turn.say(`这句话没有发给群众。您给留言 ${last.ticket}（${last.excerpt}）的答复刚才已经发出，发出后不能再补充。${instead}`)
  return true
}

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
