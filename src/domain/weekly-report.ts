/**
 * The weekly report (每周分析研判报告) of a district or the city: what residents wrote about,
 * where, how it was handled, and the issues that are hot. Pure: the service gathers the
 * cases, this composes the figures, the console and the CSV present them in the words of
 * weekly-report-words.ts.
 */
import type { CaseRecord } from './case.js'
import { groupedStats, waitingLate, type CaseStats } from './case-stats.js'
import { groupHotIssues, type HotIssue, type HotIssueCase } from './hot-issues.js'
import type { LivelihoodSection } from './livelihood-week.js'
import { officeOfRow, officeRowKey } from './rows-add-up.js'

const DAY = 86_400_000

export interface WeeklyReportInput {
  /** Monday 00:00 local time of the week, and the next Monday. */
  weekStart: Date
  weekEnd: Date
  now: Date
  /** When open cases are judged late (and by how many days): the week's end for an ended week; now when absent. */
  overdueAt?: Date
  /** Cases written from a week before weekStart until weekEnd (for trends), within the scope. */
  cases: CaseRecord[]
  /**
   * Cases replied or closed within the week, whenever written, within the scope: the week's answers (本周答复, 答复最慢)
   * count by when they were given, an answer to a message of a month ago too. Those also in `cases` may be here again.
   */
  answered: CaseRecord[]
  /**
   * Cases answered within the week whose answer the resident then sent back (重新办理), whenever written, within the
   * scope, each with when that answer was given: a reopen clears the case's repliedAt, so `answered` misses them. The
   * week's answers (本周答复, 答复最慢) count each where it was given; the report says how many were sent back.
   */
  answersSentBack?: Array<{ case: CaseRecord; answeredAt: Date }>
  /**
   * Cases with a rating given within the week, whenever written, within the scope: 满意度 says how residents rated
   * answers that week (an answer of a month ago rated now too), not how the week's own messages were rated since.
   */
  rated: CaseRecord[]
  /** Cases still open now within the scope, whenever written (for overdue and slowest): all, or at least the LIST_LENGTH most overdue with `overdueOpen`. */
  openCases: CaseRecord[]
  /** How many of the scope's open cases are overdue, when openCases holds only the most overdue. */
  overdueOpen?: number
  /** Names by id; an office's by its district's id, or 'city' (市人大常委会办公室). */
  name: (kind: 'region' | 'station' | 'deputy' | 'office', id: string) => string
  /** The 民生实事 part (livelihood-week.ts), written from the years the scope follows. */
  livelihood?: LivelihoodSection
}

export type Trend = 'new' | 'up' | 'down' | 'same'

export interface ReportIssue extends Omit<HotIssue, 'firstAt' | 'lastAt'> {
  rank: number
  placeName: string
  firstAt: Date
  lastAt: Date
  previousIndex: number | null
  trend: Trend
}

