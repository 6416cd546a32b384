import type { Server } from 'node:http'
import { systemClock, type Clock } from './clock.js'
import type { Config } from './config.js'
import { createHttpApp } from './http/app.js'
import { createLogger, type Logger } from './logger.js'
import { resolveSecretKey } from './secret-key.js'
import { createServices, type Services } from './services/index.js'
import { openStore } from './store/open-store.js'
import type { Store } from './store/ports.js'
import { jobsFor, startJobs, type Job } from './jobs/index.js'
import { widenMeetingAudiences } from './services/meetings/meeting-audiences.js'
import { dateWaitingActivations } from './services/accounts/activation-dates.js'
import { bareBallotVotes, sealNamedBallots } from './services/surveys/sealed-ballots.js'
import { WeChatClient } from './wechat/client.js'
import { residentContentCheck } from './wechat/content-check.js'
import { WeComRobot } from './wechat/wecom-robot.js'

export interface BuildOptions {
  clock?: Clock
  logger?: Logger
  /** An already open store (tests that reopen one file); otherwise config.store.url is opened. */
  store?: Store
  /** The seed of each new quiz paper's draw (tests); otherwise a random one. */
  quizDrawSeed?: () => number
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
  const store =
    options.store ??
    (await openStore(config.store.url, {
      onWritesStopped: (err) => logger.error({ err }, 'the store stopped taking writes (a failed flush to disk): /readyz now fails; restart the service'),
      onCheckpointerFailed: (err) => logger.warn({ err }, 'the WAL is no longer copied into the database file off the event loop: the store does it itself'),
    }))
  const wechat = config.wechat.enabled
    ? new WeChatClient({
        appId: config.wechat.appId,
        secret: config.wechat.secret!,
        apiBase: config.wechat.apiBase,
        timeoutMs: config.wechat.timeoutMs,
        miniprogramState: config.wechat.miniprogramState,
        logger,
        clock,
      })
    : null
  const adapters = {
    wechat,
    robots: new WeComRobot({ apiBase: config.wecom.apiBase, timeoutMs: config.wecom.timeoutMs, logger, clock }),
    contentCheck: wechat && config.wechat.contentCheck ? residentContentCheck(wechat, async (id) => (await store.mpUsers.get(id))?.openid, logger) : null,
    quizDrawSeed: options.quizDrawSeed,
  }
  const services = createServices({ ...config, security: { ...config.security, secretKey: key } }, store, clock, logger, adapters)
  // Seeds the calendar on a new store and says at once when the coming weeks are not covered.
  const coverage = await services.calendar.open()
  if (coverage.warning) logger.warn({ calendar: coverage.uncovered }, coverage.warning)
  // Meetings published before their audience held streets: their street organizers follow them from now on (once per store).
  const widened = await widenMeetingAudiences(store, clock.now())
  if (widened) logger.info({ meetings: widened }, 'meeting audiences now name their streets')
  // Activation codes waiting since before codes expired (mongo has no migrations): they expire from now on (once per store).
  const dated = await dateWaitingActivations(store, clock.now())
  if (dated) logger.info({ codes: dated }, 'waiting activation codes dated')
  // Ballots an older console made named: made secret, as every ballot is now (once per store).
  const sealed = await sealNamedBallots(store, services.surveyResponses, clock.now())
  if (sealed) logger.info({ votes: sealed }, 'named ballots made secret')
  // And every ballot's votes, named or not, kept with no place, source, time or time-ordered id (once per store).
  const bared = await bareBallotVotes(store, clock.now())
  if (bared) logger.info({ votes: bared }, 'ballot votes kept with no place, time or time-ordered id')
  // Ballots closed by an older version, or whose end passed while no instance ran: counted on the roll as it stands now.
  const counted = await services.ballotCount.fixClosed()
  if (counted) logger.info({ ballots: counted }, 'closed ballots counted on their roll')
  const http = createHttpApp(config, logger, store, services, clock)
  let server: Server | null = null
  const jobs: Job[] = jobsFor({ config, services, store, clock, logger })
  let stopJobs: (() => Promise<unknown>) | null = null

  return {
    config,
    store,
    services,
    logger,
    http,
    jobs,
    startJobs() {
      stopJobs ??= startJobs(jobs, { store, clock, logger, timeZone: config.business.timeZone })
      services.dispatcher.start()
      // A wrong AppSecret or IP whitelist is found now and shown on /readyz, not by the first resident to log in.
      void wechat?.checkSetup()
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
