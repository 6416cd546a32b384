import { CASE_STATUSES, nextDeadline, WAITING_STATUSES, type CaseRecord, type CaseStatus } from './case.js'
import { median } from './sla.js'
import { NO_ROUNDS_SENT_BACK } from './rounds-sent-back.js'

/** A group's counts as the store tallies them (store/case-tally.ts has the definitions). */
export interface CaseCounts {
  total: number
  byStatus: Partial<Record<CaseStatus, number>>
  byTopic: Record<string, number>
  forwarded: number
  ackDue: number
  ackOk: number
  replyDue: number
  replyOk: number
  rated: number
  firstRatingSum: number
  lastRatingSum: number
  reopened: number
  overdueOpen: number
}

/** The two middle values (ms) of a list, as the store finds them; their mean is the median. */
export interface MiddleValues {
  lower: number
  upper: number
}

export interface CaseStats {
  total: number
  byStatus: Record<CaseStatus, number>
  byTopic: Record<string, number>
  /** Median hours from message to acknowledgement (a reply counts as one). */
  medianHoursToAcknowledge: number | null
  /** Median days from message to reply. */
  medianDaysToReply: number | null
  /** Of the cases whose acknowledgement was due or done: acknowledged in time. */
  acknowledgedInTimeShare: number | null
  /**
   * Of the cases answered and those whose reply deadline has passed: answered by that deadline. A message past its
   * reply deadline that nobody answered counts as not answered in time; one only late in being acknowledged does not
   * (acknowledgedInTimeShare counts that).
   */
  repliedInTimeShare: number | null
  /** The final satisfaction: each rated case's latest rating, averaged. */
  averageSatisfaction: number | null
  /** The first answer's rating, before any reopening (一次办结满意度). */
  firstRoundSatisfaction: number | null
  /** The same as averageSatisfaction, named for what it is. */
  finalSatisfaction: number | null
  /** Of the rated cases: those the resident reopened at least once. */
  reopenRate: number | null
  reopened: number
  rated: number
  /** Waiting for an answer past the reply deadline (超期在办: waitingLate); one only acknowledged late is not. */
  overdueOpen: number
  /** Total days spent with a government department (交办), shown apart from the deputies' own time. */
  forwarded: number
}

/**
 * What 按时答复 counts, said under a figure or record that shows it without a 按时受理 beside it (a deputy's record):
 * there, "only counted under 按时受理" would point at a row the page does not have.
 */
export const REPLIED_IN_TIME_NOTE_ALONE = '按时答复：已答复的和已过答复期限的留言中，在答复期限内答复的占多少；过了答复期限还没答复的，算作没有按时答复。'
/** The same, said under every table and figure that shows 按时受理 too (console and downloads alike). */
export const REPLIED_IN_TIME_NOTE = `${REPLIED_IN_TIME_NOTE_ALONE}没有按时受理的，只算在“按时受理”里。`

/** What 一般几天答复 (the median days to reply) is, said under each table that shows it (console and download alike). */
export const DAYS_TO_REPLY_NOTE = '一般几天答复：一半的留言在这个天数内答复。'
/** Its figure in words, as the console says it (admin/src/labels.ts): 0 read as "never answered", so 当天; else "3 天". */
export const daysToReplyText = (days: number) => (days === 0 ? '当天' : `${days} 天`)

/** The fields of a case its deadlines are judged on. */
export type DeadlineFacts = Pick<CaseRecord, 'status' | 'acknowledgedAt' | 'repliedAt' | 'ackDueAt' | 'replyDueAt'>

