/**
 * What 分析研判 and 公开选登 keep: hot-issue alerts already sent (so each issue is announced
 * once), the weekly reports as they were made, and the answered cases published to the public.
 * Re-exported by ports.ts beside the others.
 */
import type { OutboxMessage } from './outbox-message.js'
import type { Page, PageQuery } from './page.js'

export interface HotIssueAlertRecord {
  /** The issue's key (its earliest message's case id). */
  key: string
  caseIds: string[]
  districtId: string | null
  stationId: string | null
  at: Date
}

export interface WeeklyReportRecord {
  /** A district's id, or "city". */
  scope: string
  /** The Monday of the week, YYYY-MM-DD (local date). */
  week: string
  generatedAt: Date
  body: unknown
}

export interface PublicationRecord {
  caseId: string
  residentId: string
  ticket: string
  topic: string
  districtId: string | null
  stationId: string | null
  /** The masked texts staff checked (and maybe edited) before publishing. */
  question: string
  answer: string
  askedAt: Date
  answeredAt: Date
  publishedBy: string
  publishedAt: Date
}

export interface PublicationQuery extends PageQuery {
  topic?: string
  districtId?: string
  stationId?: string
}

export interface AnalysisRepo {
  /** Case ids of issues alerted at or after `since`. */
  alertedCaseIds(since: Date): Promise<Set<string>>
  /**
   * Records an alert and its messages in one transaction; false, writing nothing, when an
   * alert with this key exists (another instance, a re-run).
   */
  recordAlert(alert: HotIssueAlertRecord, outbox: OutboxMessage[]): Promise<boolean>
  /** Saves a week's report for a scope, replacing an earlier one of the same week. */
  saveWeeklyReport(report: WeeklyReportRecord): Promise<void>
  weeklyReport(scope: string, week: string): Promise<WeeklyReportRecord | null>
  /** The weeks on record for a scope, newest first. */
  reportWeeks(scope: string, limit: number): Promise<string[]>
}

export interface PublicationRepo {
  /** Publishes or republishes (with new texts) an answered case. */
  publish(record: PublicationRecord): Promise<void>
  /** Takes a case off the public list; false when it was not on it. */
  unpublish(caseId: string): Promise<boolean>
  /** Takes every case of a resident off the public list (consent withdrawn, data erased); how many. */
  unpublishResident(residentId: string): Promise<number>
  get(caseId: string): Promise<PublicationRecord | null>
  /** Newest first; the cursor is the last row's "publishedAt|caseId". */
  list(query: PublicationQuery): Promise<Page<PublicationRecord>>
  /** Which of these cases are published. */
  publishedAmong(caseIds: string[]): Promise<Set<string>>
}
