import { parseCommand } from '../parse-command.js'
import { compact } from '../typed-text.js'
import { meetingWords } from './deputy-meetings.js'
import { saysYes } from './reply-ask-words.js'
import { answerCrossed, noticeRef, sameNumber } from './deputy-notice-crossed.js'
import type { DialogueState, YesTo } from './dialogue-state.js'
import { lines, oneLine, type Conversation, type Turn } from './turn.js'

/**
 * A deputy's bare yes to the bot's last word, when no question kept for it waits (deputy.ts). To a command offered ready
 * to copy ("您是要答复待办第 1 条【0001】（…）吗？是的话请发送：回复 0001 …") it does what sending that command does: an
 * answer is shown back, and only his next "是" sends it. To his meetings shown, it is read as a "好的" to them. Never the
 * residents' "好的！", never a word about an answer that went before either (deputy-reply.ts saidAfterSent).
 */

/** "是", "好的", "对", "发吧", "收到": a yes alone, nothing more in it. */
export const isBareYes = (raw: string) => saysYes(raw) || /^(?:收到了?|已收到)$/.test(compact(raw).replace(/[!！~～。.，,]/g, ''))

/** The bot offers `command` ready to copy: his yes next does it as if he had sent it. */
export function offerCommand(turn: Turn, command: string) {
  turn.state.yesTo = { at: turn.now, command }
}

/** His meetings were shown or answered: his yes next is to them, not to an answer sent before. */
export function meetingsShown(turn: Turn): true {
  turn.state.yesTo = { at: turn.now, meetings: true }
  return true
}

/** The bot asked him for the words of his answer to message `ref`: his next plain words are them (deputy-words-asked.ts). */
export function wordsAskedFor(turn: Turn, ref: string) {
  turn.state.yesTo = { at: turn.now, wordsFor: ref }
}

/**
 * A notice naming a message reached his chat (outbox-consumer.ts; `asks`: what it asks him to send): a command offered
 * before it no longer goes on his bare yes, which may be to the notice; he is asked which instead. Words asked for another
 * message before it are no longer taken as an answer, nor dropped unsaid (deputy-words-asked.ts); a notice about the very
 * message offered or asked for (its 催办) keeps the offer or the asking. An answer shown back for his "是" hears of it too
 * (deputy-notice-crossed.ts). Whether the state changed.
 */
export function noticeCame(state: DialogueState, notice: { asks: string | null; ticket: string | null }): boolean {
  const crossedAnswer = answerCrossed(state, notice)
  const yesTo = state.yesTo
  const offered = yesTo?.command ?? yesTo?.crossed?.offered
  const wordsFor = yesTo?.wordsFor ?? yesTo?.wordsCrossed?.ref
  if (!yesTo || (!offered && !wordsFor)) return crossedAnswer
  // A notice about the very message offered (its 催办) asks her to do what the offer does: her yes still does it.
  const offeredRef = noticeRef(yesTo.command ?? null)
  if (offeredRef && notice.ticket && sameNumber(notice.ticket, offeredRef)) return crossedAnswer
  if (offered) state.yesTo = { at: yesTo.at, crossed: { offered, notice: notice.asks } }
  else if (yesTo.wordsFor && notice.ticket && sameNumber(notice.ticket, yesTo.wordsFor)) return crossedAnswer
  else state.yesTo = { at: yesTo.at, wordsCrossed: { ref: wordsFor!, notice: notice.asks } }
  return true
}

/**
 * First at each message of his: a bare yes just after an offer does its command (`rest`, the deputy's conversation, reads
 * it as if he had typed it), or, a notice having come since, asks which he means; any other message ends the offer,
 * keeping only when it was made (false).
 */
export async function yesToOffer(turn: Turn, rest: Conversation): Promise<boolean> {
  const yesTo = turn.state.yesTo
  if (!yesTo) return false
  // A yes quoting a message (引用) is to that message: the quote is read as ever, and the offer ends.
  const yes = isBareYes(turn.raw) && !turn.quoted
  if (!yes || yesTo.command || yesTo.crossed || yesTo.askedWhich) turn.state.yesTo = { at: yesTo.at }
  if (yes && (yesTo.crossed || yesTo.askedWhich)) return askWhich(turn, (yesTo.crossed ?? yesTo.askedWhich)!, !yesTo.crossed)
  if (!yes || !yesTo.command) return false
  return rest({ ...turn, command: parseCommand(yesTo.command), raw: yesTo.command, quoted: null })
}

/** What each command offered does, in the words of the question that offered it (deputy-numbers.ts). */
const DOING: Record<string, string> = { 回复: '答复', 受理: '受理', 转交: '转交', 交回: '交回', 电话: '看群众电话' }

/**
 * His bare yes after a notice came on top of a command offered: nothing is done, and each is said with what to send for
 * it, the notice's first (what he read last). Another bare yes to that (`again`) is told again that nothing was done.
 */
function askWhich(turn: Turn, crossed: NonNullable<YesTo['crossed']>, again: boolean): true {
  const { offered, notice } = crossed
  turn.state.yesTo = { at: turn.state.yesTo?.at ?? turn.now, askedWhich: crossed }
  const line = (command: string, which: string) => {
    const [verb, ref] = command.split(' ')
    return `${which}留言 ${ref}，要${DOING[verb] ?? '办理'}请发送：${command}`
  }
  turn.say(
    lines(
      again
        ? `还是不知道您说的"${oneLine(turn.raw)}"是对哪一条，这次也什么都没有办。请发送您要办的那一条：`
        : `刚才来了一条新通知，不知道您说的"${oneLine(turn.raw)}"是对哪一条，所以这次什么都没有办。`,
      notice && line(notice, '通知里的'),
      notice !== offered && line(offered, '前面问您的'),
    ),
  )
  return true
}

/** A bare yes just after his meetings were shown: what his "好的" to them says (the meeting again, with how to answer). */
export async function yesToMeetings(turn: Turn): Promise<boolean> {
  if (!turn.state.yesTo?.meetings || !isBareYes(turn.raw)) return false
  return meetingWords({ ...turn, raw: '好的' })
}
