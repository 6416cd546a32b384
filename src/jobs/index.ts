import { randomUUID } from 'node:crypto'
import cron from 'node-cron'
import type { Clock } from '../clock.js'
import type { Logger } from '../logger.js'
import type { Store } from '../store/ports.js'
import { StoreOutageLog } from '../services/store-outage.js'
import { digestJob } from './digest-job.js'
import type { Job, JobContext, JobDefinition } from './job.js'
import { maintenanceJob } from './maintenance-job.js'
import { meetingRemindersJob } from './meeting-reminders-job.js'
import { readingPublishJob } from './reading-publish-job.js'
import { retentionJob } from './retention-job.js'
import { slaJob } from './sla-job.js'
import { hotIssueJob } from './hot-issue-job.js'
import { weeklyReportJob } from './weekly-report-job.js'
import { topicRetrainJob } from './topic-retrain-job.js'
import { campaignPeriodJob } from './campaign-period-job.js'
import { livelihoodProgressJob } from './livelihood-progress-job.js'
import { suggestionDeadlineJob } from './suggestion-deadline-job.js'
import { ballotCountJob } from './ballot-count-job.js'
import { unattachedUploadsJob } from './unattached-uploads-job.js'

export type { Job, JobContext, JobDefinition } from './job.js'

/** Every scheduled job; a new job is one file and one line here. */
export const JOBS: readonly JobDefinition[] = [
  slaJob,
  maintenanceJob,
  digestJob,
  readingPublishJob,
  meetingRemindersJob,
  retentionJob,
  hotIssueJob,
  weeklyReportJob,
  topicRetrainJob,
  campaignPeriodJob,
  livelihoodProgressJob,
  suggestionDeadlineJob,
  ballotCountJob,
  unattachedUploadsJob,
]

/** The jobs bound to one running app: schedules read from its config, runs given its services. */
export function jobsFor(context: JobContext, definitions: readonly JobDefinition[] = JOBS): Job[] {
  return definitions.map((d) => ({
    name: d.name,
    schedule: typeof d.schedule === 'string' ? d.schedule : d.schedule(context.config),
    leaseMs: d.leaseMs,
    run: () => d.run(context),
  }))
}

/**
 * Runs `job` only if this instance takes its lease: with several backend instances on one
 * store, one of them does the work each time. With `outage`, a run that fails because the store
 * is down (taking the lease included) is said once per outage, at warn, not as an error each time.
 */
export async function runLeased(
  job: Job,
  store: Store,
  clock: Clock,
  holder: string,
  logger: Logger,
  outage?: StoreOutageLog,
): Promise<{ ran: boolean; result?: unknown; error?: unknown }> {
  const failed = async (err: unknown) => {
    if (!(await outage?.absorbs(err, { job: job.name }))) logger.error({ err, job: job.name }, 'job failed')
  }
  let leased: boolean
  try {
    leased = await store.locks.acquire(job.name, holder, job.leaseMs, clock.now())
  } catch (err) {
    // Taking the lease is a write: while writes are stopped it fails before the job starts.
    await failed(err)
    return { ran: false, error: err }
  }
  if (!leased) return { ran: false }
  // A run that outlasts its lease (a digest day for 9,000 deputies on a slow day) would
  // let another instance start the same job beside it: the lease is renewed every third
  // of its length while the job runs, so it only runs out when this instance is gone.
  const renew = setInterval(
    () => {
      store.locks.renew(job.name, holder, job.leaseMs, clock.now()).then(
        (held) => {
          if (!held) logger.warn({ job: job.name }, 'job lease lost while running')
        },
        (err) => logger.warn({ err, job: job.name }, 'job lease renewal failed'),
      )
    },
    Math.max(1, Math.floor(job.leaseMs / 3)),
  )
  try {
    const result = await job.run()
    await outage?.roundDone()
    return { ran: true, result }
  } catch (err) {
    await failed(err)
    return { ran: true, error: err }
  } finally {
    clearInterval(renew)
    // Not released while the store is down: the lease runs out by itself.
    await store.locks.release(job.name, holder).catch(async (err) => {
      if (!(await outage?.absorbs(err, { job: job.name }))) logger.warn({ err, job: job.name }, 'job lease release failed')
    })
  }
}

/** The one registrar: schedules every job, returns a stop function. */
export function startJobs(jobs: Job[], deps: { store: Store; clock: Clock; logger: Logger; timeZone: string }) {
  const holder = `instance-${randomUUID()}`
  // One for every job: an outage is said once, by the first job it stops.
  const outage = new StoreOutageLog(deps.store, deps.logger, 'scheduled jobs')
  const tasks = jobs.map((job) =>
    cron.schedule(job.schedule, () => void runLeased(job, deps.store, deps.clock, holder, deps.logger, outage), {
      timezone: deps.timeZone,
      name: job.name,
      noOverlap: true,
    }),
  )
  deps.logger.info({ jobs: jobs.map((j) => `${j.name} ${j.schedule}`) }, 'jobs scheduled')
  return () => Promise.all(tasks.map((t) => t.stop()))
}
