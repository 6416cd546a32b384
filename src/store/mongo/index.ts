import mongoose from 'mongoose'
import type { Store } from '../ports.js'
import { defineModels } from './models.js'
import { createIndexes, syncIndexes } from './indexes.js'
import { PING_TIMEOUT_MS, checkStoreUrl, connectionOptions, hostsOf, transactionProblem } from './connection.js'
import { ServerClock } from './server-clock.js'
import { StoreStartupError } from '../startup-error.js'
import { regionRepo, stationRepo } from './directory-repos.js'
import { deputyRepo } from './deputy-repo.js'
import { staffRepo } from './staff-repo.js'
import { unitRepo } from './unit-repo.js'
import { directoryRepo } from './directory-upsert.js'
import { auditRepo, lockRepo, sessionRepo } from './auth-repos.js'
import { caseRepo } from './case-repos.js'
import { campaignRepo } from './campaign-repo.js'
import { idempotencyRepo, mpUserRepo } from './people-repos.js'
import { outboxRepo } from './outbox-repo.js'
import { bindingCodeRepo, subscriptionRepo } from './delivery-repos.js'
import { chatJoinRepo } from './chat-join.js'
import { botRepo } from './bot-repo.js'
import { meetingRepo } from './meeting-repo.js'
import { quizRepo } from './quiz-repo.js'
import { surveyRepo } from './survey-repo.js'
import { digestRepo } from './digest-repo.js'
import { calendarRepo } from './calendar-repo.js'
import { privacyRepo } from './privacy-repo.js'
import { analysisRepos } from './analysis-repo.js'
import { recordRepos } from './record-repos.js'
import { topicCorrectionRepo } from './topic-correction-repo.js'
import { livelihoodRepo } from './livelihood-repo.js'
import { suggestionRepo } from './suggestion-repo.js'
import { markerRepo } from './marker-repo.js'
import { carryOutcomeMarkers } from './outcome-markers-carried.js'
import { fillSuggestionsDueBy } from './suggestions-due-filled.js'
import { loginFailureRepo } from './login-failure-repo.js'
import { uploadRepo } from './upload-repo.js'

export interface MongoStoreOptions {
  /** Drop the whole database on close: for tests that each get a fresh database. */
  dropOnClose?: boolean
  /** Also drop indexes no schema declares (`npm run db:indexes -- --sync`); reported through onIndexesDropped. */
  syncIndexes?: boolean
  onIndexesDropped?: (dropped: Record<string, string[]>) => void
}

/**
 * The replicated store: MongoDB through mongoose. Directory imports and every case write
 * run as multi-document transactions, so the server must be a replica set (or mongos).
 */
export async function createMongoStore(url: string, options: MongoStoreOptions = {}): Promise<Store> {
  checkStoreUrl(url)
  // A dedicated connection, never the global one, so several stores (tests, tools) can
  // coexist in one process and closing one leaves the others alone.
  const conn = mongoose.createConnection(url, connectionOptions(url))
  const clock = new ServerClock()
  /** The server's `hello`, measuring the clock offset on the way. */
  const hello = async () => {
    if (!conn.db) throw new Error('mongo store is not connected')
    const sentAt = Date.now()
    const answer = await conn.db.admin().command({ hello: 1 })
    clock.measured(sentAt, Date.now(), answer.localTime)
    return answer
  }
  try {
    await conn.asPromise().catch((err: Error) => {
      // Unreachable, or no primary of the named replica set: one line, not a driver stack.
      if (err.name !== 'MongooseServerSelectionError') throw err
      throw new StoreStartupError(`MongoDB at ${hostsOf(url)}: no primary could be reached (${err.message})`)
    })
    const problem = transactionProblem(await hello())
    if (problem) throw new StoreStartupError(`MongoDB at ${hostsOf(url)} ${problem}`)
    const models = defineModels(conn)
    await createIndexes(models)
    let closed = false
    const store: Store = {
      kind: 'mongo',
      regions: regionRepo(models),
      stations: stationRepo(models),
      deputies: deputyRepo(models, conn),
      staff: staffRepo(models, conn),
      units: unitRepo(models),
      sessions: sessionRepo(models),
      audit: auditRepo(models),
      locks: lockRepo(models, clock),
      directory: directoryRepo(conn, models),
      mpUsers: await mpUserRepo(conn, models),
      cases: caseRepo(conn, models),
      outbox: outboxRepo(models, clock),
      idempotency: idempotencyRepo(models),
      subscriptions: subscriptionRepo(models),
      bindingCodes: bindingCodeRepo(models),
      chatJoins: await chatJoinRepo(conn, models),
      bot: botRepo(conn, models),
      campaigns: await campaignRepo(conn, models),
      meetings: meetingRepo(conn, models),
      quizzes: await quizRepo(conn, models),
      surveys: await surveyRepo(conn, models),
      digests: digestRepo(conn, models),
      calendar: await calendarRepo(conn),
      privacy: privacyRepo(conn, models),
      ...(await analysisRepos(conn, models)),
      topicCorrections: await topicCorrectionRepo(conn),
      ...(await recordRepos(conn, models)),
      livelihood: await livelihoodRepo(conn, models),
      suggestions: await suggestionRepo(conn, models),
      markers: await markerRepo(conn),
      loginFailures: await loginFailureRepo(conn, clock),
      uploads: await uploadRepo(conn),
      async ping() {
        // hello rather than ping: it also keeps the clock offset fresh. Bounded here, as the
        // driver's own limits (server selection, no socket timeout) would keep /readyz
        // waiting on a node that has stopped answering.
        let timer: NodeJS.Timeout | undefined
        const late = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`MongoDB did not answer within ${PING_TIMEOUT_MS} ms`)), PING_TIMEOUT_MS)
        })
        try {
          await Promise.race([hello(), late])
        } finally {
          clearTimeout(timer)
        }
      },
      async close() {
        if (closed) return
        closed = true
        try {
          if (options.dropOnClose) await conn.dropDatabase()
        } finally {
          // destroy() rather than close(): it also drops the connection from mongoose's
          // process-wide list, which would otherwise grow by one per store opened.
          await conn.destroy()
        }
      },
    }
    await carryOutcomeMarkers(conn, store.markers, new Date())
    await fillSuggestionsDueBy(conn, store.markers, new Date())
    // Only now are all models (some are defined by their repos) known to the connection.
    if (options.syncIndexes) options.onIndexesDropped?.(await syncIndexes(conn))
    return store
  } catch (err) {
    // Do not leave a half-open connection (and its timers) behind a failed open.
    await conn.destroy().catch(() => {})
    throw err
  }
}
