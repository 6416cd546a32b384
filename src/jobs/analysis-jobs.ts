import type { Logger } from '../logger.js'
import type { HotIssueService } from '../services/analysis/hot-issues.js'
import type { WeeklyReports } from '../services/analysis/weekly-reports.js'

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
