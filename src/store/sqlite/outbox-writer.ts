import type { OutboxMessage } from '../ports.js'
import type { Db } from './open.js'

/**
 * The one outbox INSERT of this adapter, for every repository that writes messages with
 * its change (called inside that change's transaction). A message whose dedupe key is
 * already there is skipped: the same event never makes two. Returns how many were new.
 */
export function outboxWriter(db: Db) {
  const insert = db.prepare(`INSERT INTO outbox (id, channel, recipient_kind, recipient_id, kind, payload, dedupe_key, status,
    attempts, next_attempt_at, last_error, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(dedupe_key) DO NOTHING`)
  return (messages: readonly OutboxMessage[]) => {
    let added = 0
    for (const m of messages) {
      added += insert.run(
        m.id,
        m.channel,
        m.recipientKind,
        m.recipientId,
        m.kind,
        JSON.stringify(m.payload),
        m.dedupeKey,
        m.status,
        m.attempts,
        m.nextAttemptAt.toISOString(),
        m.lastError,
        m.createdAt.toISOString(),
      ).changes
    }
    return added
  }
}
