import type { JobDefinition } from './job.js'

export const READING_PUBLISH_JOB = 'reading-publish'
/** Every minute: a scheduled item goes out within a minute of its time. */
export const READING_PUBLISH_SCHEDULE = '* * * * *'

/**
 * Publishes the scheduled reading items whose time has come. Safe to run again and on
 * several instances: publishing an item claims it in the store, and its station notices
 * carry dedupe keys.
 */
export const readingPublishJob: JobDefinition = {
  name: READING_PUBLISH_JOB,
  schedule: READING_PUBLISH_SCHEDULE,
  leaseMs: 2 * 60_000,
  async run({ services, logger }) {
    const published = await services.readingPublisher.publishDue()
    if (published) logger.info({ published }, 'reading publish job')
    return { published }
  },
}
