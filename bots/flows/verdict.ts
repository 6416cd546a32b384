import { startMessageWithWords } from './leave-message.js'
import { SCALE_LINE } from './rating-scale.js'
import { rate } from './rating.js'
import { lines, saysYes, shortTicket, type Turn } from './turn.js'
import type { ReopenFlow } from './dialogue-state.js'

/**
 * "根本没修好，你们再看看" while an answer waits for her score: most likely her verdict on it, but it may be a new
 * problem. She is asked which, never rated or sent on a guess.
 */

/** Asks whether her words say the answer did not solve it; they are kept for either answer. */
export function askVerdict(turn: Turn, ticket: string, words: string) {
  turn.state.flow = { name: 'reopen', stage: 'verdict', ticket, reason: words }
  turn.say(verdictQuestion(ticket))
}

const verdictQuestion = (ticket: string) =>
  lines(
    `您是说留言 ${shortTicket(ticket)} 的问题还没有解决吗？请回复数字：`,
    '1. 是的，没有解决（记为不满意，可以申请重新办理）',
    '2. 不是，这是另一件事，我要给代表留言',
  )

/** Her answer to verdictQuestion: not solved is a 2 (不满意) with her words kept; another matter starts a message with them. */
export async function verdictAnswer(turn: Turn, flow: ReopenFlow): Promise<boolean> {
  const cmd = turn.command
  const words = flow.reason ?? ''
  if (saysYes(turn)) {
    turn.state.flow = null
    await rate(turn, flow.ticket, 2, words)
  } else if (cmd.kind === 'number' && cmd.value === 2) {
    turn.state.flow = null
    await startMessageWithWords(turn, words)
  } else if (cmd.kind === 'cancel') {
    turn.state.flow = null
    turn.say('好的。方便的时候，请给这次答复打个分：\n' + SCALE_LINE)
  } else turn.say(verdictQuestion(flow.ticket))
  return true
}
