import type { Clock } from '../clock.js'
import type { Config } from '../config.js'
import type { Logger } from '../logger.js'
import type { Services } from '../services/index.js'
import type { Store } from '../store/ports.js'

/** A job ready to schedule: what the registrar and the lease need. */
export interface Job {
  name: string
  /** Cron expression in the business time zone. */
  schedule: string
  /** Longest a run may take; the lease lasts this long. */
  leaseMs: number
  run(): Promise<unknown>
}

/** What a job's run may use: the services (the work), and the store only for housekeeping. */
export interface JobContext {
  config: Config
  services: Services
  store: Store
  clock: Clock
  logger: Logger
}

/**
 * One job, declared whole in its own file: its name (the lease's name), its schedule (a
 * cron expression, or the config setting that holds it), its lease and its run.
 */
export interface JobDefinition {
  name: string
  schedule: string | ((config: Config) => string)
  leaseMs: number
  run(context: JobContext): Promise<unknown>
}
