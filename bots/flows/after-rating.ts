import { progressQuestion } from '../progress-questions.js'
import { verdictOnAnswer } from '../scores.js'
import { commentOrNewChoice, namedThing } from '../short-answers.js'
import { asksForPerson, asksHowToUse, isGreeting } from '../to-the-bot.js'
import { compact, wordCount } from '../typed-text.js'
import { startMessageWithText, startMessageWithWords } from './leave-message.js'
import { CASE_TEXT_MAX, isLongText } from './message-draft.js'
import { commentOnRating, commentQuestion, commentUnclear } from './rating-comment.js'
import { lines, saysYes, type Turn } from './turn.js'
import type { CommentFlow, RatedJustNow } from './dialogue-state.js'
import { sameMatterAgain } from './write-again.js'

/**
 * Statuses of a message still being handled: "您之前发出的 N 条留言正在办理". The backend's OPEN_STATUSES without
 * `replied`: an answered message waits for her score, and is told so (ANSWERED), never said to be in hand.
 */
const IN_HAND = new Set(['submitted', 'assigned', 'acknowledged', 'forwarded', 'reopened'])
const ANSWERED = 'replied'

/**
 * A resident's words that may be for the deputy with a score she has just given, or may be a new problem:
 * she is asked which (commentQuestion), never sent on a guess, and her answer is taken here
 * (commentOrNewAnswer). Short words with nothing going on are offered the same way as a new message.
 */

/**
 * "3", then "路灯还是没修好": her verdict on the answer she has just scored, for the deputy to read with it.
 * Other words ("我们小区3号楼的垃圾三天没人收了…") may be a new problem: she is asked which, never sent on a guess.
 * The caller has checked she scored alone just now, with nothing going on and no answer quoted; false when
 * her words are no such words (a command, a question for a person, how to use this, how a message is doing).
 */
export async function wordsAfterScore(turn: Turn, rated: RatedJustNow): Promise<boolean> {
  const { command: cmd, state } = turn
  if (cmd.kind !== 'text' || asksForPerson(cmd.text) || asksHowToUse(cmd.text) || progressQuestion(cmd.text) !== null) return false
  // "晚上黑得很" after "路灯还是不亮" was passed on: the same thought in another bubble. The rating took one
  // comment, so these are offered to her as a new message, never answered with the menu and lost.
  if (rated.commented) {
    state.flow = { name: 'comment', ticket: rated.ticket, words: turn.raw, stage: 'again' }
    turn.say(commentQuestion(state.flow))
  } else if (verdictOnAnswer(turn.raw)) await commentOnRating(turn, rated.ticket)
  // Too long for a message at all: refused with the reason, as it always was.
  else if (turn.raw.length > CASE_TEXT_MAX) await startMessageWithText(turn)
  else {
    state.flow = { name: 'comment', ticket: rated.ticket, words: turn.raw }
    turn.say(commentQuestion(state.flow))
  }
  return true
}

/**
 * "灯又不亮了", short, with nothing going on: maybe a problem, maybe not. Offered as a new message (longer words
 * start one at once, before this is asked), never lost under the menu. A greeting, one character or a deputy's
 * words are no such offer (false: they get the menu). The caller has checked nothing is going on.
 */
export async function offerShortWords(turn: Turn): Promise<boolean> {
  const { command: cmd, state } = turn
  if (cmd.kind !== 'text' || turn.person.deputy || wordCount(turn.raw) < 2 || isGreeting(turn.raw)) return false
  // "下水道又堵了" about a message of his that may be handled again: which he means is asked first.
  if (await sameMatterAgain(turn, turn.raw)) return true
  // His messages already sent are said to be in hand, so "还没有发出去" is never read as about them.
  const mine = await turn.client.cases(turn.person.personId).catch(() => [])
  const inHand = mine.filter((c) => IN_HAND.has(c.status)).length
  const answered = mine.filter((c) => c.status === ANSWERED).length
  state.flow = { name: 'comment', ticket: '', words: turn.raw, stage: 'unsent', ...(inHand ? { inHand } : {}), ...(answered ? { answered } : {}) }
  turn.say(commentQuestion(state.flow))
  return true
}

/**
 * Her answer to commentQuestion: 1 her words reach the deputy with her score (she said they are about it); 2 they
 * start a new message (as words that describe a problem always have). More words meanwhile join them: an elderly
 * person sends one thought in several bubbles, and every one goes wherever the first goes. Anything else is not
 * understood, and only the two numbers are asked for again. Once the rating could not take them (stage late,
 * whole, again, unsent), 1 makes them a new message and 2 leaves them.
 */
export async function commentOrNewAnswer(turn: Turn, flow: CommentFlow): Promise<boolean> {
  const cmd = turn.command
  // Once the question is only "作为新留言发给代表？1/2", a plain yes ("确认", "好的", "是的", "对", "嗯") is its 1.
  const yes = !!flow.stage && saysYes(turn)
  const choice = yes
    ? 1
    : cmd.kind === 'number'
      ? cmd.value
      : cmd.kind === 'text'
        ? (commentOrNewChoice(cmd.text, flow.subject, flow.words) ?? (await thingNamed(turn, flow)))
        : null
  // More of her thought, not a word already in it ("垃圾" repeated is an answer not understood, not more words).
  // (A greeting or a question to the bot, "喂喂", is answered before this: resident.ts.)
  const more =
    choice === null &&
    cmd.kind === 'text' &&
    flow.stage !== 'whole' &&
    wordCount(turn.raw) >= 2 &&
    !flow.words.includes(turn.raw) &&
    flow.words.length + 1 + turn.raw.length <= CASE_TEXT_MAX
  if (more) {
    flow.words = `${flow.words}\n${turn.raw}`
    turn.say(lines(isLongText(turn.raw) ? '这段话也记下了。' : '这句话也记下了。', commentQuestion(flow, true)))
    return true
  }
  if (flow.stage) {
    if (choice === 1) {
      turn.state.flow = null
      await startMessageWithWords(turn, flow.words)
    } else if (choice === 2) {
      turn.state.flow = null
      turn.say(flow.stage === 'whole' ? '好的，谢谢您！' : '好的，这段话就不发了。需要时请再发送"留言"。')
    } else turn.say(commentUnclear(flow))
    return true
  }
  if (choice === 1) {
    turn.state.flow = null
    await commentOnRating(turn, flow.ticket, flow.words, true)
  } else if (choice === 2) {
    turn.state.flow = null
    await startMessageWithWords(turn, flow.words)
  } else turn.say(commentUnclear(flow))
  return true
}

/**
 * "路灯" or "垃圾的事" under "意见还是新的问题" with no subject named in it: a word of the rated message is that
 * message (1); a word only of her new words is the new matter (2); anything else is not such an answer (null).
 */
async function thingNamed(turn: Turn, flow: CommentFlow): Promise<1 | 2 | null> {
  const word = flow.stage || !flow.ticket ? null : namedThing(turn.raw)
  if (!word) return null
  const rated = await turn.client.caseDetail(turn.person.personId, flow.ticket).catch(() => null)
  if (rated && compact(rated.text).includes(word)) return 1
  return compact(flow.words).includes(word) ? 2 : null
}
