import { compact } from '../typed-text.js'
import { asksHowToUse, toTheBot } from '../to-the-bot.js'
import { asksAboutCheckIn } from './deputy-check-in.js'
import { doneElsewhere } from './deputy-elsewhere.js'
import { shortAnswer } from './deputy-meetings.js'
import { noticeRef } from './deputy-notice-crossed.js'
import { named } from './deputy-numbers.js'
import { isMalformedBinding, isOnlyAcknowledging, isPlaceholder } from './deputy-words.js'
import { isBareYes } from './deputy-yes.js'
import { answersMeetings } from './reply-ask-words.js'
import { lines, oneLine, type Conversation, type Turn } from './turn.js'
import { excerptOf } from './words-passed-on.js'

/**
 * "回复 1" alone, then her "是" to the offer of "回复 0001": the bot asks for the words of her answer to that message
 * (deputy-reply.ts). Her next plain words, while the offer would stand (half an hour, as the other windows), are that
 * answer, shown back as any answer is: only her "是" then sends it. Words plainly meant for something else (her meetings,
 * another command, a question to the bot) are read as ever, and the asking ends, as any other message ends an offer.
 */

/** Another command's verb, a line copied from a notice ("受理请回复：…"), 电话, 绑定, 群众菜单: never an answer's words. */
const OTHER_COMMAND = /^(?:受理|转交|交回|退回|电话|打电话|群众电话|联系电话|绑定|群众菜单|答复请|受理请)/

/** Her words as the answer itself: "回复：已经修好了" has the 回复 she was shown in front of them, and no number. */
const wordsOf = (raw: string) => raw.replace(/^\s*(?:回\s*复|答\s*复)[\s:：,，]*/, '').trim()

/** Words that answer something else than the question: they are read as ever. */
const meantElsewhere = (words: string) =>
  OTHER_COMMAND.test(compact(words)) ||
  isMalformedBinding(words) ||
  answersMeetings(words) ||
  // "去", "不去了", "看情况": a word to her meetings, never the whole of what a resident is told (her "去" was shown back
  // as the answer, and her 是 sent it while the meeting waited unanswered).
  shortAnswer(words) !== null ||
  toTheBot(words) !== null ||
  asksHowToUse(words) ||
  doneElsewhere(words) !== null ||
  asksAboutCheckIn(words)

/**
 * First at each message of hers: words just after the bot asked for them are her answer to that message (`rest`, the
 * deputy's conversation, reads them as "回复 0001 …"); a bare "好的" to the question is asked for the words again.
 */
export async function wordsAsked(turn: Turn, rest: Conversation): Promise<boolean> {
  if (turn.state.yesTo?.wordsCrossed) return crossedWords(turn)
  const ref = turn.state.yesTo?.wordsFor
  // Under a quoted notice her words are about the message quoted, as ever.
  if (!ref || turn.quoted) return false
  if (isBareYes(turn.raw)) {
    turn.say(`请把您要对群众说的话直接发过来（答复留言 ${ref}）。发出前会先给您看一遍。`)
    return true
  }
  // The example's words ("答复内容") stay whole: refused as they are, never cut to "内容".
  let words = isPlaceholder(turn.raw) ? turn.raw : wordsOf(turn.raw)
  if (turn.command.kind !== 'text' || !words || meantElsewhere(words)) return false
  // "好的我知道了": her "好的" to the question, not what the resident is told; nor is it 受理 (nothing is done).
  if (isOnlyAcknowledging(words)) {
    turn.say(
      lines(`"${oneLine(words)}"像是表示收到，没有发给群众，也没有受理。`, `请把您要对群众说的话直接发过来（答复留言 ${ref}），例如：已联系供电所，本周修好。`),
    )
    return true
  }
  // "0002 楼上的水管修好了", "第2条已经修好了": meant for the message that number names.
  const led = await numberLed(turn, ref, words)
  if (led === true) return true
  if (led) words = led
  turn.state.yesTo = { at: turn.state.yesTo!.at }
  return rest({ ...turn, command: { kind: 'reply', ref, text: words }, raw: `回复 ${ref} ${words}` })
}

/** A message's number, or "第2条" (a line of her 待办), at the head of her words, and what follows it. */
const LEADING_NUMBER = /^(?:第\s*(\d{1,2})\s*条|(\d{8}-\d{4,}|\d{4})(?!\d))[\s:：,，、.。]*(.*)$/s

/**
 * Her words asked for message `ref` start with a number naming one of her messages: for that very message, the words
 * after the number (a string); for another, nothing is sent and she is told so, with the command for each ready to copy
 * (true); no number naming one of hers (a year, a sum), her words as they are (null).
 */
async function numberLed(turn: Turn, ref: string, words: string): Promise<string | true | null> {
  const found = LEADING_NUMBER.exec(words)
  const after = found?.[3].trim()
  if (!found || !after) return null
  const cases = await turn.client.deputyCases(turn.person.personId)
  const meant = found[1] ? cases[Number(found[1]) - 1] : cases.find((c) => named(c, found[2]))
  if (!meant) return null
  if (named(meant, ref)) return after
  const how = found[1] ? `说的"第${found[1]}条"是待办第 ${found[1]} 条，` : `开头的"${found[2]}"是`
  turn.state.yesTo = { at: turn.state.yesTo!.at }
  turn.say(
    lines(
      `这句话${how}留言 ${meant.short}（${excerptOf(meant.excerpt, 20)}），不是留言 ${ref}，所以没有作为答复，什么都没有发出。`,
      `要答复留言 ${meant.short}，请发送：回复 ${meant.short} ${oneLine(after)}`,
      `要答复留言 ${ref}，请发送：回复 ${ref} ${oneLine(after)}`,
    ),
  )
  return true
}

/**
 * Her words were asked for one message and a notice naming another came since (deputy-yes.ts noticeCame): her plain
 * words are no answer to either; she hears they were not sent, with the command for each ready to copy. Any message of
 * hers ends it; other words are read as ever.
 */
function crossedWords(turn: Turn): boolean {
  const { ref, notice } = turn.state.yesTo!.wordsCrossed!
  turn.state.yesTo = { at: turn.state.yesTo!.at }
  const words = wordsOf(turn.raw)
  if (turn.quoted || turn.command.kind !== 'text' || !words || isBareYes(turn.raw) || meantElsewhere(words)) return false
  const other = noticeRef(notice)
  turn.say(
    lines(
      '刚才来了一条新通知，不知道这句话是给哪一条留言的答复，所以没有发出，群众还没有收到。',
      `要答复留言 ${ref}，请发送：回复 ${ref} ${oneLine(words)}`,
      other && other !== ref && `要答复通知里的留言 ${other}，请发送：回复 ${other} ${oneLine(words)}`,
    ),
  )
  return true
}
