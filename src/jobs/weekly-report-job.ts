import type { Logger } from '../logger.js'
import type { WeeklyReports } from '../services/analysis/weekly-reports.js'
import type { JobDefinition } from './job.js'

export const WEEKLY_REPORT_JOB = 'weekly-reports'

/** Every Monday: last week's report for the city and each district, kept for the console. */
export async function runWeeklyReportJob(deps: { weeklyReports: Pick<WeeklyReports, 'makeLastWeek'>; logger: Logger }) {
  const made = await deps.weeklyReports.makeLastWeek()
  deps.logger.info({ made }, 'weekly reports made')
  return { made }
}

export const weeklyReportJob: JobDefinition = {
  name: WEEKLY_REPORT_JOB,
  schedule: (config) => config.analysis.weeklySchedule,
  leaseMs: 10 * 60_000,
  run: ({ services, logger }) => runWeeklyReportJob({ weeklyReports: services.weeklyReports, logger }),
}
