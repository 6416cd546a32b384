import type { JobDefinition } from './job.js'

/** Each morning: units reminded 15 and 3 days before a suggestion's deadline, the office told once it has passed. */
export const suggestionDeadlineJob: JobDefinition = {
  name: 'suggestion-deadlines',
  schedule: '10 8 * * *',
  leaseMs: 4 * 60_000,
  async run({ services, logger }) {
    const done = await services.suggestionDeadlines.runDue()
    if (done.reminded + done.overdue) logger.info(done, 'suggestion deadline job')
    return done
  },
}
