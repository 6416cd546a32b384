import type { Logger } from '../logger.js'
import type { LivelihoodProgress } from '../services/livelihood/progress.js'
import type { JobDefinition } from './job.js'

export const LIVELIHOOD_PROGRESS_JOB = 'livelihood-progress-reminders'

/** Reminds a responsible unit of a quarter's progress left unreported past its end plus the grace days (once per quarter). */
export async function runLivelihoodProgressJob(deps: { progress: Pick<LivelihoodProgress, 'remindOverdue'>; logger: Logger }) {
  const reminded = await deps.progress.remindOverdue()
  if (reminded) deps.logger.info({ reminded }, 'livelihood progress reminders written')
  return { reminded }
}

export const livelihoodProgressJob: JobDefinition = {
  name: LIVELIHOOD_PROGRESS_JOB,
  schedule: (config) => config.livelihood.reminderSchedule,
  leaseMs: 4 * 60_000,
  run: ({ services, logger }) => runLivelihoodProgressJob({ progress: services.livelihoodProgress, logger }),
}
