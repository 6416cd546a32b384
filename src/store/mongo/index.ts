import mongoose from 'mongoose'
import type { Store } from '../ports.js'
import { defineModels, syncAllIndexes } from './models.js'
import { deputyRepo, regionRepo, staffRepo, stationRepo } from './directory-repos.js'
import { directoryRepo } from './directory-upsert.js'
import { auditRepo, lockRepo, sessionRepo } from './auth-repos.js'
import { caseRepo } from './case-repos.js'
import { campaignRepo } from './campaign-repo.js'
import { idempotencyRepo, mpUserRepo } from './people-repos.js'
import { outboxRepo } from './outbox-repo.js'
import { bindingCodeRepo, subscriptionRepo } from './delivery-repos.js'
import { botRepo } from './bot-repo.js'
import { meetingRepo } from './meeting-repo.js'
import { quizRepo } from './quiz-repo.js'
import { surveyRepo } from './survey-repo.js'
import { digestRepo } from './digest-repo.js'
import { calendarRepo } from './calendar-repo.js'
import { privacyRepo } from './privacy-repo.js'

export interface MongoStoreOptions {
  /** Drop the whole database on close: for tests that each get a fresh database. */
  dropOnClose?: boolean
}

/**
 * The replicated store: MongoDB through mongoose. Directory imports and every case write
 * run as multi-document transactions, so the server must be a replica set (or mongos).
 */
export async function createMongoStore(url: string, options: MongoStoreOptions = {}): Promise<Store> {
  // A dedicated connection, never the global one, so several stores (tests, tools) can
  // coexist in one process and closing one leaves the others alone.
  const conn = mongoose.createConnection(url, {
    // Fail fast at startup and in /readyz instead of the driver's 30 s default.
    serverSelectionTimeoutMS: 5_000,
    connectTimeoutMS: 10_000,
    // Indexes are built once below, awaited, rather than in the background on first use.
    autoIndex: false,
  })
  try {
    await conn.asPromise()
    const models = defineModels(conn)
    await syncAllIndexes(models)
    let closed = false
    return {
      kind: 'mongo',
      regions: regionRepo(models),
      stations: stationRepo(models),
      deputies: deputyRepo(models),
      staff: staffRepo(models),
      sessions: sessionRepo(models),
      audit: auditRepo(models),
      locks: lockRepo(models),
      directory: directoryRepo(conn, models),
      mpUsers: mpUserRepo(models),
      cases: caseRepo(conn, models),
      outbox: outboxRepo(models),
      idempotency: idempotencyRepo(models),
      subscriptions: subscriptionRepo(models),
      bindingCodes: bindingCodeRepo(models),
      bot: botRepo(conn, models),
      campaigns: await campaignRepo(conn, models),
      meetings: meetingRepo(conn, models),
      quizzes: await quizRepo(conn, models),
      surveys: await surveyRepo(conn, models),
      digests: digestRepo(conn, models),
      calendar: await calendarRepo(conn),
      privacy: privacyRepo(conn, models),
      async ping() {
        if (!conn.db) throw new Error('mongo store is not connected')
        await conn.db.admin().ping()
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
  } catch (err) {
    // Do not leave a half-open connection (and its timers) behind a failed open.
    await conn.destroy().catch(() => {})
    throw err
  }
}
