import type { Store } from '../ports.js'
import { openDatabase, type Db } from './open.js'
import { GroupCommit, type GroupCommitOptions } from './group-commit.js'
import { WalCheckpointer, type WalCheckpointerOptions } from './wal-checkpointer.js'
import { botRepo } from './bot-repo.js'
import { digestRepo } from './digest-repo.js'
import { directoryRepo, regionRepo, stationRepo } from './directory-repos.js'
import { deputyRepo } from './deputy-repo.js'
import { staffRepo } from './staff-repo.js'
import { unitRepo } from './unit-repo.js'
import { auditRepo, lockRepo, sessionRepo } from './auth-repos.js'
import { caseRepo } from './case-repos.js'
import { campaignRepo } from './campaign-repos.js'
import { meetingRepo } from './meeting-repo.js'
import { quizRepo } from './quiz-repo.js'
import { surveyRepo } from './survey-repo.js'
import { calendarRepo } from './calendar-repo.js'
import { privacyRepo } from './privacy-repo.js'
import { analysisRepo, publicationRepo } from './analysis-repo.js'
import { topicCorrectionRepo } from './topic-correction-repo.js'
import { appraisalRepo, pointRuleRepo, recordActivityRepo } from './record-repos.js'
import { livelihoodRepo } from './livelihood-repo.js'
import { suggestionRepo } from './suggestion-repo.js'
import { markerRepo } from './marker-repo.js'
import { loginFailureRepo } from './login-failure-repo.js'
import { uploadRepo } from './upload-repo.js'
import { bindingCodeRepo, idempotencyRepo, mpUserRepo, outboxRepo, subscriptionRepo } from './people-repos.js'
import { chatJoinRepo } from './chat-join.js'

export interface SqliteStoreOptions {
  /** Where a stop of the grouped writes is reported, once (the app logs it); tests also pass `sync`. */
  groupCommit?: GroupCommitOptions
  /** Where it is reported that the WAL can no longer be copied off the event loop (the app's connection then does it). */
  onCheckpointerFailed?: (error: Error) => void
}

/** The embedded store: one SQLite file in WAL mode (or ":memory:"). */
export function createSqliteStore(path: string, options: SqliteStoreOptions = {}): Store {
  const db = openDatabase(path)
  const checkpointer = walCheckpointer(db, {
    onError: options.onCheckpointerFailed,
    // Called only after a group committed, so `group` is there by then.
    holdWrites: (task) => group.holdWhile(task),
  })
  const group = new GroupCommit(db, { ...options.groupCommit, onCommitted: checkpointer ? () => checkpointer.nudge() : undefined })
  return {
    kind: 'sqlite',
    regions: regionRepo(db),
    stations: stationRepo(db),
    deputies: deputyRepo(db, group),
    staff: staffRepo(db),
    units: unitRepo(db),
    sessions: sessionRepo(db, group),
    audit: auditRepo(db),
    locks: lockRepo(db),
    directory: directoryRepo(db),
    mpUsers: mpUserRepo(db, group),
    cases: caseRepo(db, group),
    outbox: outboxRepo(db, group),
    idempotency: idempotencyRepo(db, group),
    subscriptions: subscriptionRepo(db, group),
    bindingCodes: bindingCodeRepo(db),
    chatJoins: chatJoinRepo(db, group),
    bot: botRepo(db),
    digests: digestRepo(db, group),
    campaigns: campaignRepo(db, group),
    meetings: meetingRepo(db, group),
    quizzes: quizRepo(db, group),
    surveys: surveyRepo(db, group),
    calendar: calendarRepo(db),
    privacy: privacyRepo(db, group),
    analysis: analysisRepo(db, group),
    publications: publicationRepo(db),
    topicCorrections: topicCorrectionRepo(db),
    recordActivities: recordActivityRepo(db, group),
    pointRules: pointRuleRepo(db),
    appraisals: appraisalRepo(db),
    livelihood: livelihoodRepo(db, group),
    suggestions: suggestionRepo(db, group),
    markers: markerRepo(db),
    loginFailures: loginFailureRepo(db, group),
    uploads: uploadRepo(db, group),
    async ping() {
      // Taken out of service while grouped writes are refused (the cause was logged when it happened).
      if (group.stopped) throw new Error('grouped writes stopped after a failed flush to disk: restart the service')
      db.prepare('SELECT 1').get()
    },
    async close() {
      group.close()
      // Before the app's connection: the last one to close copies the WAL into the file and removes it.
      await checkpointer?.close()
      if (db.open) db.close()
    },
  }
}

/** A file in WAL mode gets its WAL copied into it off the event loop; ":memory:" has no WAL. */
function walCheckpointer(db: Db, options: WalCheckpointerOptions): WalCheckpointer | null {
  if (db.memory || String(db.pragma('journal_mode', { simple: true })).toLowerCase() !== 'wal') return null
  return new WalCheckpointer(db.name, options)
}
