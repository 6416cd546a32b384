import type { JobDefinition } from './job.js'

/**
 * Each morning: units reminded 15 and 3 days before a suggestion's deadline, the office told once it has passed; and a
 * promise of 正在解决或列入计划 whose day has passed without the unit's report told once to the office and the unit.
 */
export const suggestionDeadlineJob: JobDefinition = {
  name: 'suggestion-deadlines',
  schedule: '10 8 * * *',
  leaseMs: 4 * 60_000,
  async run({ services, logger }) {
    const done = { ...(await services.suggestionDeadlines.runDue()), ...(await services.suggestionPromises.runDue()) }
    if (done.reminded + done.overdue + done.promisesLate) logger.info(done, 'suggestion deadline job')
    return done
  },
}
