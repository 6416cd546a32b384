import type { BusinessCalendar } from '../../domain/business-calendar.js'
import { recountedDeadlines, type SlaPolicy } from '../../domain/sla.js'
import { ConflictError } from '../../errors.js'
import type { Store } from '../../store/ports.js'

/**
 * After a year is imported, counts again the deadlines of open cases that were provisional,
 * so that the SLA clocks follow the official schedule from then on. Returns how many
 * cases changed. A case someone changes meanwhile is skipped: its next import settles it.
 */
export async function settleProvisionalDeadlines(store: Pick<Store, 'cases'>, calendar: BusinessCalendar, policy: SlaPolicy, now: Date): Promise<number> {
  let settled = 0
  for (const c of await store.cases.listOpen()) {
    if (!c.deadlinesProvisional) continue
    const next = recountedDeadlines(c, await store.cases.events(c.id), calendar, policy)
    // An earlier reply deadline staff set (要求答复日期) is a date they chose, not a count: it stands, and the rules'
    // kept beside it is the one counted again (never later than it, as when it was set).
    const reply = c.slaReplyDueAt
      ? { slaReplyDueAt: next.replyDueAt, replyDueAt: c.replyDueAt < next.replyDueAt ? c.replyDueAt : next.replyDueAt }
      : { replyDueAt: next.replyDueAt }
    try {
      await store.cases.update({ ...c, ackDueAt: next.ackDueAt, ...reply, deadlinesProvisional: next.provisional, updatedAt: now }, [], [])
      settled++
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err
    }
  }
  return settled
}
