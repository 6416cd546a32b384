import { coverageWarning } from '../../domain/calendar-coverage-words.js'
import type { CalendarCoverage, CalendarYearSummary } from '../../services/calendar/calendar.js'

export const presentCalendarYear = (y: CalendarYearSummary) => ({
  year: y.year,
  daysOff: y.daysOff,
  workdays: y.workdays,
  importedAt: y.importedAt.toISOString(),
  importedBy: y.importedBy,
})

/** Who reads it: the administrator imports on 工作日历 himself; other staff are told who does; /readyz, where. */
export type CalendarReader = 'admin' | 'staff' | 'operator'
export const calendarReader = (role: string): CalendarReader => (role === 'admin' ? 'admin' : 'staff')

export const presentCoverage = (c: CalendarCoverage, reader: CalendarReader) => ({
  coveredYears: c.coveredYears,
  uncovered: c.uncovered ? { from: c.uncovered.from, to: c.uncovered.to, years: c.uncovered.years } : null,
  /** Shown as is by the console: what is missing and the next step for the one reading it. */
  warning: c.uncovered ? coverageWarning(c.uncovered, reader) : null,
})

export const presentCalendar = (years: CalendarYearSummary[], coverage: CalendarCoverage, reader: CalendarReader) => ({
  years: years.map(presentCalendarYear),
  coverage: presentCoverage(coverage, reader),
})
