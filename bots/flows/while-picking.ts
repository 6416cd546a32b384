import { compact } from '../typed-text.js'
import { scaleWord } from '../scores.js'
import { rate } from './rating.js'
import type { Turn } from './turn.js'
import type { MessageFlow } from './dialogue-state.js'

/**
 * An answer comes while she is choosing where a new message goes (district, street, community, or one
 * of the deputies found, or whether it goes where her last one went). What she says for the answer is for the answer, as while she writes: a word
 * of the scale ("满意", "不满意，…"), a score with its unit ("五分", "5星"), or a bare 1 to 5 that is no
 * choice of the list shown. A number that is a choice stays a choice. The list is shown again after
 * (stillWriting), and her draft is kept. "重新办理" is reopenLater's (it asks for the score first).
 */
export async function scoreWhilePicking(turn: Turn, flow: MessageFlow, ticket: string, unhappy: { score: number; reason: string } | null): Promise<boolean> {
  const cmd = turn.command
  if (flow.stage !== 'place' && flow.stage !== 'deputy' && flow.stage !== 'samePlace') return false
  if (unhappy) {
    await rate(turn, ticket, unhappy.score, unhappy.reason)
    return true
  }
  const score = cmd.kind === 'text' ? scaleWord(cmd.text) : cmd.kind === 'number' && !isChoice(flow, cmd.value) ? cmd.value : null
  const withUnit = cmd.kind === 'number' && /[分星]$/.test(compact(turn.raw))
  const said = withUnit && cmd.kind === 'number' ? cmd.value : score
  if (said === null || said < 1 || said > 5) return false
  await rate(turn, ticket, said)
  return true
}

/** A number the list shown takes: one of its items, or 0 for "不清楚，就选…" below a district or street; 1 or 2 for "还发这里吗". */
function isChoice(flow: MessageFlow, n: number): boolean {
  if (flow.stage === 'samePlace') return n === 1 || n === 2
  if (n === 0) return flow.stage === 'place' && flow.path.length > 0
  return n >= 1 && n <= flow.options.length
}
