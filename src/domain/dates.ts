import { offsetMs } from './zone-offset.js'

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function localDate(at: Date, timeZone: string): string {
  const ms = at.getTime()
  return new Date(ms + offsetMs(ms, timeZone)).toISOString().slice(0, 10)
}

/** "2027-03-04" → "2027年3月4日": a date as people write it, with its year (a deadline read months later). */
export function dayText(date: string): string {
  return `${Number(date.slice(0, 4))}年${monthDayText(date)}`
}

/** "2026-11-25" → "11月25日": a date as people write it, without the year. */
export function monthDayText(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`
}

/**
 * A date said with its year only when it is not in the year of `today` (the office's today, YYYY-MM-DD, in the
 * business time zone): the mini-program's rule, so that a date this year reads as the other dates on its page do.
 */
export function dayTextFrom(date: string, today: string): string {
  return date.slice(0, 4) === today.slice(0, 4) ? monthDayText(date) : dayText(date)
}

/** A moment as the console writes times: "12月5日 22:48", "12月7日 8:33" (no weekday, no 上午, no leading zero). */
export function momentText(at: Date, timeZone: string): string {
  const ms = at.getTime()
  const local = new Date(ms + offsetMs(ms, timeZone))
  return `${monthDayText(localDate(at, timeZone))} ${local.getUTCHours()}:${String(local.getUTCMinutes()).padStart(2, '0')}`
}
