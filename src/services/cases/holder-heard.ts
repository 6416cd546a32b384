import type { CaseRecord } from '../../domain/case.js'
import type { Store } from '../../store/ports.js'

/** Delivered, or in the chat helper's hands as it sends. */
const WENT_OUT: ReadonlySet<string> = new Set(['sent', 'sending'])

/** Whether the deputy has opened the message in the mini-program (its first opening is kept: CaseQueries.forDeputy). */
export async function deputyOpened(store: Pick<Store, 'audit'>, c: Pick<CaseRecord, 'id'>, deputyId: string): Promise<boolean> {
  const opened = await store.audit.list({ action: 'case.opened', targetId: c.id, limit: 100 })
  return opened.items.some((e) => e.details.deputyId === deputyId)
}

/**
 * Whether a deputy has heard of a message: a notice to him about it went out (its 分派 notice, 再次交给您, 重新办理 …),
 * he has opened it (deputyOpened), or he has acted on it himself (受理, 转交 …). Moved or merged before its 分派 notice went out, the message is one he
 * never heard of: that notice is withdrawn, or dropped as untrue when its turn comes (message-truth.ts), and
 * "…您无需再处理" would tell him of a message he does not know. Found by the dedupe keys its steps wrote, as
 * CaseDeputyReach finds his last notice.
 */
export async function deputyHeardOf(store: Pick<Store, 'cases' | 'outbox' | 'audit'>, c: Pick<CaseRecord, 'id'>, deputyId: string): Promise<boolean> {
  const events = await store.cases.events(c.id)
  if (events.some((e) => e.actorRole === 'deputy' && e.actorId === deputyId)) return true
  if (await deputyOpened(store, c, deputyId)) return true
  const to = `:deputy:${deputyId}`
  const keys = [`case:${c.id}:submitted${to}`, ...events.map((e) => `case:${c.id}:${e.id}${to}`)]
  return (await store.outbox.byDedupeKeys(keys)).some((m) => WENT_OUT.has(m.status))
}
