import { addDays, dayOfWeek } from './local-days.js'
import { dutyDatesAt, type DutyByStation } from './duty-days.js'

/** One day of reception duty ahead at a station: who receives residents there (a station clerk's 近期值班). */
export interface DutyDay {
  date: string
  /** 今天, 明天, or 12月9日（星期二）: how a clerk says the day. */
  label: string
  stationName: string
  deputies: string[]
}

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']

/** A local date as a clerk says it, counted from `today`. */
export function dayLabel(date: string, today: string): string {
  if (date === today) return '今天'
  if (date === addDays(today, 1)) return '明天'
  const [, m, d] = date.split('-').map(Number)
  return `${m}月${d}日（${WEEKDAYS[dayOfWeek(date)]}）`
}

/**
 * The next `limit` days, from `today` on and within `days`, on which a deputy in office is on duty at one of
 * these stations; each station's own roster only (a deputy of two stations sits at each on its own days).
 * Days nobody is on duty are left out: the clerk reads who comes next, not a list of empty days.
 */
export function dutyAhead(
  stations: ReadonlyArray<{ id: string; name: string; deputies: ReadonlyArray<{ name: string; dutyByStation: DutyByStation }> }>,
  today: string,
  { days = 28, limit = 3 }: { days?: number; limit?: number } = {},
): DutyDay[] {
  const last = addDays(today, days - 1)
  const out: DutyDay[] = []
  for (const station of stations) {
    const byDate = new Map<string, string[]>()
    for (const deputy of station.deputies)
      for (const date of dutyDatesAt(deputy.dutyByStation, station.id))
        if (date >= today && date <= last) byDate.set(date, [...(byDate.get(date) ?? []), deputy.name])
    for (const [date, deputies] of byDate) out.push({ date, label: dayLabel(date, today), stationName: station.name, deputies })
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.stationName.localeCompare(b.stationName, 'zh-CN')).slice(0, limit)
}
