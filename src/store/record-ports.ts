/**
 * What 履职档案 keeps beyond what Liaison already knows: the activities deputies report and
 * their review, each office's point rules, and which questionnaire is a deputy's 述职评议.
 * Re-exported by ports.ts beside the others.
 */
import type { ActivityRecord, ActivityStatus } from '../domain/record-activity.js'
import type { PointRule } from '../domain/record-points.js'
import type { OutboxMessage } from './outbox-message.js'
import type { Page, PageQuery } from './page.js'

export interface ActivityQuery extends PageQuery {
  deputyId?: string
  /** Any of these stations (station staff's queue). */
  stationIds?: string[]
  statuses?: ActivityStatus[]
}

export interface RecordActivityRepo {
  /** ConflictError when the id is taken. */
  create(activity: ActivityRecord): Promise<ActivityRecord>
  get(id: string): Promise<ActivityRecord | null>
  /**
   * Writes the review (or the deputy's correction) if the stored status is still `expected`,
   * with its messages, in one transaction; StoreConflict `stale_activity` otherwise (someone
   * reviewed it meanwhile), writing nothing.
   */
  update(activity: ActivityRecord, expected: ActivityStatus, outbox: OutboxMessage[]): Promise<ActivityRecord>
  /** Newest report first; the cursor is the last one's "createdAt|id". */
  search(query: ActivityQuery): Promise<Page<ActivityRecord>>
  /** One deputy's activities dated within [from, to] (local dates, inclusive), earliest first: a year of the record. */
  ofDeputy(deputyId: string, from: string, to: string): Promise<ActivityRecord[]>
}

/** An office's rules: a district's id, or "city". */
export interface PointRuleSet {
  office: string
  rules: PointRule[]
  /** A staff id, or "system" for the defaults seeded. */
  updatedBy: string
  updatedAt: Date
}

export interface PointRuleRepo {
  get(office: string): Promise<PointRuleSet | null>
  /** Replaces the office's rules. */
  save(set: PointRuleSet): Promise<void>
  /** Writes the rules only when the office has none (seeding the defaults); true when it did. */
  seedIfAbsent(set: PointRuleSet): Promise<boolean>
}

/** A 述职评议: the questionnaire residents of a deputy's area answer about the deputy's yearly report. */
export interface AppraisalRecord {
  surveyId: string
  deputyId: string
  year: number
  /** The places whose residents may answer: the regions the deputy's stations cover. */
  regionIds: string[]
  districtId: string | null
  openedBy: string
  openedAt: Date
  /** When the office reopened it, closed with too few raters (once only); null or absent: never. */
  reopenedAt?: Date | null
  reopenedBy?: string | null
}

export interface AppraisalRepo {
  /** StoreConflict `already_appraised` when the deputy already has one for that year; nothing written then. */
  create(appraisal: AppraisalRecord): Promise<AppraisalRecord>
  bySurvey(surveyId: string): Promise<AppraisalRecord | null>
  /** Latest year first. */
  ofDeputy(deputyId: string): Promise<AppraisalRecord[]>
  /**
   * Records that the office reopened it (by `staffId`, `at`), once: true when it had not been reopened; false, nothing
   * written, when it had been (two reopenings at once: one is true) or there is no such appraisal.
   */
  markReopened(surveyId: string, staffId: string, at: Date): Promise<boolean>
}
