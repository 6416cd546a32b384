import type { Clock } from '../clock.js'
import type { Store } from '../store/ports.js'

/** Idempotency keys are kept 48 h (the promise is 24 h), expired sessions go. */
export async function runMaintenanceJob({ store, clock }: { store: Store; clock: Clock }) {
  const now = clock.now()
  const keys = await store.idempotency.purgeBefore(new Date(now.getTime() - 48 * 3_600_000))
  const sessions = await store.sessions.deleteExpired(now)
  return { keys, sessions }
}
