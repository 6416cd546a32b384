import type { JobDefinition } from './job.js'
import type { Logger } from '../logger.js'
import type { TopicModels } from '../services/topics/topic-models.js'

export const TOPIC_RETRAIN_JOB = 'topic-retrain'
/** Every night at 02:40 business time, after the day's corrections and before the morning's messages. */
export const TOPIC_RETRAIN_SCHEDULE = '40 2 * * *'

/**
 * Retrains every office's topic model that has staff corrections, from the corpus and all
 * its corrections so far. Safe to run again: each run records a training, and every
 * instance picks the latest up within minutes.
 */
export async function runTopicRetrainJob({ models, logger }: { models: TopicModels; logger: Logger }) {
  const trainings = await models.retrainAll(null)
  if (trainings.length) logger.info({ offices: trainings.map((t) => `${t.office}:${t.corrections}`) }, 'topic retrain job')
  return { offices: trainings.length }
}

export const topicRetrainJob: JobDefinition = {
  name: TOPIC_RETRAIN_JOB,
  schedule: TOPIC_RETRAIN_SCHEDULE,
  leaseMs: 10 * 60_000,
  run: ({ services, logger }) => runTopicRetrainJob({ models: services.topicModels, logger }),
}
