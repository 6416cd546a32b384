import type { JobDefinition } from './job.js'

export const DIGEST_JOB = 'digest'

/** One pass: digests for every deputy whose time has come today and who has none yet. */
export const digestJob: JobDefinition = {
  name: DIGEST_JOB,
  schedule: (config) => config.digest.schedule,
  leaseMs: 10 * 60_000,
  run: ({ services }) => services.digests.buildDue(),
}
