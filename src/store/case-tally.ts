import { OPEN_STATUSES, type CaseStatus } from '../domain/case.js'
import { replyInTime, waitingLate, type CaseCounts, type MiddleValues } from '../domain/case-stats.js'
import type { HotIssueCase } from '../domain/hot-issues.js'
import type { RoundsSentBack } from '../domain/rounds-sent-back.js'
import type { BarCounts } from '../domain/case-dashboard.js'

export type { HotIssueCase, BarCounts }

/** The fields of a case that hot issues are made of: the message, and what tells whether it is overdue now. */
export const HOT_ISSUE_FIELDS = [
  'id',
  'text',
  'residentId',
  'communityId',
  'districtId',
  'stationId',
  'topic',
  'createdAt',
  'reopenCount',
  'status',
  'acknowledgedAt',
  'repliedAt',
  'ackDueAt',
  'replyDueAt',
] as const

/** What a tally of cases is grouped by: the statistics' groupings and the dashboard's district (handling, else the place's). */
export type CaseTallyKey = 'station' | 'district' | 'handlingDistrict' | 'topic' | 'deputy' | 'department'

/**
 * The counts behind the case statistics and the dashboard, for one group of cases (or all of
 * them, key null), as the store counts them without reading the cases out. The definitions are
 * those of `caseStats` (domain/case-stats.ts): "live" cases are neither withdrawn, rejected nor merged.
 */
export interface CaseTally extends CaseCounts {
  key: string | null
  /** By the latest rating as stored (`rating`), every case. */
  byRating: Record<number, number>
  /**
   * 未按时受理: waiting, its acknowledgement deadline passed without one, its reply deadline not yet (case-stats.ts
   * ackLate): 工作概览's figure of its own and the inbox's 只看未按时受理. Never in overdueOpen (超期: the reply's deadline).
   */
  ackLate: number
}

/** The two middle values (ms) of a group's times to acknowledge and to reply, or null when there are none. */
export interface CaseMiddleTimes {
  key: string | null
  ack: MiddleValues | null
  reply: MiddleValues | null
}

export interface CaseTallyOptions {
  now: Date
  groupBy?: CaseTallyKey
  /** Count by topic too (one more pass). */
  topics?: boolean
  /**
   * With groupBy: the overall tally too, first (key null), so a report of both is one call; the
   * store counts it in the same pass where it can (every case of the scope, those of no group included).
   */
  overall?: boolean
}

export function emptyTally(key: string | null): CaseTally {
  return {
    key,
    total: 0,
    byStatus: {},
    byTopic: {},
    byRating: {},
    forwarded: 0,
    ackDue: 0,
    ackOk: 0,
    replyDue: 0,
    replyOk: 0,
    rated: 0,
    firstRatingSum: 0,
    lastRatingSum: 0,
    reopened: 0,
    overdueOpen: 0,
    ackLate: 0,
  }
}

/** The few fields of one case a tally reads (what the Mongo adapter projects). */
export interface CaseFact {
  key: string | null
  status: CaseStatus
  topic: string
  forwarded: boolean
  merged: boolean
  createdAt: Date
  ackDueAt: Date
  replyDueAt: Date
  acknowledgedAt: Date | null
  repliedAt: Date | null
  nextDueAt: Date | null
  rating: number | null
  /** Every rating given, oldest first. */
  ratings: number[]
  reopenCount: number
  /** The rounds sent back for 重新办理, each judged by its own deadlines (domain/rounds-sent-back.ts). */
  sentBack?: RoundsSentBack | null
}

/** Adds one case to its tally, as the SQL of the sqlite adapter counts it. */
export function addToTally(t: CaseTally, f: CaseFact, now: Date, topics: boolean) {
  t.total++
  t.byStatus[f.status] = (t.byStatus[f.status] ?? 0) + 1
  if (topics) t.byTopic[f.topic] = (t.byTopic[f.topic] ?? 0) + 1
  if (f.rating !== null) t.byRating[f.rating] = (t.byRating[f.rating] ?? 0) + 1
  if (f.forwarded) t.forwarded++
  // From the kept next deadline, as the sqlite adapter counts it (next_due_at): the acknowledgement's until it is given.
  if (OPEN_STATUSES.includes(f.status) && f.nextDueAt && f.nextDueAt < now && f.replyDueAt >= now) t.ackLate++
  if (f.status === 'withdrawn' || f.status === 'rejected' || f.merged) return
  const acked = f.acknowledgedAt ?? f.repliedAt
  if (acked || f.ackDueAt <= now) t.ackDue++
  if (acked && acked <= f.ackDueAt) t.ackOk++
  // caseStats' rules (domain/case-stats.ts): waiting past the reply deadline is overdue; 按时答复 judges that deadline alone.
  const late = waitingLate(f, now)
  const reply = replyInTime(f, now)
  if (reply.due) t.replyDue++
  if (reply.ok) t.replyOk++
  // The rounds sent back, beside the round in progress (caseStats' rule).
  if (f.sentBack) {
    t.ackDue += f.sentBack.rounds
    t.ackOk += f.sentBack.ackInTime
    t.replyDue += f.sentBack.rounds
    t.replyOk += f.sentBack.replyInTime
  }
  const ratings = f.ratings.length ? f.ratings : f.rating !== null ? [f.rating] : []
  if (ratings.length) {
    t.rated++
    t.firstRatingSum += ratings[0]
    t.lastRatingSum += ratings[ratings.length - 1]
    if (f.reopenCount > 0) t.reopened++
  }
  if (late) t.overdueOpen++
}

/** A span of creation times: from (inclusive) to (exclusive; open-ended when absent). */
export interface CasePeriod {
  from: Date
  to?: Date
}

/** The two middle values of a list of numbers (sorted here), or null when it is empty. */
export function middleOf(values: number[]): MiddleValues | null {
  if (!values.length) return null
  const sorted = [...values].sort((a, b) => a - b)
  return { lower: sorted[Math.floor((sorted.length - 1) / 2)], upper: sorted[Math.floor(sorted.length / 2)] }
}
