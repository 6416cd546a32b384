import type { Logger } from '../logger.js'
import type { HotIssueService } from '../services/analysis/hot-issues.js'
import type { JobDefinition } from './job.js'

export const HOT_ISSUE_JOB = 'hot-issue-spikes'

/** Tells stations and district offices of hot issues that spiked (each issue once). */
export async function runHotIssueJob(deps: { hotIssues: Pick<HotIssueService, 'announceSpikes'>; logger: Logger }) {
  const announced = await deps.hotIssues.announceSpikes()
  if (announced) deps.logger.info({ announced }, 'hot issues announced')
  return { announced }
}

export const hotIssueJob: JobDefinition = {
  name: HOT_ISSUE_JOB,
  schedule: (config) => config.analysis.spikeSchedule,
  leaseMs: 4 * 60_000,
  run: ({ services, logger }) => runHotIssueJob({ hotIssues: services.hotIssues, logger }),
}
