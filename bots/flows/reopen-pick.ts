import type { CaseListItem } from '../client.js'
import type { ReopenFlow } from './dialogue-state.js'
import { caseLines, oneLine } from './turn.js'

/**
 * The list of her messages that may be handled again (重新办理 with several), said the same way each time it is shown:
 * when she asks, after an answer it does not take, and again after a deputy's 待办 pushed it out of sight
 * (flow-question.ts). She tells them apart by their first words, so every showing names them by those.
 */

/** How many messages one list holds (caseLines shows five); the rest she names by number ("重新办理 0042"). */
const PICK_MAX = 5

/** Stage pick over the first of `open`, each message kept as it is listed now. */
export function pickFlow(open: CaseListItem[], rest: Pick<ReopenFlow, 'reason' | 'draft'>): ReopenFlow {
  const listed = open.slice(0, PICK_MAX)
  return {
    name: 'reopen',
    stage: 'pick',
    ticket: '',
    choices: listed.map((c) => c.ticket),
    shown: listed.map(({ ticket, statusLabel, excerpt }) => ({ ticket, statusLabel, excerpt })),
    ...(rest.reason ? { reason: rest.reason } : {}),
    ...(rest.draft ? { draft: rest.draft } : {}),
  }
}

/** Its numbered lines, "1. 20261122-0042【已办结】楼道的灯坏了，晚上看不见". */
export function pickLines(flow: ReopenFlow): string[] {
  if (flow.shown) return caseLines(flow.shown)
  // A list saved before the first words were kept: its numbers are all there is.
  return (flow.choices ?? []).map((t, i) => `${i + 1}. 留言 ${t}`)
}

/** Message `n` of the list, named as in it: "留言 20261122-0042（楼道的灯坏了，晚上看不见）". */
export function pickedName(flow: ReopenFlow, n: number): string {
  const ticket = flow.choices?.[n - 1] ?? ''
  const item = flow.shown?.find((c) => c.ticket === ticket)
  return `留言 ${ticket}${item ? `（${oneLine(item.excerpt)}）` : ''}`
}
