import type { Clock } from '../../clock.js'
import { GONE } from '../../domain/choice-words.js'
import { DEPUTY_LOAD_STATUSES } from '../../domain/case.js'
import { startOfLocalDate } from '../../domain/business-calendar.js'
import { mondayOf } from '../../domain/case-series.js'
import { localDate } from '../../domain/dates.js'
import { downloadFileName } from '../../domain/export-file-names.js'
import { placesName } from '../../domain/office-name.js'
import { composeWeeklyReport, deputyOrder, LIST_LENGTH, type WeeklyReport } from '../../domain/weekly-report.js'
import { ForbiddenError, UnprocessableError, ValidationError } from '../../errors.js'
import { caseScopeOf, staffScope } from '../../domain/staff-scope.js'
import type { CaseFilter, Store } from '../../store/ports.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import { csvSheet } from '../csv-sheet.js'
import { weeklyReportSheet } from './weekly-report-sheet.js'
import { namer, type DirectoryNames } from './directory-names.js'
import { WeeklyLivelihood } from './weekly-livelihood.js'

const DAY = 86_400_000
export const CITY = 'city'

/**
 * The weekly report of a district or the city: made for last week every Monday by a job
 * (and its figures kept as made), or on demand for any week; organizers see their own districts', the
 * city office and admins every one. A street's (a street organizer's, on demand) counts the
 * messages of the liaison stations in the street, as the street's organizers see them. Each
 * report also says where the 民生实事 years its place follows stand (weekly-livelihood.ts).
 */
export class WeeklyReports {
  private readonly livelihood: WeeklyLivelihood

  constructor(
    private readonly store: Pick<Store, 'cases' | 'analysis' | 'regions' | 'livelihood' | 'units' | 'surveys'>,
    private readonly directory: DirectoryNames,
    private readonly clock: Clock,
    private readonly options: { timeZone: string; reportGraceDays: number },
  ) {
    this.livelihood = new WeeklyLivelihood(store, directory, options)
  }

  /** The Monday of the week before the one `at` is in. */
  lastWeek(at = this.clock.now()): string {
    return mondayOf(localDate(new Date(at.getTime() - 7 * DAY), this.options.timeZone))
  }

  /**
   * Who may read a scope's report: the city's, admins and the city office; a district's or a
   * street's, admins and the organizers it lies within (a district's office reads each of its
   * streets' too). Any other place has no report: 422, so that no report is kept for it.
   */
  async assertMayRead(staff: StaffPrincipal, scope: string) {
    const cityWide = staff.role === 'admin' || (staff.role === 'organizer' && staff.regionIds.length === 0)
    if (scope === CITY) {
      if (cityWide) return
      throw new ForbiddenError('只能查看本辖区的分析报告', 'outside_scope')
    }
    const { regions } = await this.directory.prepared()
    const region = regions.get(scope)
    if (!region || (region.kind !== 'district' && region.kind !== 'street'))
      throw new UnprocessableError(
        '没有这个区县或街道',
        [{ path: 'query.scope', message: region ? `${region.name}不是区县或街道` : GONE.area }],
        'unknown_area',
      )
    if (staff.role === 'organizer' && staffScope(staff, regions).covers(scope)) return
    if (staff.role === 'admin') return
    throw new ForbiddenError('只能查看本辖区的分析报告', 'outside_scope')
  }

  /** The scope a caller gets when they name none: their (first) district or street, or the city. */
  defaultScope(staff: StaffPrincipal): string {
    return staff.role === 'organizer' && staff.regionIds.length ? staff.regionIds[0] : CITY
  }

  /** The stored report of that week, or a fresh one (not stored) when none was made. */
  async read(staff: StaffPrincipal, scope: string, week: string): Promise<{ scope: string; week: string; report: WeeklyReport; weeks: string[] }> {
    await this.assertMayRead(staff, scope)
    const monday = this.monday(week)
    const stored = await this.store.analysis.weeklyReport(scope, monday)
    const report = stored ? revive(stored.body) : await this.compose(scope, monday)
    return { scope, week: monday, report, weeks: await this.store.analysis.reportWeeks(scope, 52) }
  }

  /** Makes and keeps a week's report again (on demand). */
  async remake(staff: StaffPrincipal, scope: string, week: string) {
    await this.assertMayRead(staff, scope)
    const monday = this.monday(week)
    const report = await this.compose(scope, monday)
    await this.store.analysis.saveWeeklyReport({ scope, week: monday, generatedAt: report.generatedAt, body: report })
    return { scope, week: monday, report, weeks: await this.store.analysis.reportWeeks(scope, 52) }
  }

  /** The job: last week's report for the city and every district, kept. */
  async makeLastWeek(): Promise<number> {
    const week = this.lastWeek()
    const districts = (await this.store.regions.list()).filter((r) => r.kind === 'district').map((r) => r.id)
    for (const scope of [CITY, ...districts]) {
      const report = await this.compose(scope, week)
      await this.store.analysis.saveWeeklyReport({ scope, week, generatedAt: report.generatedAt, body: report })
    }
    return districts.length + 1
  }

