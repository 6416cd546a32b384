import type { Page } from '../../store/page.js'
import type { OutboxMessage, Store } from '../../store/ports.js'
import { noWayWords } from './channels.js'

/**
 * How far back a notice that found no way to its deputy is still sent once he has one is the setting
 * outbox.revivalDays (a week by default, config/default.json), so a deputy who binds at the station's weekly
 * meeting hears of that week's messages, and one who binds after months is not flooded with old news (what
 * is still open he finds in 待办 and the daily digest).
 */
const DAY_MS = 86_400_000
/** Pages of a deputy's dead notices read at most (200 each, oldest first): a deputy unbound for years is not read without end. */
const REVIVAL_PAGES = 50

/** The dispatcher's words for a deputy with no channel at all: only these are revived, never a notice WeChat refused or one dropped as no longer true. */
const NO_WAY_TO_HIM = new Set([noWayWords('deputy', false), noWayWords('deputy', true)])

/** Whether this notice is one that binding may still send (dead only for want of a channel). */
export const awaitsBinding = (m: Pick<OutboxMessage, 'status' | 'lastError'>) => m.status === 'dead' && NO_WAY_TO_HIM.has(m.lastError ?? '')

/**
 * A notice written while a deputy had neither the mini-program nor the bot is marked 未能送达 at once, so the
 * console's list tells staff whom to phone. When he then binds one (his first login, the bot's 绑定), the notices
 * of the last outbox.revivalDays days go out after all: back to pending, where the dispatcher's usual check drops any that are
 * no longer true by then (a message he no longer holds, a meeting cancelled) before it sends the rest.
 * Returns how many were put back.
 */
export async function reviveUnreachable(store: Pick<Store, 'outbox'>, deputyId: string, now: Date, revivalDays: number): Promise<number> {
  // The store lists oldest first: every page is read, so this week's notices are reached behind months of old ones.
  const since = now.getTime() - revivalDays * DAY_MS
  let revived = 0
  let cursor: string | null = null
  for (let page = 0; page < REVIVAL_PAGES; page++) {
    const { items, nextCursor }: Page<OutboxMessage> = await store.outbox.search({ status: 'dead', recipientId: deputyId, limit: 200, cursor })
    for (const m of items) {
      if (m.recipientKind !== 'deputy' || !awaitsBinding(m) || m.createdAt.getTime() < since) continue
      if (await store.outbox.retryDead(m.id, now)) revived++
    }
    if (!nextCursor) break
    cursor = nextCursor
  }
  return revived
}
