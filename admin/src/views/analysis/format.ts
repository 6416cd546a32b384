/** Words and numbers as the analysis pages show them. */

const day = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric' })

/** "11月3日 至 11月9日", or one day when both are the same. */
export function dayRange(from: string, to: string): string {
  const a = day.format(new Date(from))
  const b = day.format(new Date(to))
  return a === b ? a : `${a} 至 ${b}`
}

/** The week's Sunday, from the report's end (next Monday 00:00). */
export const lastDayOf = (weekEnd: string) => new Date(new Date(weekEnd).getTime() - 1).toISOString()

export const pct = (share: number | null | undefined) => (share === null || share === undefined ? '暂无' : `${Math.round(share * 100)}%`)
export const score = (n: number | null | undefined) => (n === null || n === undefined ? '暂无评价' : `${Math.round(n * 10) / 10} 分`)
export const heat = (n: number) => String(Math.round(n * 10) / 10)

export const TREND_THEME: Record<string, 'danger' | 'warning' | 'success' | 'default'> = { new: 'warning', up: 'danger', down: 'success', same: 'default' }

/** The inbox filtered to one issue's place, topic and days: where staff open its messages. */
export function inboxOf(issue: { placeId: string | null; topic: string; firstAt: string; lastAt: string }) {
  const query: Record<string, string> = { topic: issue.topic, from: issue.firstAt, to: new Date(new Date(issue.lastAt).getTime() + 1000).toISOString() }
  if (issue.placeId) query.regionId = issue.placeId
  return { path: '/cases', query }
}