  /**
   * The report's figures as an Excel-safe CSV, and the file name it is saved under, both naming whose it is
   * ("澜江区-分析研判周报-2026-11-23.csv"): two districts' downloads for one meeting are told apart.
   */
  async csvFile(scope: string, report: WeeklyReport): Promise<{ fileName: string; csv: string }> {
    const place = await this.scopeName(scope)
    return {
      fileName: downloadFileName(place, '分析研判周报', [], localDate(report.weekStart, this.options.timeZone)),
      csv: await csvSheet(weeklyReportSheet(report, this.options.timeZone, place)),
    }
  }

  /** The place a report is of, as the page's title names it: the district's or street's name, or 全市. */
  private async scopeName(scope: string): Promise<string> {
    return placesName(scope === CITY ? [] : [scope], (await this.directory.prepared()).regions)
  }

  private monday(week: string): string {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(week) || Number.isNaN(Date.parse(`${week}T00:00:00Z`))) {
      throw new ValidationError('请给出报告所在周的日期，例如 2026-11-23', [{ path: 'query.week', message: 'YYYY-MM-DD' }])
    }
    return mondayOf(week)
  }

  /**
   * The cases a scope's report counts. A district's: the messages its office handles (its handling
   * district, as 工作概览 counts the office's new messages and its 按区 row): one transferred in from
   * another district is its, its resident's sent on to another district's deputy is that district's.
   * A street has no column of its own on a case: its liaison stations' messages, as its organizers
   * see them (staff-scope.ts `caseScopeOf`).
   */
  private async scopeFilter(scope: string): Promise<Pick<CaseFilter, 'handlingDistrictIds' | 'stationIds'>> {
    if (scope === CITY) return {}
    const { regions, stations } = await this.directory.prepared()
    const cases = caseScopeOf(staffScope({ role: 'organizer', regionIds: [scope] }, regions), stations.values())
    return cases.districtIds.length ? { handlingDistrictIds: [scope] } : { stationIds: cases.stationIds }
  }

  private async compose(scope: string, week: string): Promise<WeeklyReport> {
    const weekStart = startOfLocalDate(week, this.options.timeZone)
    const weekEnd = new Date(weekStart.getTime() + 7 * DAY)
    const scoped = await this.scopeFilter(scope)
    const now = this.clock.now()
    // An ended week's backlog is as it stood when the week ended: late by then, written before then.
    // (Judged on the cases still waiting today; one finished since is no longer in the list.)
    const overdueAt = weekEnd < now ? weekEnd : now
    const waiting = { ...scoped, statuses: ['submitted' as const, ...DEPUTY_LOAD_STATUSES], createdTo: weekEnd }
    // The open cases (a province's tens of thousands) are counted in the store; only the most overdue are read.
    // The week's answers by when they were given, whenever the message came (本周答复, 答复最慢的留言), those since sent
    // back for 重新办理 too (a reopen clears the case's own answer time).
    // The ratings given in the week, to a message of any week (满意度).
    const [cases, answered, answersSentBack, rated, openCases, [open], livelihood] = await Promise.all([
      this.store.cases.listForStats({ ...scoped, createdFrom: new Date(weekStart.getTime() - 7 * DAY), createdTo: weekEnd }),
      this.store.cases.listAnsweredIn(scoped, weekStart, weekEnd),
      this.store.cases.listAnswersSentBackIn(scoped, weekStart, weekEnd),
      this.store.cases.listRatedIn(scoped, weekStart, weekEnd),
      this.store.cases.mostOverdue(waiting, overdueAt, LIST_LENGTH),
      this.store.cases.tally(waiting, { now: overdueAt }),
      this.livelihood.section(scope, week, { weekStart, weekEnd, now }),
    ])
    return composeWeeklyReport({
      weekStart,
      weekEnd,
      now,
      overdueAt,
      cases,
      answered,
      answersSentBack,
      rated,
      openCases,
      overdueOpen: open.overdueOpen,
      name: await namer(this.directory),
      livelihood,
    })
  }
}

/** A report read back from JSON: its instants as Dates again. */
function revive(body: unknown): WeeklyReport {
  const r = body as WeeklyReport & Record<string, unknown>
  const d = (v: unknown) => new Date(v as string)
  return {
    ...r,
    weekStart: d(r.weekStart),
    weekEnd: d(r.weekEnd),
    generatedAt: d(r.generatedAt),
    // Kept before reports said how they count: counted the earlier way (countedEarlierText says so).
    counting: typeof r.counting === 'number' ? r.counting : 1,
    topIssues: r.topIssues.map((i) => ({ ...i, firstAt: d(i.firstAt), lastAt: d(i.lastAt) })),
    // Kept before reports had a 民生实事 part: said so, not made up from today's figures.
    livelihood: r.livelihood ?? null,
    // Kept before the deputies' rows were ordered: put in the order the words above the table state (DEPUTY_ORDER_TEXT),
    // every row and figure as kept. Only their order: countedEarlierText's "kept as made" is of the figures.
    byDeputy: [...r.byDeputy].sort(deputyOrder),
  }
}
