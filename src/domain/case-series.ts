/**
 * Case counts as time series (day, week or month), by any key such as the resident's
 * community: the shape of "how many messages about water came from 幸福社区 each week".
 */
import { localDate } from './dates.js'

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

/** Every period from the one holding `from` to the one holding `to`, so that empty periods show as 0. */
export function periodsBetween(from: Date, to: Date, interval: SeriesInterval, timeZone: string): string[] {
  const last = periodOf(to, interval, timeZone)
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

/** Counts per key and period; keys with no cases are left out, the busiest key first. */
export function caseSeries<T extends { createdAt: Date }>(
  items: readonly T[],
  keyOf: (item: T) => string | null,
  options: { interval: SeriesInterval; from: Date; to: Date; timeZone: string },
): { periods: string[]; lines: SeriesLine[] } {
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
  return { periods, lines: [...lines.values()].sort((a, b) => b.total - a.total || a.key.localeCompare(b.key)) }
}