export interface WeeklyReport {
  weekStart: Date
  weekEnd: Date
  generatedAt: Date
  /** How its figures were counted: REPORT_COUNTING when made now; 1 for a report kept from before (see countedEarlierText). */
  counting: number
  totals: {
    /** The week's messages the report counts (its rows add up to it): neither 不予受理 nor merged into another. */
    messages: number
    previousMessages: number
    residents: number
    /**
     * Answers given in the week (by when they were given, whenever the message was written; one the resident sent back
     * since too), and messages closed in it.
     */
    replied: number
    /** Of `replied`, answers the residents sent back for 重新办理 (repliedText says so). Absent in a report kept before REPORT_COUNTING 5. */
    repliedSentBack?: number
    closed: number
    overdueOpen: number
    /**
     * The ratings given in the week, averaged: each message's last rating given in it (a 2, a reopen and a 4 in one week:
     * the 4). A report kept before REPORT_COUNTING 4: the week's messages' latest ratings, whenever given.
     */
    satisfaction: number | null
    /**
     * Every message that arrived in the week, as 工作概览's weekly bar counts it, and the week before's: those counted and
     * those left out (`rejected`: 不予受理, `merged`: 合并 into another). Absent in a report kept before they were counted.
     */
    received?: number
    previousReceived?: number
    rejected?: number
    merged?: number
    /** How many messages were rated in the week, and the share rated 4 or 5 (满意、很满意: 满意率, as 工作概览's chart names them). */
    rated?: number
    satisfiedShare?: number | null
  }
  topIssues: ReportIssue[]
  /** Satisfaction by the ratings given in the week, as totals.satisfaction; a topic or place rated but sent nothing this week has its row, 0 messages. */
  byTopic: Array<{ topic: string; messages: number; previous: number; satisfaction: number | null }>
  byPlace: Array<{ placeId: string; name: string; messages: number; satisfaction: number | null }>
  overdue: Array<{ caseId: string; ticket: string; topic: string; station: string | null; deputy: string | null; daysOverdue: number }>
  /**
   * `lateDays`: how the answer stood against its reply deadline (working days set it, calendar days are shown): 0 on
   * time, else the days past it; null for an answer the resident sent back (its round's deadline is not kept); absent
   * in a report kept before it was said (review 38 § 10: 30.4 天 read alike for a late answer and a hard question).
   */
  slowest: Array<{
    caseId: string
    ticket: string
    topic: string
    station: string | null
    deputy: string | null
    daysToReply: number
    lateDays?: number | null
  }>
  byDeputy: Array<{ id: string; name: string; stats: CaseStats }>
  byStation: Array<{ id: string; name: string; stats: CaseStats }>
  /** 民生实事; null in a report kept before the report had this part. */
  livelihood: LivelihoodSection | null
}

/**
 * How reports count their figures now. 2: 按时答复 counts a message waiting past its deadline as not answered in
 * time, and the messages at an office have their own row among the stations. 3: 按时答复 judges the reply's deadline
 * alone (a late acknowledgement is 按时受理's), and the week's answers count by when they were given (an answer to an
 * older message too). 4: a district's report counts the messages its office handles (one transferred in from another
 * district too, its resident's sent on to another district not), as 工作概览 counts them; and 满意度 the ratings given
 * in the week. 5: 超期 is the reply deadline's alone (a message only acknowledged late is not overdue), and 本周答复 counts
 * an answer given in the week that the resident then sent back (重新办理), saying how many. A report kept before then
 * says so (countedEarlierText) until it is made again (重新生成).
 */
export const REPORT_COUNTING = 5

export const TOP_ISSUES = 5
/** The length of the overdue and slowest lists. */
export const LIST_LENGTH = 10

/** The fields of a case that hot issues read (the store reads no more for them). */
export type HotIssueSource = Pick<
  CaseRecord,
  | 'id'
  | 'text'
  | 'residentId'
  | 'communityId'
  | 'districtId'
  | 'stationId'
  | 'topic'
  | 'createdAt'
  | 'reopenCount'
  | 'status'
  | 'acknowledgedAt'
  | 'repliedAt'
  | 'ackDueAt'
  | 'replyDueAt'
>

/** A message as hot issues read it: overdue (超期) as the tallies count it, waiting past its reply deadline (waitingLate). */
export function toHotIssueCase(c: HotIssueSource, now: Date): HotIssueCase {
  return {
    id: c.id,
    text: c.text,
    residentId: c.residentId,
    communityId: c.communityId,
    districtId: c.districtId,
    stationId: c.stationId,
    topic: c.topic,
    createdAt: c.createdAt,
    reopenCount: c.reopenCount,
    overdue: waitingLate(c, now),
  }
}

