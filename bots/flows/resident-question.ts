import { type Turn } from './turn.js'
import { LIST_WINDOW_MS, RATING_WINDOW_MS, type DialogueState } from './dialogue-state.js'

export { LIST_WINDOW_MS }

/**
 * "回复1", "回复 5": she does as she is told ("回复 1 是对答复的意见", "留言请回复 1"), and means the number. Read as a
 * deputy's 回复 command it would give her the menu and lose her choice or score; a deputy's takes a message's number.
 */
export function numberAfterReply(turn: Turn): Turn {
  const cmd = turn.command
  if (cmd.kind !== 'reply' || cmd.text || !/^\d{1,2}$/.test(cmd.ref)) return turn
  return { ...turn, command: { kind: 'number', value: Number(cmd.ref) }, raw: cmd.ref }
}

/**
 * Her "1" or "回复 1" answers the numbered question the bot has just asked her as a resident: which of her messages, a
 * score for an answer, a 1/2 choice, a place. From a deputy who is a resident too it is that answer, not a line of his
 * 待办 (deputy-numbers.ts), for only the resident conversation knows the question.
 */
export const answersResidentQuestion = (turn: Turn) => numberAfterReply(turn).command.kind === 'number' && residentQuestionWaits(turn.state, turn.now)

/**
 * Whether the bot's last question to her as a resident takes a number. A flow asks its question anew at each step (and
 * lapses when she goes quiet); the answer notice asks for a score once, so it counts only while she has sent nothing
 * since it came (dialogues.ts marks it). Neither her list nor the score counts once his 待办 lines were shown after it,
 * nor the score while lines shown just before it may still be meant (scoreOrLine).
 */
export function residentQuestionWaits(state: DialogueState, now: number): boolean {
  const flow = state.flow
  // Writing her message's words ('text') asks nothing numbered; a draft parked at the summary waits for "1".
  if (flow?.name === 'message') return flow.stage !== 'text' || flow.parked === true
  // Only 'reason' asks for words: the offer, the pick, and the two questions about her words are numbered.
  if (flow?.name === 'reopen') return flow.stage !== 'reason'
  if (flow?.name === 'comment') return true
  if (state.listed && now - state.listed.at < LIST_WINDOW_MS && !todoShownSince(state, state.listed.at)) return true
  const rating = state.rating
  return rating !== null && now - rating.since < RATING_WINDOW_MS && !rating.spokeSince && !todoShownSince(state, rating.since) && !todoLive(state, now)
}

/** His 待办 lines were shown to him (待办, the morning digest, the help for a line number) at or after `at`. */
const todoShownSince = (state: DialogueState, at: number) => state.todoShownAt !== undefined && state.todoShownAt >= at

/** His 待办 lines were shown lately enough that a number may still be one of them, as her own list's would be. */
const todoLive = (state: DialogueState, now: number) => state.todoShownAt !== undefined && now - state.todoShownAt < LIST_WINDOW_MS

/**
 * The score question of hers that came after his 待办 lines, while a number may still be one of those: "2" could be
 * either, so neither is done and he is asked which (deputy-numbers.ts). Long after his list, the score is what he means.
 */
export function scoreOrLine(state: DialogueState, now: number) {
  const rating = state.rating
  return rating && now - rating.since < RATING_WINDOW_MS && todoLive(state, now) && !todoShownSince(state, rating.since) ? rating : null
}

/**
 * A deputy's bare "2" while a numbered question of hers as a resident stands (her list, a score asked for): a line of
 * his 待办 when those were shown after her question, or lately enough before a score question (scoreOrLine). Her list
 * asked for after his lines, or a score question long after them, keeps the number hers.
 */
export function meantForTodo(state: DialogueState, now: number): boolean {
  const listed = state.listed && now - state.listed.at < LIST_WINDOW_MS ? state.listed : null
  if (listed && !todoShownSince(state, listed.at)) return false
  const rating = state.rating && now - state.rating.since < RATING_WINDOW_MS ? state.rating : null
  if (rating && !todoShownSince(state, rating.since) && !todoLive(state, now)) return false
  return listed !== null || rating !== null
}
