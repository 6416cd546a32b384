import type { JobDefinition } from './job.js'

/**
 * Every minute: a ballot whose end time has passed has its count fixed (BallotCount), so the
 * outcome it closed with is the one it keeps, whoever leaves office later. A ballot read
 * before this runs is fixed at that read.
 */
export const ballotCountJob: JobDefinition = {
  name: 'ballot-count',
  schedule: '* * * * *',
  leaseMs: 5 * 60_000,
  run: ({ services }) => services.ballotCount.fixClosed(),
}