/** Cases that count as messages: merged duplicates and rejected ones are left out of the figures. */
const counted = (c: CaseRecord) => !c.mergedInto && c.status !== 'rejected'
/** 满意: rated 4 (满意) or 5 (很满意), as 工作概览's satisfaction chart names the scores. */
const SATISFIED_AT_LEAST = 4
/**
 * The rating a case was given within [from, to): its last one given then (a 2, a reopen and a 4 in one week: the 4), or
 * null. A case rated before ratings were kept: its current rating, when it was given then.
 */
function ratingGivenIn(c: CaseRecord, inSpan: (at: Date | null) => boolean): number | null {
  if (!c.ratings.length) return c.rating !== null && inSpan(c.ratedAt) ? c.rating : null
  const given = c.ratings.filter((r) => inSpan(r.at))
  return given.length ? given[given.length - 1].rating : null
}
/** The average of ratings as caseStats rounds it (two decimals), null for none. */
const averageOf = (ratings: number[]) => (ratings.length ? Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 100) / 100 : null)
// Numbers within names in their order (代表2号 before 代表10号).
const zh = new Intl.Collator('zh-CN', { numeric: true })

export function composeWeeklyReport(input: WeeklyReportInput): WeeklyReport {
  const { weekStart, weekEnd, now, name } = input
  const overdueAt = input.overdueAt ?? now
  const previousStart = new Date(weekStart.getTime() - 7 * DAY)
  const inWeek = (at: Date | null) => at !== null && at >= weekStart && at < weekEnd
  const all = input.cases.filter(counted)
  const thisWeek = all.filter((c) => inWeek(c.createdAt))
  const lastWeek = all.filter((c) => c.createdAt >= previousStart && c.createdAt < weekStart)
  const arrived = input.cases.filter((c) => inWeek(c.createdAt))
  // The ratings given in the week, each message's once, whenever it was written (满意度: how residents rated answers that week).
  const ratedInWeek = new Map<string, { c: CaseRecord; rating: number }>()
  for (const c of input.rated.filter(counted)) {
    const rating = ratingGivenIn(c, inWeek)
    if (rating !== null) ratedInWeek.set(c.id, { c, rating })
  }
  const ratings = [...ratedInWeek.values()].map((r) => r.rating)
  const satisfactionBy = (key: (c: CaseRecord) => string | null) => {
    const by = new Map<string, number[]>()
    for (const { c, rating } of ratedInWeek.values()) {
      const k = key(c)
      if (k !== null) by.set(k, [...(by.get(k) ?? []), rating])
    }
    return new Map([...by].map(([k, rs]) => [k, averageOf(rs)]))
  }
  const placeOf = (c: CaseRecord) => c.communityId ?? c.districtId
  // The week's answers by when they were given: a message of a month ago answered this week is this week's answer.
  const answers = new Map<string, CaseRecord>()
  for (const c of [...all, ...input.answered.filter(counted)]) answers.set(c.id, c)
  // And an answer of the week the resident sent back (重新办理): given this week all the same, the deputy's work of the
  // week, as 按时答复 keeps the round (rounds-sent-back.ts). Each message once: one answered again in the week counts by
  // its latest answer above.
  const sentBack = new Map<string, { c: CaseRecord; at: Date }>()
  for (const { case: c, answeredAt } of input.answersSentBack ?? [])
    if (counted(c) && inWeek(answeredAt) && !inWeek(c.repliedAt)) sentBack.set(c.id, { c, at: answeredAt })
  const answeredInWeek = [...[...answers.values()].filter((c) => inWeek(c.repliedAt)).map((c) => ({ c, at: c.repliedAt! })), ...sentBack.values()]

  const hot = all.map((c) => toHotIssueCase(c, now))
  const current = groupHotIssues(hot, { from: weekStart, to: weekEnd, limit: TOP_ISSUES })
  const previous = groupHotIssues(hot, { from: previousStart, to: weekStart })
  const topIssues = current.slice(0, TOP_ISSUES).map((issue, i): ReportIssue => {
    const before = previous.find((p) => p.placeId === issue.placeId && p.topic === issue.topic)
    // 本周热度 in whole numbers, as it is shown (an index, not a measurement), and the trend read from what is shown.
    const index = Math.round(issue.index)
    const previousIndex = before ? Math.round(before.index) : null
    const trend: Trend = previousIndex === null ? 'new' : index > previousIndex ? 'up' : index < previousIndex ? 'down' : 'same'
    return { ...issue, index, rank: i + 1, placeName: issue.placeId ? name('region', issue.placeId) : '未填写地点', previousIndex, trend }
  })

  const topics = new Map<string, { messages: number; previous: number }>()
  const bump = (topic: string, field: 'messages' | 'previous') => {
    const counts = topics.get(topic) ?? { messages: 0, previous: 0 }
    counts[field]++
    topics.set(topic, counts)
  }
  for (const c of thisWeek) bump(c.topic, 'messages')
  for (const c of lastWeek) bump(c.topic, 'previous')
  const topicSatisfaction = satisfactionBy((c) => c.topic)
  // A topic rated this week but written about in neither week still has its row: its 满意度 is the week's.
  for (const topic of topicSatisfaction.keys()) if (!topics.has(topic)) topics.set(topic, { messages: 0, previous: 0 })
  const placeSatisfaction = satisfactionBy(placeOf)
  const placeMessages = new Map(groupedStats(thisWeek, placeOf, now).map((g) => [g.key, g.stats.total]))
  for (const place of placeSatisfaction.keys()) if (!placeMessages.has(place)) placeMessages.set(place, 0)

  // 超期未办: waiting past the reply deadline (waitingLate), as the store's mostOverdue reads them, longest overdue first.
  const overdue = input.openCases
    .filter(counted)
    .filter((c) => waitingLate(c, overdueAt))
    .map((c) => ({ c, due: c.replyDueAt }))
    .sort((a, b) => a.due.getTime() - b.due.getTime() || a.c.id.localeCompare(b.c.id))
    .slice(0, LIST_LENGTH)
    .map(({ c, due }) => ({ ...handling(c, name), daysOverdue: Math.floor((overdueAt.getTime() - due.getTime()) / DAY) }))

  const slowest = answeredInWeek
    .map(({ c, at }) => ({ c, at, days: (at.getTime() - c.createdAt.getTime()) / DAY }))
    .sort((a, b) => b.days - a.days || a.c.id.localeCompare(b.c.id))
    .slice(0, LIST_LENGTH)
    .map(({ c, at, days }) => ({ ...handling(c, name), daysToReply: Math.round(days * 10) / 10, lateDays: answerLateDays(c, at) }))

  return {
    weekStart,
    weekEnd,
    generatedAt: now,
    counting: REPORT_COUNTING,
    totals: {
      messages: thisWeek.length,
      previousMessages: lastWeek.length,
      residents: new Set(thisWeek.map((c) => c.residentId)).size,
      replied: answeredInWeek.length,
      repliedSentBack: sentBack.size,
      closed: [...answers.values()].filter((c) => inWeek(c.closedAt)).length,
      overdueOpen: input.overdueOpen ?? input.openCases.filter(counted).filter((c) => toHotIssueCase(c, overdueAt).overdue).length,
      satisfaction: averageOf(ratings),
      received: arrived.length,
      previousReceived: input.cases.filter((c) => c.createdAt >= previousStart && c.createdAt < weekStart).length,
      rejected: arrived.filter((c) => !c.mergedInto && c.status === 'rejected').length,
      merged: arrived.filter((c) => c.mergedInto).length,
      rated: ratings.length,
      satisfiedShare: ratings.length ? Math.round((ratings.filter((r) => r >= SATISFIED_AT_LEAST).length / ratings.length) * 1000) / 1000 : null,
    },
    topIssues,
    byTopic: [...topics.entries()]
      .map(([topic, n]) => ({ topic, ...n, satisfaction: topicSatisfaction.get(topic) ?? null }))
      .sort((a, b) => b.messages - a.messages || a.topic.localeCompare(b.topic)),
    byPlace: [...placeMessages.entries()]
      .map(([placeId, messages]) => ({ placeId, name: name('region', placeId), messages, satisfaction: placeSatisfaction.get(placeId) ?? null }))
      .sort((a, b) => b.messages - a.messages || a.placeId.localeCompare(b.placeId)),
    overdue,
    slowest,
    // The most messages first, then the most overdue (the meeting's questions), then by name: said above the table.
    byDeputy: groupedStats(thisWeek, (c) => c.deputyId, now)
      .map((g) => ({ id: g.key, name: name('deputy', g.key), stats: g.stats }))
      .sort(deputyOrder),
    // A message handed up (上报), or of a place no station covers, is the office's: its own row, so the rows add up.
    // The offices' rows after the stations'.
    byStation: groupedStats(thisWeek, (c) => c.stationId ?? officeRowKey(c.officeRegionId ?? 'city'), now)
      .map((g) => ({ g, office: officeOfRow(g.key) }))
      .sort((a, b) => Number(a.office !== null) - Number(b.office !== null))
      .map(({ g, office }) => ({ id: g.key, name: office === null ? name('station', g.key) : name('office', office), stats: g.stats })),
    livelihood: input.livelihood ?? null,
  }
}

