import type { Server } from 'node:http'
import { systemClock, type Clock } from './clock.js'
import type { Config } from './config.js'
import { createHttpApp } from './http/app.js'
import { createLogger, type Logger } from './logger.js'
import { resolveSecretKey } from './secret-key.js'
import { createServices, type Services } from './services/index.js'
import { openStore } from './store/open-store.js'
import type { Store } from './store/ports.js'
import { startJobs, type Job } from './jobs/index.js'
import { runMaintenanceJob } from './jobs/maintenance-job.js'
import { runSlaJob, SLA_JOB } from './jobs/sla-job.js'
import { DIGEST_JOB, runDigestJob } from './jobs/digest-job.js'
import { READING_PUBLISH_JOB, READING_PUBLISH_SCHEDULE, runReadingPublishJob } from './jobs/reading-publish-job.js'
import { MEETING_REMINDERS_JOB, MEETING_REMINDERS_SCHEDULE, runMeetingRemindersJob } from './jobs/meeting-reminders-job.js'
import { RETENTION_JOB, runRetentionJob } from './jobs/retention-job.js'
import { runTopicRetrainJob, TOPIC_RETRAIN_JOB, TOPIC_RETRAIN_SCHEDULE } from './jobs/topic-retrain-job.js'

export interface BuildOptions {
  clock?: Clock
  logger?: Logger
  /** An already open store (tests that reopen one file); otherwise config.store.url is opened. */
  store?: Store
}

export interface Liaison {
  config: Config
  store: Store
  services: Services
  logger: Logger
  http: ReturnType<typeof createHttpApp>
  /** The scheduled jobs; tests run them directly with their clock. */
  jobs: Job[]
  /** Schedules the jobs (npm start does; tests do not). */
  startJobs(): void
  /** Starts listening; resolves with the bound port (useful with port 0). */
  listen(port?: number, host?: string): Promise<{ server: Server; port: number }>
  close(): Promise<void>
}

/** The composition root: the one place adapters are chosen and services wired. */
export async function build(config: Config, options: BuildOptions = {}): Promise<Liaison> {
  const logger = options.logger ?? createLogger(config)
  const clock = options.clock ?? systemClock
  const { key, source } = resolveSecretKey(config)
  if (source === 'ephemeral') logger.warn('no LIAISON_SECRET_KEY: personal data in this throw-away store uses a temporary key')
  const store = options.store ?? (await openStore(config.store.url))
  const services = createServices({ ...config, security: { ...config.security, secretKey: key } }, store, clock, logger)
  // Seeds the calendar on a new store and says at once when the coming weeks are not covered.
  const coverage = await services.calendar.open()
  if (coverage.warning) logger.warn({ calendar: coverage.uncovered }, coverage.warning)
  const http = createHttpApp(config, logger, store, services, clock)
  let server: Server | null = null
  const jobs: Job[] = [
    {
      name: SLA_JOB, schedule: config.cases.slaSchedule, leaseMs: 4 * 60_000,
      run: () => runSlaJob({ store, workflow: services.workflow, clock, logger, policy: { ...config.cases, timeZone: config.business.timeZone } }),
    },
    { name: 'maintenance', schedule: '17 * * * *', leaseMs: 10 * 60_000, run: () => runMaintenanceJob({ store, clock }) },
    { name: DIGEST_JOB, schedule: config.digest.schedule, leaseMs: 10 * 60_000, run: () => runDigestJob({ digests: services.digests }) },
    { name: READING_PUBLISH_JOB, schedule: READING_PUBLISH_SCHEDULE, leaseMs: 2 * 60_000, run: () => runReadingPublishJob({ publisher: services.readingPublisher, logger }) },
    {
      name: MEETING_REMINDERS_JOB, schedule: MEETING_REMINDERS_SCHEDULE, leaseMs: 4 * 60_000,
      run: () => runMeetingRemindersJob({ store, clock, logger, policy: { reminderHours: config.meetings.reminderHours, timeZone: config.business.timeZone, quietHours: config.outbox.quietHours } }),
    },
    {
      name: RETENTION_JOB, schedule: config.privacy.retentionSchedule, leaseMs: 30 * 60_000,
      run: () => runRetentionJob({ store, erasure: services.erasure, clock, logger, policy: config.privacy }),
    },
    { name: TOPIC_RETRAIN_JOB, schedule: TOPIC_RETRAIN_SCHEDULE, leaseMs: 10 * 60_000, run: () => runTopicRetrainJob({ models: services.topicModels, logger }) },
  ]
  let stopJobs: (() => Promise<unknown>) | null = null

  return {
    config, store, services, logger, http, jobs,
    startJobs() {
      stopJobs ??= startJobs(jobs, { store, clock, logger, timeZone: config.business.timeZone })
      services.dispatcher.start()
    },
    listen(port = config.http.port, host = config.http.host) {
      return new Promise((resolve, reject) => {
        const s = http.listen(port, host)
        s.once('listening', () => {
          server = s
          const address = s.address()
          resolve({ server: s, port: typeof address === 'object' && address ? address.port : port })
        })
        s.once('error', reject)
      })
    },
    async close() {
      if (stopJobs) await stopJobs()
      await services.dispatcher.stop()
      if (server) {
        const s = server
        server = null
        s.closeAllConnections()
        await new Promise<void>((resolve) => s.close(() => resolve()))
      }
      await store.close()
    },
  }
}
