import type { JobDefinition } from './job.js'

export const CAMPAIGN_PERIOD_JOB = 'campaign-periods'
/**
 * Daily at 00:05 in the business time zone: the first run of a month opens its issues; a
 * day the job could not run (a restart at midnight on the 1st) is made up by the next.
 */
export const CAMPAIGN_PERIOD_SCHEDULE = '5 0 * * *'

/**
 * 每月一次: opens this month's issue of every monthly campaign, city series first so that
 * districts' and streets' issues link to the city's. Safe to run again and on several
 * instances: an issue's id is its series and month, and the store opens it once.
 */
export const campaignPeriodJob: JobDefinition = {
  name: CAMPAIGN_PERIOD_JOB,
  schedule: CAMPAIGN_PERIOD_SCHEDULE,
  leaseMs: 5 * 60_000,
  async run({ services, logger }) {
    const opened = await services.campaignSeries.openDue()
    if (opened) logger.info({ opened }, 'campaign periods opened')
    return { opened }
  },
}