/** The deputies' rows in the meeting's order: the most messages first, then the most overdue, then by name (DEPUTY_ORDER_TEXT). */
export const deputyOrder = (a: { name: string; stats: CaseStats }, b: { name: string; stats: CaseStats }) =>
  b.stats.total - a.stats.total || b.stats.overdueOpen - a.stats.overdueOpen || zh.compare(a.name, b.name)

/** The week's messages no deputy's row counts: never given to a deputy (未分派, or taken back before). */
export const unassignedCount = (r: Pick<WeeklyReport, 'totals' | 'byDeputy'>) => r.totals.messages - r.byDeputy.reduce((n, d) => n + d.stats.total, 0)

/**
 * 收到留言 and 比上周, as 工作概览's weekly bar counts them: every message that came in the week, and how many more
 * (negative: fewer) than the week before. A report kept before those were counted: the messages it counted, both weeks.
 * Counted here once: the page and the table download both say it (weekOnWeekText).
 */
export function receivedChange(r: Pick<WeeklyReport, 'totals'>): { received: number; change: number } {
  const t = r.totals
  const received = t.received ?? t.messages
  return { received, change: received - (t.previousReceived ?? t.previousMessages) }
}

/**
 * An answer against its reply deadline (答复期限): 0 in time, else the calendar days after it, a part of a day counting
 * as one; null for an answer the resident has since sent back (the case's deadline is now its new round's).
 */
function answerLateDays(c: Pick<CaseRecord, 'repliedAt' | 'replyDueAt'>, answeredAt: Date): number | null {
  if (c.repliedAt?.getTime() !== answeredAt.getTime()) return null
  return answeredAt <= c.replyDueAt ? 0 : Math.ceil((answeredAt.getTime() - c.replyDueAt.getTime()) / DAY)
}

/** 是否按时 of an answer in the slowest list, in words (the page's column and the download's). */
export function answerTimelinessWords(lateDays: number | null | undefined): string {
  if (lateDays === undefined) return ''
  if (lateDays === null) return '群众要求重新办理'
  return lateDays ? `超过答复期限 ${lateDays} 天` : '按时'
}

function handling(c: CaseRecord, name: WeeklyReportInput['name']) {
  return {
    caseId: c.id,
    ticket: c.ticket,
    topic: c.topic,
    // Handed up (上报) or of a place no station covers: the office that holds it.
    station: c.stationId ? name('station', c.stationId) : name('office', c.officeRegionId ?? 'city'),
    deputy: c.deputyId ? name('deputy', c.deputyId) : null,
  }
}