/**
 * 超期 (已超期, 超期在办): still waiting for an answer past its reply deadline (答复期限), the one meaning of "overdue"
 * wherever staff count or filter it: 工作概览's 已经超期 and each row's 超期, the inbox's 只看已超期, 统计分析's 超期在办,
 * the weekly report's 超期在办 and its list, hot issues' share of overdue messages, a deputy's record. It is the reply
 * deadline alone, as 按时答复 judges it (replyInTime) and the inbox's badge says it (slaBadge's 已超期): a message only
 * late in being acknowledged, its reply not yet due, is 未按时受理 (ackLate), counted on its own and never as overdue.
 * The stores count the same (store/case-tally.ts, and the SQL of store/sqlite/case-tally.ts and case-filter-sql.ts).
 */
export function waitingLate(c: Pick<CaseRecord, 'status' | 'replyDueAt'>, now: Date): boolean {
  return WAITING_STATUSES.includes(c.status) && c.replyDueAt < now
}

/**
 * 未按时受理: waiting, its acknowledgement deadline passed without an acknowledgement, its reply deadline not yet passed
 * (once that passes it is 超期, waitingLate, and only that). Exactly the messages whose badge says 未按时受理 (slaBadge):
 * the deadline that matters now (nextDeadline, the acknowledgement's until it is given) has passed, the reply's has not.
 * Its own filter (只看未按时受理) and figure on 工作概览; the stores count the same from their kept next deadline.
 */
export function ackLate(c: Pick<CaseRecord, 'status' | 'acknowledgedAt' | 'ackDueAt' | 'replyDueAt'>, now: Date): boolean {
  const due = nextDeadline(c)
  return due !== null && due < now && c.replyDueAt >= now
}

/**
 * How a live case counts in 按时答复: `due` when it was answered or its reply deadline has passed; `ok` when it was
 * answered by its reply deadline. Its acknowledgement plays no part: a message acknowledged late, whose reply is not
 * yet due, is neither (按时受理 counts the late acknowledgement).
 */
export function replyInTime(c: DeadlineFacts, now: Date): { due: boolean; ok: boolean } {
  const ok = !!c.repliedAt && c.repliedAt <= c.replyDueAt
  return { due: !!c.repliedAt || c.replyDueAt <= now, ok }
}

const HOUR = 3_600_000
const round = (n: number | null, digits = 2) => (n === null ? null : Math.round(n * 10 ** digits) / 10 ** digits)
/** Of those due: the share done in time, as the figures show it (null when none was due). */
export const inTimeShare = (ok: number, due: number) => (due ? round(ok / due, 3) : null)
const ENDED: CaseStatus[] = ['withdrawn', 'rejected']

/**
 * The figures offices publish and review (述职评议): counts, medians, shares answered in
 * time and satisfaction. Withdrawn, rejected and merged cases count in the totals only.
 */
