import type { Clock } from '../clock.js'
import type { Store } from '../store/ports.js'
import type { JobDefinition } from './job.js'

export const MAINTENANCE_JOB = 'maintenance'

const HOUR = 3_600_000

/**
 * Idempotency keys are kept 48 h (the promise is 24 h), expired sessions go, and the bot's
 * handled message ids are kept 30 days (puppets replay a few days at most).
 */
export async function runMaintenanceJob({ store, clock }: { store: Store; clock: Clock }) {
  const now = clock.now()
  const keys = await store.idempotency.purgeBefore(new Date(now.getTime() - 48 * HOUR))
  const sessions = await store.sessions.deleteExpired(now)
  const seen = await store.bot.purgeSeenBefore(new Date(now.getTime() - 30 * 24 * HOUR))
  return { keys, sessions, seen }
}

/** Hourly, at a minute no other job uses. */
export const maintenanceJob: JobDefinition = {
  name: MAINTENANCE_JOB,
  schedule: '17 * * * *',
  leaseMs: 10 * 60_000,
  run: ({ store, clock }) => runMaintenanceJob({ store, clock }),
}
