import type { Logger } from '../logger.js'
import type { HotIssueService } from '../services/analysis/hot-issues.js'
import type { WeeklyReports } from '../services/analysis/weekly-reports.js'
import type { JobDefinition } from './job.js'

export const HOT_ISSUE_JOB = 'hot-issue-spikes'
export const WEEKLY_REPORT_JOB = 'weekly-reports'

/** Tells stations and district offices of hot issues that spiked (each issue once). */
export async function runHotIssueJob(deps: { hotIssues: Pick<HotIssueService, 'announceSpikes'>; logger: Logger }) {
  const announced = await deps.hotIssues.announceSpikes()
  if (announced) deps.logger.info({ announced }, 'hot issues announced')
  return { announced }
}

/** Every Monday: last week's report for the city and each district, kept for the console. */
export async function runWeeklyReportJob(deps: { weeklyReports: Pick<WeeklyReports, 'makeLastWeek'>; logger: Logger }) {
  const made = await deps.weeklyReports.makeLastWeek()
  deps.logger.info({ made }, 'weekly reports made')
  return { made }
}

export const hotIssueJob: JobDefinition = {
  name: HOT_ISSUE_JOB,
  schedule: (config) => config.analysis.spikeSchedule,
  leaseMs: 4 * 60_000,
  run: ({ services, logger }) => runHotIssueJob({ hotIssues: services.hotIssues, logger }),
}

export const weeklyReportJob: JobDefinition = {
  name: WEEKLY_REPORT_JOB,
  schedule: (config) => config.analysis.weeklySchedule,
  leaseMs: 10 * 60_000,
  run: ({ services, logger }) => runWeeklyReportJob({ weeklyReports: services.weeklyReports, logger }),
}
