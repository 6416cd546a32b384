import { localDate } from './dates.js'
import type { HolidayYear } from './holiday-cn.js'
import { addDays, assertDate, assertTimeZone, dayOfWeek, endOfLocalDate, endOfLocalDay, startOfLocalDate, startOfLocalDay } from './local-days.js'

/** The local-date arithmetic the calendar counts with, for callers that count days too. */
export { addDays, endOfLocalDate, endOfLocalDay, startOfLocalDate, startOfLocalDay } from './local-days.js'

/**
 * Days off that the 全国年节及纪念日放假办法 (as revised in 2024) fixes on the solar calendar:
 * 元旦 1 January, 劳动节 1–2 May, 国庆节 1–3 October. The lunar holidays (春节, 清明, 端午,
 * 中秋) and the 调休 weeks are only known once the State Council publishes the year.
 */
const STATUTORY_FIXED_DAYS_OFF: ReadonlySet<string> = new Set(['01-01', '05-01', '05-02', '10-01', '10-02', '10-03'])

/** A deadline, and whether it was counted over days whose official schedule is not yet known. */
export interface CountedDeadline {
  dueAt: Date
  /** True when a day counted lies in a year not covered: the deadline may move once it is. */
  provisional: boolean
}

export interface BusinessCalendarOptions {
  timeZone: string
  /** Days off (YYYY-MM-DD). Weekend days inside a holiday period may be listed too. */
  holidays: string[]
  /** Weekend days (YYYY-MM-DD) that are working days (调休上班). */
  workdays: string[]
  /**
   * The years whose official schedule the lists hold. In any other year only weekends and the
   * fixed-date statutory holidays are days off, and deadlines counted there are provisional.
   * Omitted: every year is taken as covered (a calendar written by hand, as in tests).
   */
  coveredYears?: number[]
}

/** What the calendar keeps of a local date. */
interface LocalDay {
  working: boolean
  covered: boolean
  /** The local date after, and the instant it starts. */
  next: string
  nextStart: number
}

/**
 * Working days of the business, in its time zone: Monday to Friday, minus public holidays,
 * plus the weekend days that are worked to make up for them (调休).
 *
 * Deadlines are counted on local calendar dates (plain `YYYY-MM-DD` strings) and only the
 * final local end of day is turned into an instant, so that DST changes and the UTC offset
 * can never shift a deadline onto the wrong day.
 */
export class BusinessCalendar {
  readonly timeZone: string
  private readonly holidays: ReadonlySet<string>
  private readonly workdays: ReadonlySet<string>
  private readonly coveredYears: ReadonlySet<number> | null
  /** Deadlines depend only on the local date: every message of a day shares them. */
  private readonly deadlines = new Map<string, CountedDeadline>()
  /** What a deadline's walk asks of a local date, for every message's acknowledgement clock. */
  private readonly days = new Map<string, LocalDay>()

  /** The calendar of the years imported from the official schedule (holiday-cn format). */
  static fromYears(timeZone: string, years: HolidayYear[]): BusinessCalendar {
    const days = years.flatMap((y) => y.days)
    return new BusinessCalendar({
      timeZone,
      holidays: days.filter((d) => d.isOffDay).map((d) => d.date),
      workdays: days.filter((d) => !d.isOffDay).map((d) => d.date),
      coveredYears: years.map((y) => y.year),
    })
  }

  constructor(options: BusinessCalendarOptions) {
    // Fail at start-up on a bad configuration rather than on the first deadline.
    assertTimeZone(options.timeZone)
    for (const day of [...options.holidays, ...options.workdays]) assertDate(day)
    const clash = options.holidays.find((day) => options.workdays.includes(day))
    if (clash) throw new RangeError(`${clash} is listed both as a holiday and as a working day`)
    this.timeZone = options.timeZone
    this.holidays = new Set(options.holidays)
    this.workdays = new Set(options.workdays)
    this.coveredYears = options.coveredYears ? new Set(options.coveredYears) : null
  }

  /** Whether the official schedule of the date's year is known. */
  isCovered(date: string): boolean {
    assertDate(date)
    return this.coveredYears === null || this.coveredYears.has(Number(date.slice(0, 4)))
  }

  isWorkingDay(date: string): boolean {
    assertDate(date)
    if (this.workdays.has(date)) return true
    if (this.holidays.has(date)) return false
    // Until the year is published, the days off the law fixes by date are still certain.
    if (!this.isCovered(date) && STATUTORY_FIXED_DAYS_OFF.has(date.slice(5))) return false
    const weekday = dayOfWeek(date)
    return weekday !== 0 && weekday !== 6
  }

