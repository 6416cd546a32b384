import { endOfLocalDay } from './business-calendar.js'
import { offsetMs } from './zone-offset.js'

/** The wall clock of `at` in the zone (the offset is cached, so this costs no Intl call). */
function wallClock(at: Date, timeZone: string) {
  const wall = new Date(at.getTime() + offsetMs(at.getTime(), timeZone))
  const two = (n: number) => String(n).padStart(2, '0')
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate(), time: `${two(wall.getUTCHours())}:${two(wall.getUTCMinutes())}` }
}

/**
 * A deadline as people say it: "12月22日前（含当日）" when it is the end of a day (the
 * whole day still counts), "12月22日 20:00前" when it is a time of day. The year is
 * written only when it is not the year of `now`, as in "2027年1月15日前（含当日）".
 */
export function dueDateText(dueAt: Date, timeZone: string, now?: Date): string {
  const due = wallClock(dueAt, timeZone)
  const year = now && wallClock(now, timeZone).year !== due.year ? `${due.year}年` : ''
  const date = `${year}${due.month}月${due.day}日`
  return endOfLocalDay(dueAt, timeZone).getTime() === dueAt.getTime() ? `${date}前（含当日）` : `${date} ${due.time}前`
}

/**
 * When something closes, as people say it: `dueDateText`, except that a close at 00:00 is
 * the end of the day before ("12月19日前（含当日）", not "12月20日 00:00前", which an older
 * reader takes for the whole of 20 December).
 */
export function closingText(closesAt: Date, timeZone: string, now?: Date): string {
  return dueDateText(lastOpenMoment(closesAt, timeZone), timeZone, now)
}

/**
 * The moment people take as the last one still open: a close at 00:00 belongs to the day
 * before, so days left ("明天到期") are counted to that day and not to the next.
 */
export function lastOpenMoment(closesAt: Date, timeZone: string): Date {
  const midnight = wallClock(closesAt, timeZone).time === '00:00' && closesAt.getTime() % 60_000 === 0
  return midnight ? new Date(closesAt.getTime() - 1) : closesAt
}

/** A span of hours as people say it: "3 天" for whole days, otherwise "30 个小时". */
export function hoursText(hours: number): string {
  return hours % 24 === 0 ? `${hours / 24} 天` : `${hours} 个小时`
}
