/**
 * Case counts as time series (day, week or month), by any key such as the resident's
 * community: the shape of "how many messages about water came from 幸福社区 each week".
 */
import { localDate, momentText } from './dates.js'
import { startOfLocalDate } from './local-days.js'

export type SeriesInterval = 'day' | 'week' | 'month'

/** The period an instant falls in, as its first local date: 2026-11-30 (a Monday) for a week. */
export function periodOf(at: Date, interval: SeriesInterval, timeZone: string): string {
  const day = localDate(at, timeZone)
  if (interval === 'day') return day
  if (interval === 'month') return `${day.slice(0, 7)}-01`
  return mondayOf(day)
}

/** The Monday of the ISO week a local date (YYYY-MM-DD) is in. */
export function mondayOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`)
  const weekday = (d.getUTCDay() + 6) % 7
  return new Date(d.getTime() - weekday * 86_400_000).toISOString().slice(0, 10)
}

/**
 * Every period from the one holding `from` to the one holding the last instant before `to` (the end is not in the
 * range: a range to Monday 00:00 ends with the Sunday's week, not with an empty week after it), so that empty periods
 * show as 0.
 */
export function periodsBetween(from: Date, to: Date, interval: SeriesInterval, timeZone: string): string[] {
  const last = periodOf(new Date(Math.max(from.getTime(), to.getTime() - 1)), interval, timeZone)
  const out: string[] = []
  let current = periodOf(from, interval, timeZone)
  while (current <= last && out.length < 5000) {
    out.push(current)
    current = nextPeriod(current, interval)
  }
  return out
}

function nextPeriod(period: string, interval: SeriesInterval): string {
  const d = new Date(`${period}T00:00:00Z`)
  if (interval === 'day') d.setUTCDate(d.getUTCDate() + 1)
  else if (interval === 'week') d.setUTCDate(d.getUTCDate() + 7)
  else d.setUTCMonth(d.getUTCMonth() + 1)
  return d.toISOString().slice(0, 10)
}

export interface SeriesLine {
  key: string
  /** One count per period, in the order of `periods`. */
  counts: number[]
  total: number
}

/** The first instant of the period holding `at` (a week's Monday 00:00, local): where a series starts whole. */
export function periodStart(at: Date, interval: SeriesInterval, timeZone: string): Date {
  return startOfLocalDate(periodOf(at, interval, timeZone), timeZone)
}

/**
 * The last of `periods` when `to` ends it early, else null: the week under way on a Monday morning holds nine hours
 * of messages and would be drawn as a fall to nearly nothing (review 38 § 8); it is marked, not counted as a week.
 */
export function openPeriod(periods: readonly string[], to: Date, interval: SeriesInterval, timeZone: string): string | null {
  const last = periods[periods.length - 1]
  if (!last) return null
  return to < startOfLocalDate(nextPeriod(last, interval), timeZone) ? last : null
}

/** Counts per key and period; keys with no cases are left out, the busiest key first. */
export function caseSeries<T extends { createdAt: Date }>(
  items: readonly T[],
  keyOf: (item: T) => string | null,
  options: { interval: SeriesInterval; from: Date; to: Date; timeZone: string },
): { periods: string[]; lines: SeriesLine[]; open: string | null } {
  const periods = periodsBetween(options.from, options.to, options.interval, options.timeZone)
  const index = new Map(periods.map((p, i) => [p, i]))
  const lines = new Map<string, SeriesLine>()
  for (const item of items) {
    const key = keyOf(item)
    const at = index.get(periodOf(item.createdAt, options.interval, options.timeZone))
    if (key === null || at === undefined) continue
    const line = lines.get(key) ?? { key, counts: periods.map(() => 0), total: 0 }
    line.counts[at]++
    line.total++
    lines.set(key, line)
  }
  return {
    periods,
    lines: [...lines.values()].sort((a, b) => b.total - a.total || a.key.localeCompare(b.key)),
    open: openPeriod(periods, options.to, options.interval, options.timeZone),
  }
}

const OPEN_WORDS: Record<SeriesInterval, string> = { day: '今天', week: '本周', month: '本月' }

/**
 * What the open period counts, said under the chart: "本周还没过完，只算到12月7日 9:00，数字还会增加。" (the chart marks
 * that point as 本周（未完）). The moment as the rest of the console writes one (the weekly report's 统计到12月7日 1:59),
 * not as a deputy's notice speaks it (星期一、上午).
 */
export function openPeriodText(interval: SeriesInterval, to: Date, timeZone: string): string {
  return `${OPEN_WORDS[interval]}还没过完，只算到${momentText(to, timeZone)}，数字还会增加。`
}
