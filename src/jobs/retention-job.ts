import type { Clock } from '../clock.js'
import type { Logger } from '../logger.js'
import type { Store } from '../store/ports.js'
import type { PersonalDataErasure } from '../services/privacy/personal-data-erasure.js'
import type { JobDefinition } from './job.js'

export const RETENTION_JOB = 'retention'

/** The instant `years` calendar years before `now` (29 February falls back to 28). */
export function retentionCutoff(now: Date, years: number): Date {
  const cutoff = new Date(now)
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - years)
  if (cutoff.getUTCMonth() !== now.getUTCMonth()) cutoff.setUTCDate(0)
  return cutoff
}

/**
 * What the privacy notice promises (PIPL art. 47): a message closed, withdrawn or rejected
 * longer than the retention period ago is anonymised and its images deleted. Counts and
 * statistics stay. At most `batch` per run; the next run goes on where this one stopped.
 */
export async function runRetentionJob(deps: {
  store: Store
  erasure: PersonalDataErasure
  clock: Clock
  logger: Logger
  policy: { retentionYears: number; retentionBatch: number }
}) {
  const cutoff = retentionCutoff(deps.clock.now(), deps.policy.retentionYears)
  const due = await deps.store.privacy.casesToAnonymise(cutoff, deps.policy.retentionBatch)
  let anonymised = 0
  for (const c of due) if (await deps.erasure.anonymiseCase(c)) anonymised++
  if (anonymised) deps.logger.info({ anonymised, cutoff: cutoff.toISOString() }, 'retention: old messages anonymised')
  return { anonymised, more: due.length === deps.policy.retentionBatch }
}

export const retentionJob: JobDefinition = {
  name: RETENTION_JOB,
  schedule: (config) => config.privacy.retentionSchedule,
  leaseMs: 30 * 60_000,
  run: ({ store, services, clock, logger, config }) => runRetentionJob({ store, erasure: services.erasure, clock, logger, policy: config.privacy }),
}
