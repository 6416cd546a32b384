import { localDate } from './dates.js'
import { offsetMs } from './zone-offset.js'

/**
 * Local dates and the instants they start and end at, in any time zone: the arithmetic the
 * business calendar counts deadlines with, kept apart from its rules of working days.
 * Dates are plain `YYYY-MM-DD` strings; only a day's first or last instant is an instant.
 */

/** The first instant of the local day on which `at` falls. */
export function startOfLocalDay(at: Date, timeZone: string): Date {
  return startOfLocalDate(localDate(at, timeZone), timeZone)
}

/** The last millisecond of the local day on which `at` falls. */
export function endOfLocalDay(at: Date, timeZone: string): Date {
  return endOfLocalDate(localDate(at, timeZone), timeZone)
}

/**
 * The first instant of a local date. Usually local midnight; where a DST change skips
 * midnight (e.g. America/Sao_Paulo until 2019) it is the instant of the change.
 */
export function startOfLocalDate(date: string, timeZone: string): Date {
  const key = `${timeZone}|${date}`
  let start = dayStarts.get(key)
  if (start === undefined) {
    assertDate(date)
    start = localTimeToEpochMs(Date.parse(`${date}T00:00:00Z`), timeZone)
    if (dayStarts.size >= 20_000) dayStarts.clear()
    dayStarts.set(key, start)
  }
  return new Date(start)
}

/**
 * A day's first instant never changes: kept, since each deadline walks several days and
 * each day's start asks for the zone's offset four times.
 */
const dayStarts = new Map<string, number>()

/**
 * The last millisecond of a local date: one before the next day starts. Counting back
 * from the next start (rather than converting 23:59:59.999) picks the right one of two
 * 23:59:59.999s when clocks fall back at midnight.
 */
export function endOfLocalDate(date: string, timeZone: string): Date {
  return new Date(startOfLocalDate(addDays(date, 1), timeZone).getTime() - 1)
}

/** The local date `days` calendar days after `date` (negative goes back). */
export function addDays(date: string, days: number): string {
  assertDate(date)
  const [y, m, d] = date.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}

/** 0 = Sunday … 6 = Saturday; of the calendar date itself, whatever the time zone. */
export function dayOfWeek(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay()
}

const DATE = /^\d{4}-\d{2}-\d{2}$/

/** Dates already checked: a deadline checks the same few dates many times over. */
const validDates = new Set<string>()

/** Throws a RangeError unless `date` is a real calendar date written YYYY-MM-DD. */
export function assertDate(date: string): void {
  if (validDates.has(date)) return
  // The round trip rejects dates such as 2026-02-30, which some parsers roll over to March.
  const ms = DATE.test(date) ? Date.parse(`${date}T00:00:00Z`) : Number.NaN
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`)
  }
  if (validDates.size >= 20_000) validDates.clear()
  validDates.add(date)
}

/** Whether `timeZone` is an IANA time zone Intl knows (the config, the CLI and the calendar all ask it so). */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone })
    return true
  } catch {
    return false
  }
}

/** Throws a RangeError unless `timeZone` is an IANA time zone Intl knows. */
export function assertTimeZone(timeZone: string): void {
  if (!isTimeZone(timeZone)) throw new RangeError(`not an IANA time zone: ${JSON.stringify(timeZone)}`)
}

const HOUR = 3_600_000

/**
 * The instant at which the wall clock in `timeZone` shows `wallMs` (a local date and time
 * written as if it were UTC milliseconds).
 *
 * A wall time can have one instant, two (clocks fall back: the earlier is taken) or none
 * (clocks spring forward: the time is moved forward by the gap, so 02:30 on a day that
 * skips 02:00–03:00 becomes 03:30). This is what Temporal calls the 'compatible' choice.
 * The offsets a day before and a day after bracket any single DST change near `wallMs`.
 */
function localTimeToEpochMs(wallMs: number, timeZone: string): number {
  const before = offsetMs(wallMs - 24 * HOUR, timeZone)
  const after = offsetMs(wallMs + 24 * HOUR, timeZone)
  const candidates = [...new Set([before, after])].map((offset) => wallMs - offset).filter((instant) => instant + offsetMs(instant, timeZone) === wallMs)
  if (candidates.length > 0) return Math.min(...candidates)
  // In a gap: read the wall time with the offset in force before the change.
  return wallMs - before
}
