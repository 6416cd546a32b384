/**
 * The weekly report (每周分析研判报告) of a district or the city: what residents wrote about,
 * where, how it was handled, and the issues that are hot. Pure: the service gathers the
 * cases, this composes the figures, the console and the CSV present them.
 */
import { OPEN_STATUSES, WAITING_STATUSES, type CaseRecord } from './case.js'
import { caseStats, groupedStats, type CaseStats } from './case-stats.js'
import { groupHotIssues, type HotIssue, type HotIssueCase } from './hot-issues.js'
import type { LivelihoodSection } from './livelihood-week.js'
import { localDate, monthDayText } from './dates.js'
import { officeOfRow, officeRowKey } from './rows-add-up.js'
import { offsetMs } from './zone-offset.js'

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

/** A trend as staff read it, in the console and in the CSV alike. */
export const TREND_WORDS: Record<Trend, string> = { new: '新出现', up: '上升', down: '下降', same: '持平' }

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
  totals: { messages: number; previousMessages: number; residents: number; replied: number; closed: number; overdueOpen: number; satisfaction: number | null }
  topIssues: ReportIssue[]
  byTopic: Array<{ topic: string; messages: number; previous: number; satisfaction: number | null }>
  byPlace: Array<{ placeId: string; name: string; messages: number; satisfaction: number | null }>
  overdue: Array<{ caseId: string; ticket: string; topic: string; station: string | null; deputy: string | null; daysOverdue: number }>
  slowest: Array<{ caseId: string; ticket: string; topic: string; station: string | null; deputy: string | null; daysToReply: number }>
  byDeputy: Array<{ id: string; name: string; stats: CaseStats }>
  byStation: Array<{ id: string; name: string; stats: CaseStats }>
  /** 民生实事; null in a report kept before the report had this part. */
  livelihood: LivelihoodSection | null
}

/**
 * How reports count their figures now. 2: 按时答复 counts a message waiting past its deadline (an acknowledgement's
 * too) as not answered in time, and the messages at an office have their own row among the stations. A report kept
 * before then says so (countedEarlierText) until it is made again (重新生成).
 */
export const REPORT_COUNTING = 2

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

export function toHotIssueCase(c: HotIssueSource, now: Date): HotIssueCase {
  const acked = c.acknowledgedAt ?? c.repliedAt
  const due = acked ? c.replyDueAt : c.ackDueAt
  const open = WAITING_STATUSES.includes(c.status)
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
    overdue: open && due < now,
  }
}

/** Cases that count as messages: merged duplicates and rejected ones are left out of the figures. */
const counted = (c: CaseRecord) => !c.mergedInto && c.status !== 'rejected'

export function composeWeeklyReport(input: WeeklyReportInput): WeeklyReport {
  const { weekStart, weekEnd, now, name } = input
  const overdueAt = input.overdueAt ?? now
  const previousStart = new Date(weekStart.getTime() - 7 * DAY)
  const inWeek = (at: Date | null) => at !== null && at >= weekStart && at < weekEnd
  const all = input.cases.filter(counted)
  const thisWeek = all.filter((c) => inWeek(c.createdAt))
  const lastWeek = all.filter((c) => c.createdAt >= previousStart && c.createdAt < weekStart)
  const stats = caseStats(thisWeek, now)

  const hot = all.map((c) => toHotIssueCase(c, now))
  const current = groupHotIssues(hot, { from: weekStart, to: weekEnd, limit: TOP_ISSUES })
  const previous = groupHotIssues(hot, { from: previousStart, to: weekStart })
  const topIssues = current.slice(0, TOP_ISSUES).map((issue, i): ReportIssue => {
    const before = previous.find((p) => p.placeId === issue.placeId && p.topic === issue.topic)
    const previousIndex = before ? before.index : null
    const trend: Trend = previousIndex === null ? 'new' : issue.index > previousIndex ? 'up' : issue.index < previousIndex ? 'down' : 'same'
    return { ...issue, rank: i + 1, placeName: issue.placeId ? name('region', issue.placeId) : '未填写地点', previousIndex, trend }
  })

  const topics = new Map<string, { messages: number; previous: number }>()
  const bump = (topic: string, field: 'messages' | 'previous') => {
    const counts = topics.get(topic) ?? { messages: 0, previous: 0 }
    counts[field]++
    topics.set(topic, counts)
  }
  for (const c of thisWeek) bump(c.topic, 'messages')
  for (const c of lastWeek) bump(c.topic, 'previous')
  const topicSatisfaction = new Map(groupedStats(thisWeek, (c) => c.topic, now).map((g) => [g.key, g.stats.finalSatisfaction]))

  const overdue = input.openCases
    .filter(counted)
    .filter((c) => OPEN_STATUSES.includes(c.status) && c.status !== 'replied')
    .map((c) => ({ c, due: (c.acknowledgedAt ?? c.repliedAt) ? c.replyDueAt : c.ackDueAt }))
    .filter(({ due }) => due < overdueAt)
    .sort((a, b) => a.due.getTime() - b.due.getTime() || a.c.id.localeCompare(b.c.id))
    .slice(0, LIST_LENGTH)
    .map(({ c, due }) => ({ ...handling(c, name), daysOverdue: Math.floor((overdueAt.getTime() - due.getTime()) / DAY) }))

  const slowest = all
    .filter((c) => inWeek(c.repliedAt))
    .map((c) => ({ c, days: (c.repliedAt!.getTime() - c.createdAt.getTime()) / DAY }))
    .sort((a, b) => b.days - a.days || a.c.id.localeCompare(b.c.id))
    .slice(0, LIST_LENGTH)
    .map(({ c, days }) => ({ ...handling(c, name), daysToReply: Math.round(days * 10) / 10 }))

  return {
    weekStart,
    weekEnd,
    generatedAt: now,
    counting: REPORT_COUNTING,
    totals: {
      messages: thisWeek.length,
      previousMessages: lastWeek.length,
      residents: new Set(thisWeek.map((c) => c.residentId)).size,
      replied: all.filter((c) => inWeek(c.repliedAt)).length,
      closed: all.filter((c) => inWeek(c.closedAt)).length,
      overdueOpen: input.overdueOpen ?? input.openCases.filter(counted).filter((c) => toHotIssueCase(c, overdueAt).overdue).length,
      satisfaction: stats.finalSatisfaction,
    },
    topIssues,
    byTopic: [...topics.entries()]
      .map(([topic, n]) => ({ topic, ...n, satisfaction: topicSatisfaction.get(topic) ?? null }))
      .sort((a, b) => b.messages - a.messages || a.topic.localeCompare(b.topic)),
    byPlace: groupedStats(thisWeek, (c) => c.communityId ?? c.districtId, now)
      .map((g) => ({ placeId: g.key, name: name('region', g.key), messages: g.stats.total, satisfaction: g.stats.finalSatisfaction }))
      .sort((a, b) => b.messages - a.messages || a.placeId.localeCompare(b.placeId)),
    overdue,
    slowest,
    byDeputy: groupedStats(thisWeek, (c) => c.deputyId, now).map((g) => ({ id: g.key, name: name('deputy', g.key), stats: g.stats })),
    // A message handed up (上报), or of a place no station covers, is the office's: its own row, so the rows add up.
    // The offices' rows after the stations'.
    byStation: groupedStats(thisWeek, (c) => c.stationId ?? officeRowKey(c.officeRegionId ?? 'city'), now)
      .map((g) => ({ g, office: officeOfRow(g.key) }))
      .sort((a, b) => Number(a.office !== null) - Number(b.office !== null))
      .map(({ g, office }) => ({ id: g.key, name: office === null ? name('station', g.key) : name('office', office), stats: g.stats })),
    livelihood: input.livelihood ?? null,
  }
}

