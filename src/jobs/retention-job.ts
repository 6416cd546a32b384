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
 * statistics stay. At most `retentionBatch` per run; the next run goes on where this one stopped.
 */
export const retentionJob: JobDefinition = {
  name: RETENTION_JOB,
  schedule: (config) => config.privacy.retentionSchedule,
  leaseMs: 30 * 60_000,
  async run({ services, clock, logger, config }) {
    const cutoff = retentionCutoff(clock.now(), config.privacy.retentionYears)
    const done = await services.erasure.anonymiseFinishedBefore(cutoff, config.privacy.retentionBatch)
    if (done.anonymised) logger.info({ anonymised: done.anonymised, cutoff: cutoff.toISOString() }, 'retention: old messages anonymised')
    return done
  },
}
