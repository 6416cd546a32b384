import type { Logger } from '../logger.js'
import type { ReadingPublisher } from '../services/campaigns/reading-publisher.js'

export const READING_PUBLISH_JOB = 'reading-publish'
/** Every minute: a scheduled item goes out within a minute of its time. */
export const READING_PUBLISH_SCHEDULE = '* * * * *'

export interface ReadingPublishJobDeps {
  publisher: ReadingPublisher
  logger: Logger
}

/**
 * Publishes the scheduled reading items whose time has come. Safe to run again and on
 * several instances: publishing an item claims it in the store, and its station notices
 * carry dedupe keys.
 */
export async function runReadingPublishJob({ publisher, logger }: ReadingPublishJobDeps) {
  const published = await publisher.publishDue()
  if (published) logger.info({ published }, 'reading publish job')
  return { published }
}
