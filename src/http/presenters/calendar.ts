import type { CalendarCoverage, CalendarYearSummary } from '../../services/calendar/calendar.js'

export const presentCalendarYear = (y: CalendarYearSummary) => ({
  year: y.year,
  daysOff: y.daysOff,
  workdays: y.workdays,
  importedAt: y.importedAt.toISOString(),
  importedBy: y.importedBy,
})

export const presentCoverage = (c: CalendarCoverage) => ({
  coveredYears: c.coveredYears,
  uncovered: c.uncovered ? { from: c.uncovered.from, to: c.uncovered.to, years: c.uncovered.years } : null,
  /** Shown as is by the console: what is missing and how to add it. */
  warning: c.warning,
})

export const presentCalendar = (years: CalendarYearSummary[], coverage: CalendarCoverage) => ({
  years: years.map(presentCalendarYear),
  coverage: presentCoverage(coverage),
})
