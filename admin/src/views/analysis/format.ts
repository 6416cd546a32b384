/** Words and numbers as the analysis pages show them. */
import { zoneFormat } from '../../business-zone'

// zh-CN's numeric month and day print as "12/3": the parts are put into words here instead.
const day = () => zoneFormat('zh-CN', { year: 'numeric', month: 'numeric', day: 'numeric' })
function partsOf(at: string): Record<string, string> {
  // A local date is that day already: read as an instant (UTC midnight) it is the day before west of Greenwich.
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(at)
  if (date) return { year: date[1], month: date[2], day: date[3] }
  return Object.fromEntries(
    day()
      .formatToParts(new Date(at))
      .map((p) => [p.type, p.value]),
  )
}

/** "12月3日" for an instant or a local date (2026-12-03), in the business time zone, as the dashboard writes days. */
export function monthDay(at: string): string {
  const p = partsOf(at)
  return `${Number(p.month)}月${Number(p.day)}日`
}

/** "11月23日至11月29日", or one day when both are the same. */
export function dayRange(from: string, to: string): string {
  const a = monthDay(from)
  const b = monthDay(to)
  return a === b ? a : `${a}至${b}`
}

/** A trend period (its first local date) as the axis names it: "9月7日" for a day or a week, "2026年9月" for a month. */
export function periodLabel(period: string, interval: string): string {
  if (interval !== 'month') return monthDay(period)
  const p = partsOf(period)
  return `${p.year}年${Number(p.month)}月`
}

/** The week's Sunday, from the report's end (next Monday 00:00). */
export const lastDayOf = (weekEnd: string) => new Date(new Date(weekEnd).getTime() - 1).toISOString()

// Kept here, not sent by the server: the page says 4.5 分 in each cell, the table download says 满意度（分） once.
export const pct = (share: number | null | undefined) => (share === null || share === undefined ? '暂无' : `${Math.round(share * 100)}%`)
export const score = (n: number | null | undefined) => (n === null || n === undefined ? '暂无评价' : `${Math.round(n * 10) / 10} 分`)
// 热度 is an index: a whole number (the server sends it so; a report kept before may hold a decimal).
export const heat = (n: number) => String(Math.round(n))

export const TREND_THEME: Record<string, 'danger' | 'warning' | 'success' | 'default'> = { new: 'warning', up: 'danger', down: 'success', same: 'default' }

/** How many case ids the inbox takes in its address (the API's CASE_IDS_MAX). */
export const INBOX_IDS_MAX = 200

/** How an issue is named on the inbox's banner and in its dialogs: 「光明社区 · 城乡建设」. */
export const issueName = (issue: { placeName: string; topic: string }) => `${issue.placeName} · ${issue.topic}`

/**
 * The inbox listing exactly one issue's messages, by their ids, and naming the issue (`issue`)
 * for its banner. Place, topic and days alone would also list messages the issue left out; they
 * serve only an issue too big for one address, named with its key (`hotIssue`), under which the page
 * opening it keeps its messages in the tab (issue-ids.ts) for 一起催办.
 */
export function inboxOf(issue: { key: string; caseIds: string[]; placeId: string | null; placeName: string; topic: string; firstAt: string; lastAt: string }) {
  if (issue.caseIds.length && issue.caseIds.length <= INBOX_IDS_MAX) {
    return { path: '/cases', query: { ids: issue.caseIds.join(','), issue: issueName(issue) } }
  }
  const query: Record<string, string> = { topic: issue.topic, from: issue.firstAt, to: new Date(new Date(issue.lastAt).getTime() + 1000).toISOString() }
  if (issue.placeId) query.regionId = issue.placeId
  return { path: '/cases', query: { ...query, issue: issueName(issue), hotIssue: issue.key } }
}

/**
 * Lines of the chart with the same count in every period are drawn one on top of the other, and
 * the one below cannot be seen: "「光明社区」和「建设路社区」每期的留言数都一样，图中的线重合在一起。"
 * One sentence per set of equal lines, none when all differ.
 */
export function equalLinesNotes(lines: Array<{ name: string; counts: number[] }>): string[] {
  const byCounts = new Map<string, string[]>()
  for (const l of lines) byCounts.set(l.counts.join(','), [...(byCounts.get(l.counts.join(',')) ?? []), l.name])
  return [...byCounts.values()]
    .filter((names) => names.length > 1)
    .map((names) => {
      const quoted = names.map((n) => `「${n}」`)
      return `${quoted.slice(0, -1).join('、')}和${quoted.at(-1)}每期的留言数都一样，图中的线重合在一起。`
    })
}
