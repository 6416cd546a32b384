import { lastOpenMoment } from './due-date-text.js'
import { localDate } from './dates.js'
import { endOfLocalDay } from './local-days.js'
import { daysBetween } from './suggestion-due.js'
import { offsetMs } from './zone-offset.js'

/**
 * Dates and times as an elderly deputy says them, for the daily digest: "11月26日（星期四）上午9:30",
 * not "11/26 09:30", which reads like a fraction and a code. Pure, no I/O.
 */

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']

/** The wall clock of `at` in the zone (the offset is cached, so this costs no Intl call). */
function wall(at: Date, timeZone: string) {
  const d = new Date(at.getTime() + offsetMs(at.getTime(), timeZone))
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay(), hour: d.getUTCHours(), minute: d.getUTCMinutes() }
}

/** "11月26日（星期四）"; with the year when it is not the year of `now`: "2027年1月4日（星期一）". */
export function spokenDay(at: Date, timeZone: string, now?: Date): string {
  const w = wall(at, timeZone)
  const year = now && wall(now, timeZone).year !== w.year ? `${w.year}年` : ''
  return `${year}${w.month}月${w.day}日（${WEEKDAYS[w.weekday]}）`
}

/**
 * The time of day with the part of the day people name, on a 12-hour clock: "上午9:30", "中午12:00",
 * "下午2:30", "晚上7:00", "凌晨2:00".
 */
export function spokenTime(at: Date, timeZone: string): string {
  const { hour, minute } = wall(at, timeZone)
  const part = hour < 6 ? '凌晨' : hour < 12 ? '上午' : hour < 13 ? '中午' : hour < 18 ? '下午' : '晚上'
  const h = hour > 12 ? hour - 12 : hour
  return `${part}${h}:${String(minute).padStart(2, '0')}`
}

/** "11月26日（星期四）上午9:30". */
export function spokenMoment(at: Date, timeZone: string, now?: Date): string {
  return `${spokenDay(at, timeZone, now)}${spokenTime(at, timeZone)}`
}

/**
 * A deadline as the digest says it, ending in 前: "11月24日（星期二）上午10:00前" at a time of day,
 * "12月14日（星期一）前（含当日）" when the whole day counts (a deadline at 24:00, or at 00:00 of the
 * next day, which people read as the next day's).
 */
export function spokenDeadline(dueAt: Date, timeZone: string, now?: Date): string {
  const last = lastOpenMoment(dueAt, timeZone)
  const wholeDay = endOfLocalDay(last, timeZone).getTime() === last.getTime()
  return wholeDay ? `${spokenDay(last, timeZone, now)}前（含当日）` : `${spokenMoment(last, timeZone, now)}前`
}

/**
 * A spoken deadline (spokenDeadline) without its weekday, "11月24日上午10:00前", for where it does not fit: a subscribe
 * card's 20 characters, or inside brackets ("（应于11月27日上午10:00前受理）"), where "（星期五）" would nest a bracket.
 */
export function withoutWeekday(spoken: string): string {
  return spoken.replace(/（星期[日一二三四五六]）/g, '')
}

/** "12月14日", or "2027年1月4日" in another year than `now`'s: the day a deadline falls on, for a line too short for more. */
export function deadlineDay(dueAt: Date, timeZone: string, now?: Date): string {
  return spokenDate(lastOpenMoment(dueAt, timeZone), timeZone, now)
}

/** "11月26日", or "2027年1月4日" in another year than `now`'s: the day without its weekday, for inside brackets. */
export function spokenDate(at: Date, timeZone: string, now?: Date): string {
  const w = wall(at, timeZone)
  const year = now && wall(now, timeZone).year !== w.year ? `${w.year}年` : ''
  return `${year}${w.month}月${w.day}日`
}

/**
 * When something closes or closed, without 前, for "回复已于…截止": "12月4日（星期五）下午5:00"; a close at the end
 * of a day (or at 00:00 of the next) is that day, "12月3日（星期四）", never "凌晨0:00" of the next nor "24:00".
 */
export function spokenClose(closesAt: Date, timeZone: string, now?: Date): string {
  const last = lastOpenMoment(closesAt, timeZone)
  const wholeDay = endOfLocalDay(last, timeZone).getTime() === last.getTime()
  return wholeDay ? spokenDay(last, timeZone, now) : spokenMoment(last, timeZone, now)
}

/**
 * When something ahead happens, as a person says it the day before: "今天下午2:30", "明天上午9:00", "后天上午9:00";
 * further off, the day by its date and weekday ("11月26日（星期四）下午2:30"). Never a count of hours and minutes
 * ("22 小时 30 分钟后"), which an older reader has to work out. Days are counted on the calendar of `timeZone`.
 */
export function spokenWhenAhead(at: Date, timeZone: string, now: Date): string {
  const days = daysBetween(localDate(now, timeZone), localDate(at, timeZone))
  const near = ['今天', '明天', '后天'][days]
  return near ? `${near}${spokenTime(at, timeZone)}` : spokenMoment(at, timeZone, now)
}
