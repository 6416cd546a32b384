import type { CaseEvent, CaseRecord } from '../../domain/case.js'
import { handedOnByHim, handedToHimBy } from '../../domain/case-hand-backs.js'
import { notHisNowText } from '../../domain/case-refusals.js'
import type { HandedBy } from '../../domain/deputy-case-words.js'
import type { Store } from '../../store/ports.js'

/**
 * A deputy's 转交 as the deputies on either side of it read it afterwards, each place (his 我的待办, the chat's 待办,
 * the chat's refusals, his page) from the same reads: one colleague handed him a message, or he handed one on.
 */

/**
 * Of his new messages (not yet acknowledged), those a colleague handed him (转交), with the colleague's name and
 * whether it came back to him (交回): their placing steps in one read, each colleague's name read once.
 */
export async function handedToHim(store: Pick<Store, 'cases' | 'deputies'>, deputyId: string, cases: readonly CaseRecord[]): Promise<Map<string, HandedBy>> {
  const fresh = cases.filter((c) => c.status === 'assigned').map((c) => c.id)
  if (!fresh.length) return new Map()
  const steps = new Map<string, CaseEvent[]>()
  for (const e of await store.cases.placings(fresh)) steps.set(e.caseId, [...(steps.get(e.caseId) ?? []), e])
  const handed = [...steps].flatMap(([id, events]) => {
    const by = handedToHimBy(events, deputyId)
    return by ? [{ id, ...by }] : []
  })
  const names = new Map<string, string>()
  for (const from of new Set(handed.map((h) => h.fromDeputyId))) names.set(from, (await store.deputies.get(from))?.name ?? '')
  return new Map(handed.map((h) => [h.id, { name: names.get(h.fromDeputyId) ?? '', back: h.back }]))
}

/**
 * Why a message he held once is not his now (notHisNowText), from its timeline: handed on by himself to a colleague
 * who has it still, said as his own move by the colleague's name ("您已转给王芳代表办理"); else as it was moved.
 */
export async function notHisNowSaid(
  store: Pick<Store, 'deputies'>,
  deputyId: string,
  c: Pick<CaseRecord, 'deputyId' | 'stationId'>,
  events: readonly CaseEvent[],
  subject?: string,
): Promise<string> {
  const to = handedOnByHim(events, deputyId, c.deputyId)
  const name = to ? ((await store.deputies.get(to))?.name ?? null) : null
  return notHisNowText(c, subject, name)
}
