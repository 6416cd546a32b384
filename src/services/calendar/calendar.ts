import type { Clock } from '../../clock.js'
import { BusinessCalendar } from '../../domain/business-calendar.js'
import { checkHolidayFile, type HolidayYear } from '../../domain/holiday-cn.js'
import { UnprocessableError } from '../../errors.js'
import type { CalendarYearRecord, Store } from '../../store/ports.js'
import type { AuditTrail } from '../audit.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import type { SlaPolicy } from '../../domain/sla.js'
import { settleProvisionalDeadlines } from './calendar-settle.js'
import { coverageWarning } from '../../domain/calendar-coverage-words.js'

/** Where deadlines get the calendar from: the years held in the store, kept fresh. */
export interface CalendarSource {
  current(): Promise<BusinessCalendar>
}

export interface CalendarCoverage {
  coveredYears: number[]
  /** The first and last day of the next `lookaheadDays` that no imported year covers; null when all are covered. */
  uncovered: { from: string; to: string; years: number[] } | null
  /** For the console and the log: what is missing and what to do, in plain Chinese; null when nothing is. */
  warning: string | null
}

export interface CalendarYearSummary {
  year: number
  daysOff: number
  workdays: number
  importedAt: Date
  importedBy: string
}

export interface CalendarPolicy {
  timeZone: string
  /** How far ahead the calendar must be known before the console and /readyz warn. */
  lookaheadDays: number
  /** Another instance may have imported a year: reload from the store at most this often. */
  reloadMs: number
  /** To count again the deadlines that were provisional once a year is imported. */
  sla: SlaPolicy
}

/**
 * The business calendar kept in the store: seeded with the bundled years on first open,
 * extended one year at a time from the official schedule (holiday-cn files), and asked how
 * far ahead it is known.
 */
export class CalendarService implements CalendarSource {
  private calendar: BusinessCalendar
  private years: CalendarYearRecord[] = []
  private loadedAt = Number.NEGATIVE_INFINITY

  private readonly store: Pick<Store, 'calendar' | 'cases'>
  private readonly audit: AuditTrail
  private readonly clock: Clock
  private readonly policy: CalendarPolicy
  private readonly bundled: () => HolidayYear[]

  constructor(deps: { store: Pick<Store, 'calendar' | 'cases'>; audit: AuditTrail; clock: Clock; policy: CalendarPolicy; bundled: () => HolidayYear[] }) {
    ;({ store: this.store, audit: this.audit, clock: this.clock, policy: this.policy, bundled: this.bundled } = deps)
    this.calendar = BusinessCalendar.fromYears(this.policy.timeZone, [])
  }

  /** The business time zone, in which deadlines are counted and read. */
  get timeZone(): string {
    return this.policy.timeZone
  }

  /** Seeds an empty store with the bundled years, then loads what the store holds. */
  async open(): Promise<CalendarCoverage> {
    const now = this.clock.now()
    await this.store.calendar.seedIfEmpty(this.bundled().map((y) => ({ ...y, importedAt: now, importedBy: 'bundled' })))
    await this.reload()
    return this.coverage()
  }

  async current(): Promise<BusinessCalendar> {
    if (this.clock.now().getTime() - this.loadedAt >= this.policy.reloadMs) await this.reload()
    return this.calendar
  }

  async list(): Promise<CalendarYearSummary[]> {
    await this.reload()
    return this.years.map((y) => ({
      year: y.year,
      daysOff: y.days.filter((d) => d.isOffDay).length,
      workdays: y.days.filter((d) => !d.isOffDay).length,
      importedAt: y.importedAt,
      importedBy: y.importedBy,
    }))
  }

  /**
   * Imports one year file in the holiday-cn format, replacing that year if it was held. A file
   * with any problem changes nothing and is refused with every problem listed.
   */
  async importYear(
    file: unknown,
    actor: StaffPrincipal | null,
    importedBy = actor?.id ?? 'cli',
  ): Promise<{ year: CalendarYearSummary; replaced: boolean; settledCases: number }> {
    const checked = checkHolidayFile(file)
    if (!checked.ok) throw new UnprocessableError('节假日文件有问题，未导入', checked.problems, 'calendar_invalid')
    const replaced = (await this.store.calendar.listYears()).some((y) => y.year === checked.year.year)
    const record = { ...checked.year, importedAt: this.clock.now(), importedBy }
    await this.store.calendar.replaceYear(record)
    const daysOff = record.days.filter((d) => d.isOffDay).length
    await this.reload()
    // Open cases whose deadlines were guessed for this year now follow the official schedule.
    const settledCases = await settleProvisionalDeadlines(this.store, this.calendar, this.policy.sla, this.clock.now())
    await this.audit.record(
      actor,
      replaced ? 'calendar.replaced' : 'calendar.imported',
      { kind: 'calendar_year', id: String(record.year) },
      {
        daysOff,
        workdays: record.days.length - daysOff,
        by: importedBy,
        settledCases,
      },
    )
    return { year: { year: record.year, daysOff, workdays: record.days.length - daysOff, importedAt: record.importedAt, importedBy }, replaced, settledCases }
  }

  /** Whether the next `lookaheadDays` are covered by imported years. */
  async coverage(): Promise<CalendarCoverage> {
    await this.current()
    const coveredYears = this.years.map((y) => y.year)
    const missing = this.calendar.uncoveredDates(this.clock.now(), this.policy.lookaheadDays)
    if (missing.length === 0) return { coveredYears, uncovered: null, warning: null }
    const years = [...new Set(missing.map((d) => Number(d.slice(0, 4))))]
    const [from, to] = [missing[0], missing.at(-1)!]
    const uncovered = { from, to, years }
    return { coveredYears, uncovered, warning: coverageWarning(uncovered, 'operator') }
  }

  private async reload() {
    this.years = await this.store.calendar.listYears()
    this.calendar = BusinessCalendar.fromYears(this.policy.timeZone, this.years)
    this.loadedAt = this.clock.now().getTime()
  }
}
