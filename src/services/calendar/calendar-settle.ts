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
    try {
      await store.cases.update({ ...c, ackDueAt: next.ackDueAt, replyDueAt: next.replyDueAt, deadlinesProvisional: next.provisional, updatedAt: now }, [], [])
      settled++
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err
    }
  }
  return settled
}