  /**
   * The local dates from today (the local date of `from`) through the next `days` days whose
   * year is not covered; empty when the whole stretch is known.
   */
  uncoveredDates(from: Date, days: number): string[] {
    const start = localDate(from, this.timeZone)
    const out: string[] = []
    for (let i = 0; i <= days; i++) {
      const date = addDays(start, i)
      if (!this.isCovered(date)) out.push(date)
    }
    return out
  }

  /**
   * The end (last millisecond, local time) of the `days`-th working day after the local date
   * of `from`. The day of `from` itself never counts, even if it is a working day, so a
   * message sent at 08:00 and one sent at 23:59 on the same day get the same deadline.
   * With `days` = 0 the deadline is the end of the local day of `from`.
   */
  addWorkingDays(from: Date, days: number): Date {
    return this.workingDaysDeadline(from, days).dueAt
  }

  /** `addWorkingDays`, saying too whether a day counted lies in a year not yet covered. */
  workingDaysDeadline(from: Date, days: number): CountedDeadline {
    if (!Number.isInteger(days) || days < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${days}`)
    const start = localDate(from, this.timeZone)
    const key = `${start}+${days}`
    const known = this.deadlines.get(key)
    if (known) return { dueAt: new Date(known.dueAt), provisional: known.provisional }
    let date = start
    let provisional = false
    for (let counted = 0; counted < days;) {
      date = addDays(date, 1)
      if (!this.isCovered(date)) provisional = true
      if (this.isWorkingDay(date)) counted++
    }
    const deadline = { dueAt: endOfLocalDate(date, this.timeZone), provisional }
    if (this.deadlines.size > 1000) this.deadlines.clear()
    this.deadlines.set(key, deadline)
    return { dueAt: new Date(deadline.dueAt), provisional }
  }

  /**
   * The instant when `hours` of working time have passed since `from`: the clock runs
   * through working days (all 24 hours of them) and stands still on days off. So a message
   * of Friday 20:00 with 24 hours to acknowledge is due on Monday at 20:00, not on Saturday.
   * A deadline that falls exactly at midnight is given as the last millisecond of the day
   * before, so that it reads as "by the end of that day".
   */
  afterWorkingHours(from: Date, hours: number): CountedDeadline {
    if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`working hours must be ≥ 0, got ${hours}`)
    let remaining = hours * HOUR
    let cursor = from.getTime()
    let date = localDate(from, this.timeZone)
    let provisional = false
    // A year of days off in a row cannot happen; the bound only guards against a bad calendar.
    for (let i = 0; i < 400; i++) {
      const day = this.localDay(date)
      if (!day.covered) provisional = true
      const next = day.nextStart
      if (day.working) {
        if (remaining <= next - cursor) {
          const due = cursor + remaining
          return { dueAt: new Date(due === next ? next - 1 : due), provisional }
        }
        remaining -= next - cursor
      }
      cursor = next
      date = day.next
    }
    throw new RangeError('no working day within 400 days')
  }

  /** A local date's facts, kept (dates parse and format as strings: microseconds per step). */
  private localDay(date: string): LocalDay {
    let day = this.days.get(date)
    if (!day) {
      const next = addDays(date, 1)
      day = { working: this.isWorkingDay(date), covered: this.isCovered(date), next, nextStart: startOfLocalDate(next, this.timeZone).getTime() }
      if (this.days.size >= 1000) this.days.clear()
      this.days.set(date, day)
    }
    return day
  }

  /**
   * Working days from `from` to `to`, counted as `addWorkingDays` counts them: the working
   * days after the local date of `from`, up to and including the local date of `to`.
   * So at the deadline `addWorkingDays(from, n)` the result is n, and a reply on Monday to a
   * message of the Friday before took 1 working day. Whether a reply was late is for the
   * deadline instant to say: a reply on the Saturday after a Friday deadline is late, yet no
   * further working day has passed. 0 when `to` is not on a later local date than `from`.
   */
  workingDaysBetween(from: Date, to: Date): number {
    const last = localDate(to, this.timeZone)
    let count = 0
    for (let date = addDays(localDate(from, this.timeZone), 1); date <= last; date = addDays(date, 1)) {
      if (this.isWorkingDay(date)) count++
    }
    return count
  }

  startOfLocalDay(at: Date): Date {
    return startOfLocalDay(at, this.timeZone)
  }

  endOfLocalDay(at: Date): Date {
    return endOfLocalDay(at, this.timeZone)
  }
}

const HOUR = 3_600_000
