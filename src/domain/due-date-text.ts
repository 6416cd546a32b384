import { endOfLocalDay } from './business-calendar.js'
import { localDate } from './dates.js'
import { offsetMs } from './zone-offset.js'

/**
 * The wall clock of `at` in the zone (the offset is cached, so this costs no Intl call). Its time is as people write
 * one, and as the console writes every other time beside it: "9:30", not "09:30"; the minutes always two digits.
 */
function wallClock(at: Date, timeZone: string) {
  const wall = new Date(at.getTime() + offsetMs(at.getTime(), timeZone))
  const [hour, minute] = [wall.getUTCHours(), wall.getUTCMinutes()]
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour,
    minute,
    time: `${hour}:${String(minute).padStart(2, '0')}`,
  }
}

/** A date as people write it; the year only when it is not the year of `now`: "12月7日", "2027年1月15日". */
function dateWords(due: ReturnType<typeof wallClock>, timeZone: string, now?: Date): string {
  const year = now && wallClock(now, timeZone).year !== due.year ? `${due.year}年` : ''
  return `${year}${due.month}月${due.day}日`
}

/**
 * A deadline of a message (to acknowledge it, to answer it) as staff read it on the console's
 * badge (sla-badge): always the date and the time, "12月7日 6:57前". Both clocks (domain/sla.ts)
 * end at a moment: the acknowledgement after so many working hours, the reply at the end of a
 * working day. A deadline at the end of a day is "12月22日 24:00前", as official notices say 24时:
 * the whole of the 22nd counts, and "12月23日 0:00前" would be read as the whole of the 23rd.
 * The year is written only when it is not the year of `now`: "2027年1月15日 24:00前".
 * Deputies and residents never read "24:00" (an older reader does not say it): a resident's notices
 * and pages say a deadline as closingText does, a deputy's as spokenDeadline does (spoken-dates.ts).
 */
export function dueDateText(dueAt: Date, timeZone: string, now?: Date): string {
  const last = lastOpenMoment(dueAt, timeZone)
  const due = wallClock(last, timeZone)
  const time = endOfLocalDay(last, timeZone).getTime() === last.getTime() ? '24:00' : due.time
  return `${dateWords(due, timeZone, now)} ${time}前`
}

/**
 * A deadline of her message as the resident who wrote it reads it: "12月22日前（含当日）" at the
 * end of a day, "12月7日 10:00前" at a time of day. "24:00" is an office's way of saying it
 * (staff's badge keeps dueDateText's); she reads the whole day counting, as on a closing date,
 * and so does her deputy (closingText: his notices, his page, his chat).
 */
export function residentDueDateText(dueAt: Date, timeZone: string, now?: Date): string {
  return closingText(dueAt, timeZone, now)
}

/**
 * When something closes (the time to acknowledge or answer a message as a resident reads it; the
 * console's 期限 words), as people write it: "12月19日前（含当日）"
 * when it closes at the end of a day, "11月30日 18:00前" at a time of day. A close at 00:00
 * is the end of the day before ("12月19日前（含当日）", not "12月20日 0:00前", which an older
 * reader takes for the whole of 20 December).
 */
export function closingText(closesAt: Date, timeZone: string, now?: Date): string {
  const last = lastOpenMoment(closesAt, timeZone)
  const due = wallClock(last, timeZone)
  const date = dateWords(due, timeZone, now)
  return endOfLocalDay(last, timeZone).getTime() === last.getTime() ? `${date}前（含当日）` : `${date} ${due.time}前`
}

/**
 * When something that has closed ended, as people say it: "已于 12月4日 18:00 结束", and for a close at
 * the end of a day "已于 12月3日 结束" (the whole of that day counted). Not closingText's "…前", which
 * reads as if it were still open until then.
 */
export function closedText(closesAt: Date, timeZone: string, now?: Date): string {
  const last = lastOpenMoment(closesAt, timeZone)
  const due = wallClock(last, timeZone)
  const date = dateWords(due, timeZone, now)
  return endOfLocalDay(last, timeZone).getTime() === last.getTime() ? `已于 ${date} 结束` : `已于 ${date} ${due.time} 结束`
}

/**
 * The moment people take as the last one still open: a close at 00:00 belongs to the day
 * before, so days left ("明天到期") are counted to that day and not to the next.
 */
export function lastOpenMoment(closesAt: Date, timeZone: string): Date {
  const wall = wallClock(closesAt, timeZone)
  const midnight = wall.hour === 0 && wall.minute === 0 && closesAt.getTime() % 60_000 === 0
  return midnight ? new Date(closesAt.getTime() - 1) : closesAt
}

/**
 * The local date (YYYY-MM-DD) a deadline or close falls on as people count it, that of its last open moment (a close at
 * 00:00 is the day before's): the day 今天 and 明天 are said of, and the latest a 要求答复日期 may be.
 */
export function lastOpenDate(closesAt: Date, timeZone: string): string {
  return localDate(lastOpenMoment(closesAt, timeZone), timeZone)
}

/** A span of hours as people say it: "3 天" for whole days, otherwise "30 个小时". */
export function hoursText(hours: number): string {
  return hours % 24 === 0 ? `${hours / 24} 天` : `${hours} 个小时`
}