export function caseStats(cases: CaseRecord[], now: Date): CaseStats {
  const byStatus = Object.fromEntries(CASE_STATUSES.map((s) => [s, 0])) as Record<CaseStatus, number>
  const byTopic: Record<string, number> = {}
  const ackHours: number[] = []
  const replyDays: number[] = []
  let ackDue = 0
  let ackOk = 0
  let replyDue = 0
  let replyOk = 0
  let ratingSum = 0
  let firstSum = 0
  let rated = 0
  let reopened = 0
  let overdueOpen = 0
  let forwarded = 0
  for (const c of cases) {
    byStatus[c.status]++
    byTopic[c.topic] = (byTopic[c.topic] ?? 0) + 1
    if (c.forwardedTo) forwarded++
    if (ENDED.includes(c.status) || c.mergedInto) continue
    const acked = c.acknowledgedAt ?? c.repliedAt
    if (acked) ackHours.push((acked.getTime() - c.createdAt.getTime()) / HOUR)
    if (c.repliedAt) replyDays.push((c.repliedAt.getTime() - c.createdAt.getTime()) / (24 * HOUR))
    if (acked || c.ackDueAt <= now) {
      ackDue++
      if (acked && acked <= c.ackDueAt) ackOk++
    }
    const reply = replyInTime(c, now)
    if (reply.due) replyDue++
    if (reply.ok) replyOk++
    // The rounds she sent back, each judged by its own deadlines, beside the round in progress (rounds-sent-back.ts).
    const sent = c.sentBack ?? NO_ROUNDS_SENT_BACK
    ackDue += sent.rounds
    ackOk += sent.ackInTime
    replyDue += sent.rounds
    replyOk += sent.replyInTime
    // Ratings are history: the first round's and the latest count apart. A case rated
    // before ratings were kept counts its current rating for both.
    const ratings = c.ratings.length ? c.ratings.map((r) => r.rating) : c.rating !== null ? [c.rating] : []
    if (ratings.length) {
      rated++
      firstSum += ratings[0]
      ratingSum += ratings[ratings.length - 1]
      if (c.reopenCount > 0) reopened++
    }
    if (waitingLate(c, now)) overdueOpen++
  }
  return {
    total: cases.length,
    byStatus,
    byTopic,
    medianHoursToAcknowledge: round(median(ackHours), 1),
    medianDaysToReply: round(median(replyDays), 1),
    acknowledgedInTimeShare: ackDue ? round(ackOk / ackDue, 3) : null,
    repliedInTimeShare: replyDue ? round(replyOk / replyDue, 3) : null,
    averageSatisfaction: rated ? round(ratingSum / rated) : null,
    firstRoundSatisfaction: rated ? round(firstSum / rated) : null,
    finalSatisfaction: rated ? round(ratingSum / rated) : null,
    reopenRate: rated ? round(reopened / rated, 3) : null,
    reopened,
    rated,
    overdueOpen,
    forwarded,
  }
}

/** The same figures per group (station, district, deputy, department, topic). Cases without a key are left out. */
export function groupedStats(cases: CaseRecord[], keyOf: (c: CaseRecord) => string | null, now: Date): Array<{ key: string; stats: CaseStats }> {
  const groups = new Map<string, CaseRecord[]>()
  for (const c of cases) {
    const key = keyOf(c)
    if (key === null) continue
    // Pushed, not copied: a copy per case made a group of n cases cost n² (a station's 6,000: seconds).
    const group = groups.get(key)
    if (group) group.push(c)
    else groups.set(key, [c])
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, list]) => ({ key, stats: caseStats(list, now) }))
}

/** The middle of a sorted list of durations, in the unit given: what `median` gives for the same list. */
const medianOf = (middle: MiddleValues | null, unit: number) => (middle === null ? null : (middle.lower / unit + middle.upper / unit) / 2)

/**
 * The figures of caseStats from counts the store made and the middle response times it
 * found, without reading the cases: the same numbers, rounded the same way.
 */
export function statsFromCounts(c: CaseCounts, middle: { ack: MiddleValues | null; reply: MiddleValues | null }): CaseStats {
  const byStatus = Object.fromEntries(CASE_STATUSES.map((s) => [s, c.byStatus[s] ?? 0])) as Record<CaseStatus, number>
  return {
    total: c.total,
    byStatus,
    byTopic: { ...c.byTopic },
    medianHoursToAcknowledge: round(medianOf(middle.ack, HOUR), 1),
    medianDaysToReply: round(medianOf(middle.reply, 24 * HOUR), 1),
    acknowledgedInTimeShare: inTimeShare(c.ackOk, c.ackDue),
    repliedInTimeShare: inTimeShare(c.replyOk, c.replyDue),
    averageSatisfaction: c.rated ? round(c.lastRatingSum / c.rated) : null,
    firstRoundSatisfaction: c.rated ? round(c.firstRatingSum / c.rated) : null,
    finalSatisfaction: c.rated ? round(c.lastRatingSum / c.rated) : null,
    reopenRate: c.rated ? round(c.reopened / c.rated, 3) : null,
    reopened: c.reopened,
    rated: c.rated,
    overdueOpen: c.overdueOpen,
    forwarded: c.forwarded,
  }
}
