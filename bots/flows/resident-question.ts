import { quotedAnswerTicket } from '../quotes.js'
import { isNod } from '../short-answers.js'
import { type Turn } from './turn.js'
import { LIST_WINDOW_MS, RATING_WINDOW_MS, type DialogueState, type Flow, type ListedMessages } from './dialogue-state.js'
import { flowQuestion, type FlowQuestion } from './flow-question.js'

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
 * lapses when she goes quiet); it, her list, or the score question, takes it while her number is hers (standingQuestion).
 * The answer notice asks for a score once, so that counts only while she has sent nothing since it came (dialogues.ts
 * marks it): after that "回复 5" is read as a deputy's, though a bare "5" still scores it in the resident conversation.
 */
export function residentQuestionWaits(state: DialogueState, now: number): boolean {
  const { flow, list, score } = standingQuestion(state, now)
  if (flow) return flow.owner === 'hers'
  // Writing her message's words ('text'), or why she is unhappy ('reason'), asks nothing numbered.
  if (state.flow?.name === 'message' || state.flow?.name === 'reopen') return false
  return list?.owner === 'hers' || (score?.owner === 'hers' && !score.rating.spokeSince)
}

/**
 * Whose a bare number is beside his 待办 lines: hers, a line of his 待办 (shown after her question), or either, so
 * neither is done and he is asked which (lines shown lately before a score question, or after her flow's question).
 */
export type NumberOwner = 'hers' | 'todo' | 'either'

/** The numbered questions of hers that stand: null each once lapsed, else with whose a bare number is beside it. */
export interface StandingQuestion {
  /** The question of her flow under way, at a step answered by a number; named in a few words, with the numbers it takes. */
  flow: (FlowQuestion & { flow: Flow; owner: Exclude<NumberOwner, 'todo'> }) | null
  /** Her list of messages (查询, 撤回), shown less than LIST_WINDOW_MS ago. */
  list: { listed: ListedMessages; owner: Exclude<NumberOwner, 'either'> } | null
  /** The score the answer notice asked for, less than RATING_WINDOW_MS ago. */
  score: { rating: NonNullable<DialogueState['rating']>; owner: NumberOwner } | null
}

/** Her flow's question, her list and her score question as they stand at `now`, and whose a bare number is beside his 待办 lines. */
export function standingQuestion(state: DialogueState, now: number): StandingQuestion {
  const shownAt = state.todoShownAt
  // His 待办 lines (待办, the morning digest, the help for a line number) shown at or after her question: he moved on.
  const todoAfter = (at: number) => shownAt !== undefined && shownAt >= at
  const todoLive = todoShown(state, now)
  const { listed, rating } = state
  const asked = state.flow && flowQuestion(state.flow)
  return {
    // Her flow asks anew at each step she takes in it (dialogues.ts marks when): his lines shown since may be what a
    // number is for, yet it may be her answer too, and hers sends, drops or changes things; so he is asked which. Older
    // lines, or none since, leave it hers. A flow not yet marked is taken as asked before any lines.
    flow: asked && state.flow ? { ...asked, flow: state.flow, owner: todoLive && todoAfter(state.flowAskedAt ?? 0) ? 'either' : 'hers' } : null,
    // She asks for her list herself: lines shown before it are done with.
    list: listed && now - listed.at < LIST_WINDOW_MS ? { listed, owner: todoAfter(listed.at) ? 'todo' : 'hers' } : null,
    // The score question comes unasked, maybe while he works through lines just shown: then "2" could be either. Long
    // after his lines, the score is what he means.
    score: rating && now - rating.since < RATING_WINDOW_MS ? { rating, owner: todoAfter(rating.since) ? 'todo' : todoLive ? 'either' : 'hers' } : null,
  }
}

/** His 待办 lines shown lately enough that a number may still be one of them, as her own list's would be. */
const todoShown = (state: DialogueState, now: number) => state.todoShownAt !== undefined && now - state.todoShownAt < LIST_WINDOW_MS

/** The score question of hers that a bare number may answer as well as a line of his 待办 (deputy-numbers.ts asks which). */
export function scoreOrLine(state: DialogueState, now: number) {
  const { score } = standingQuestion(state, now)
  return score?.owner === 'either' ? score.rating : null
}

/**
 * Her flow's question, when a bare `n` may answer it as well as a line of his 待办: she is asked it again beside the
 * line, with what `n` would do there (deputy-numbers.ts). A number it does not take is his line.
 */
export function flowOrLine(state: DialogueState, now: number, n: number): FlowQuestion | null {
  const { flow } = standingQuestion(state, now)
  return flow?.owner === 'either' && n >= flow.least && n <= flow.most ? flow : null
}

/**
 * Her flow's question, when a plain yes ("好的", "行", "嗯") would answer it (send her draft, reopen, record 不满意)
 * and his 待办 lines were shown since it was asked: read after a list, a yes may only be him taking it in, so nothing is
 * done and she is asked (deputy-numbers.ts). Before 待办, the yes answers her question, as ever.
 */
export function yesOrLine(turn: Turn): FlowQuestion | null {
  const cmd = turn.command
  if (!turn.person.deputy || !(cmd.kind === 'confirm' || cmd.kind === 'done' || isNod(turn.raw))) return null
  const { flow } = standingQuestion(turn.state, turn.now)
  return flow?.owner === 'either' && flow.yes !== null ? flow : null
}

/**
 * A deputy's bare "2" while a numbered question of hers as a resident stands (her flow's, her list, a score asked for),
 * none of them hers outright: a line of his 待办, or, beside her flow's or a score question, either (flowOrLine,
 * scoreOrLine). With none standing, his 待办 lines shown lately take it: never her menu's 2 (查询 of her own). A flow
 * that asks for words takes its number itself, as ever.
 */
export function meantForTodo(state: DialogueState, now: number): boolean {
  const { flow, list, score } = standingQuestion(state, now)
  if (flow) return flow.owner === 'either'
  if (state.flow) return false
  if (list === null && score === null) return todoShown(state, now)
  return list?.owner !== 'hers' && score?.owner !== 'hers'
}

/**
 * A deputy's bare number the resident conversation hands to his 待办 (meantForTodo): her flow asks nothing by it, so
 * it is not marked as asked (dialogues.ts), even when his 待办 could not be read and nothing was said of it.
 */
export function numberForTodo(asIs: Turn): boolean {
  const turn = numberAfterReply(asIs)
  return !!turn.person.deputy && turn.command.kind === 'number' && !quotedAnswerTicket(turn.quoted) && meantForTodo(turn.state, turn.now)
}