/**
 * When a report's overdue figures are counted to, in words (截至…): an ended week's last day ("11月29日"), or the
 * moment a report of a week still running was made ("12月5日 22:48"), as composeWeeklyReport counts them.
 */
export function overdueAsOfText(r: Pick<WeeklyReport, 'weekEnd' | 'generatedAt'>, timeZone: string): string {
  return r.weekEnd < r.generatedAt ? monthDayText(localDate(new Date(r.weekEnd.getTime() - 1), timeZone)) : momentText(r.generatedAt, timeZone)
}

/** A moment as the report says it: "12月5日 22:48". */
export function momentText(at: Date, timeZone: string): string {
  const ms = at.getTime()
  const local = new Date(ms + offsetMs(ms, timeZone))
  return `${monthDayText(localDate(at, timeZone))} ${local.getUTCHours()}:${String(local.getUTCMinutes()).padStart(2, '0')}`
}

/** How many overdue messages there are and how many the list shows: "共 20 条，列出超期最久的 10 条" when it is cut. */
export function overdueCountText(r: Pick<WeeklyReport, 'totals' | 'overdue'>): string {
  const all = Math.max(r.totals.overdueOpen, r.overdue.length)
  return all > r.overdue.length ? `共 ${all} 条，列出超期最久的 ${r.overdue.length} 条` : `共 ${all} 条`
}

/** The week's messages no deputy's row counts: never given to a deputy (未分派, or taken back before). */
export const unassignedCount = (r: Pick<WeeklyReport, 'totals' | 'byDeputy'>) => r.totals.messages - r.byDeputy.reduce((n, d) => n + d.stats.total, 0)

/** The line under the deputies' rows that makes them add up to the week's messages; null when they do already. */
export function unassignedText(r: Pick<WeeklyReport, 'totals' | 'byDeputy'>): string | null {
  const n = unassignedCount(r)
  return n > 0 ? `另有 ${n} 条没有分派给代表（未分派），不在上面的代表名下。` : null
}

/**
 * What a report kept from before the count changed says of itself, at its top: its 按时答复 and its stations' rows
 * were counted the earlier way, and 重新生成 counts them again. Null for a report counted as reports are now. Kept
 * as made, not remade as it is read: a director may have quoted it, and a remade one also lists the overdue as they
 * stand today.
 */
export function countedEarlierText(r: Pick<WeeklyReport, 'counting' | 'generatedAt'>, timeZone: string): string | null {
  if (r.counting >= REPORT_COUNTING) return null
  return (
    `这份周报生成于${momentText(r.generatedAt, timeZone)}，用的是以前的算法：“按时答复”没有把所有超期还没答复的留言算进去，比例可能偏高；` +
    '“各联络站办理情况”也没有人大办那一行，各行加起来可能比收到的留言少。点“重新生成”，按现在的算法重新统计。'
  )
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
