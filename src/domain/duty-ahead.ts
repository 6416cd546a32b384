import { addDays, dayOfWeek } from './local-days.js'
import { dutyDatesAt, type DutyByStation } from './duty-days.js'
import { awayDutyWord, type DeputyAway } from './deputy-away.js'

/** One day of reception duty ahead at a station: who receives residents there (a station clerk's 近期值班). */
export interface DutyDay {
  date: string
  /** 今天, 明天, or 12月9日（星期二）: how a clerk says the day. */
  label: string
  stationName: string
  deputies: string[]
  /**
   * Beside each of `deputies`, in the same order, when any of them will not come that day: 已离任 for one who has left
   * office since the day was arranged; 请假, 外出学习 or 暂停接收留言 for one paused (暂停接收留言); null for the others.
   * Absent when all of them come: the clerk tells residents who will be there.
   */
  away?: Array<string | null>
  /**
   * A deputy of the day expected at a meeting that day, one line each ("与会议时间冲突：陈晓婷代表当天上午9:30到11:30要参加…"),
   * added by the dashboard (services/directory/duty-clashes.ts); absent when none is.
   */
  clashes?: string[]
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
 * The next `limit` days, from `today` on and within `days`, on which a deputy is on duty at one of these stations;
 * each station's own roster only (a deputy of two stations sits at each on its own days). Days nobody is on duty are
 * left out: the clerk reads who comes next, not a list of empty days. A deputy paused that day (his `away`) stays in
 * the list, marked (请假), as routing skips him: the clerk must not promise him. So does one who has left office
 * (`active` false) on the days he was arranged for, marked (已离任), as the 设为离任 dialog promised: the clerk
 * arranges another deputy rather than find the day silently short.
 */
export function dutyAhead(
  stations: ReadonlyArray<{
    id: string
    name: string
    deputies: ReadonlyArray<{ name: string; dutyByStation: DutyByStation; away?: DeputyAway | null; active?: boolean }>
  }>,
  today: string,
  { days = 28, limit = 3 }: { days?: number; limit?: number } = {},
): DutyDay[] {
  const last = addDays(today, days - 1)
  const out: DutyDay[] = []
  for (const station of stations) {
    const byDate = new Map<string, Array<{ name: string; away: string | null }>>()
    for (const deputy of station.deputies)
      for (const date of dutyDatesAt(deputy.dutyByStation, station.id))
        if (date >= today && date <= last) byDate.set(date, [...(byDate.get(date) ?? []), { name: deputy.name, away: notComing(deputy, date) }])
    for (const [date, sitting] of byDate) {
      const away = sitting.map((d) => d.away)
      const deputies = sitting.map((d) => d.name)
      out.push({ date, label: dayLabel(date, today), stationName: station.name, deputies, ...(away.some(Boolean) ? { away } : {}) })
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.stationName.localeCompare(b.stationName, 'zh-CN')).slice(0, limit)
}

/** Why he will not come on a duty day: 已离任, else his pause's word (请假…), else null. */
function notComing(deputy: { away?: DeputyAway | null; active?: boolean }, date: string): string | null {
  return deputy.active === false ? '已离任' : awayDutyWord(deputy.away, date)
}
