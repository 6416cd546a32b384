import type { Clock } from '../../clock.js'
import { caseDashboard, dashboardPeriods } from '../../domain/case-dashboard.js'
import type { Store } from '../../store/ports.js'
import type { CaseQueries } from './case-queries.js'
import type { DirectoryCache } from '../directory/directory-cache.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import type { CaseDashboard } from '../../domain/case-dashboard.js'
import type { PreparedDirectory } from '../directory/directory-cache.js'
import { KeptAnswers } from './kept-answers.js'
import { dutyAhead, type DutyDay } from '../../domain/duty-ahead.js'
import { dutyDatesAt } from '../../domain/duty-days.js'
import type { DutyClashes } from '../directory/duty-clashes.js'
import { officesInScope } from '../../domain/office-name.js'

/** How far 群众不满意 is counted: well past any scope's (a few in a hundred of a year's messages). */
const UNHAPPY_COUNT_BOUND = 100_000

/** How far the merged messages are counted: a few in a hundred of a scope's, read through their own index. */
const MERGED_COUNT_BOUND = 100_000

/** Dashboards kept between requests: one per scope and day (a few organizers and the admins), the last asked kept. */
const KEPT_DASHBOARDS = 16

export interface CaseDashboardServiceDeps {
  store: Store
  queries: CaseQueries
  directory: DirectoryCache
  clock: Clock
  timeZone: string
  /** Says under a duty day when a deputy on duty is expected at a meeting that day (与会议时间冲突：…). */
  clashes?: Pick<DutyClashes, 'clashesOn'>
}

/** The dashboard over the cases the caller may see (a district organizer: their district only; a station clerk: her station). */
export class CaseDashboardService {
  private readonly store: Store
  private readonly queries: CaseQueries
  private readonly directory: DirectoryCache
  private readonly clock: Clock
  private readonly timeZone: string
  private readonly clashes: Pick<DutyClashes, 'clashesOn'> | null

  constructor(deps: CaseDashboardServiceDeps) {
    ;({ store: this.store, queries: this.queries, directory: this.directory, clock: this.clock, timeZone: this.timeZone } = deps)
    this.clashes = deps.clashes ?? null
  }

  private readonly kept = new KeptAnswers<CaseDashboard>(KEPT_DASHBOARDS)

  /**
   * The same scope asked again on the same day while no case was written, no deadline passed and the directory was not
   * reloaded gets the dashboard kept from before (the store's `figuresMark`): an admin's counts every station, district
   * and deputy of a province anew otherwise.
   */
  async forStaff(staff: StaffPrincipal): Promise<CaseDashboard> {
    const scope = await this.queries.scopedFilter(staff, {})
    const now = this.clock.now()
    const periods = dashboardPeriods(now, this.timeZone)
    const { cases } = this.store
    // The mark before the figures: a case written while they are read leaves them under an older mark, never a newer one.
    const mark = await cases.figuresMark(now)
    const names = await this.directory.prepared()
    const question = JSON.stringify([scope, periods])
    const kept = this.kept.get(question, mark, names)
    const answer = kept ?? Object.freeze(await this.count(scope, now, periods, names))
    if (!kept) this.kept.keep(question, mark, names, answer)
    // A station clerk's day starts with who receives residents next; added outside the kept figures, which a
    // street organizer with the same stations shares.
    if (staff.role !== 'station_staff') return answer
    return { ...answer, duty: await this.withClashes(this.dutyAt(staff.stationIds, periods.today, names), staff.stationIds, names) }
  }

  /** Each duty day with the meetings its deputies are expected at that day, said under it (与会议时间冲突：…). */
  private async withClashes(days: DutyDay[], stationIds: readonly string[], prepared: PreparedDirectory): Promise<DutyDay[]> {
    if (!this.clashes || !days.length) return days
    // The day names its station by name: her own few stations, each found back by it.
    const idOf = new Map(stationIds.flatMap((id) => (prepared.stations.get(id) ? [[prepared.stations.get(id)!.name, id] as const] : [])))
    const at = days.map((day) => {
      const stationId = idOf.get(day.stationName) ?? ''
      const sitting = (prepared.index.deputiesOfStation.get(stationId) ?? []).filter((d) => dutyDatesAt(d.dutyByStation, stationId).includes(day.date))
      return { stationId, date: day.date, deputies: sitting.map((d) => ({ id: d.id, name: d.name })) }
    })
    const lines = await this.clashes.clashesOn(at)
    return days.map((day, i) => (lines[i].length ? { ...day, clashes: lines[i] } : day))
  }

  /** The next days a deputy is on duty at these stations (近期值班), those paused that day (请假) or gone (已离任) marked. */
  private dutyAt(stationIds: readonly string[], today: string, prepared: PreparedDirectory): DutyDay[] {
    // Each deputy with his pause (away): a paused one is marked on the days it covers, as routing skips him then.
    // One who left office is not among the station's (routing's) deputies, but his days ahead are still on its roster:
    // he is listed on them marked 已离任, as the roster marks him, so the clerk arranges someone else.
    const left = [...prepared.index.deputies.values()].filter((d) => d.active === false)
    const stations = stationIds.flatMap((id) => {
      const station = prepared.stations.get(id)
      const gone = left.filter((d) => d.stationIds.includes(id))
      return station ? [{ id, name: station.name, deputies: [...(prepared.index.deputiesOfStation.get(id) ?? []), ...gone] }] : []
    })
    return dutyAhead(stations, today)
  }

  private async count(
    scope: Awaited<ReturnType<CaseQueries['scopedFilter']>>,
    now: Date,
    periods: ReturnType<typeof dashboardPeriods>,
    prepared: PreparedDirectory,
  ): Promise<CaseDashboard> {
    const { cases } = this.store
    // Every figure is counted in the store (a scope's counts are kept there as cases change); the cases
    // in scope (an admin's: all of them) are never read out. New cases today and each week: one count.
    // The whole scope's figures come with the stations' (`overall`): one reading of the kept counts, not two.
    // The messages no deputy holds (a queue: a few in a scope) are counted apart, for the row that makes the
    // deputies' add up. A scope of stations alone (a clerk's, a street's) never holds a message at an office.
    // 群众不满意 as the inbox's 只看群众不满意 lists it: the scope with the filter's own term (CaseFilter.unhappy, one
    // definition in the store's SQL), counted as the list counts it; a few in a hundred, read through their own index.
    // Every deputy's bar (the statistics' ranking, kept by the store between looks): 按代表 shows the slowest first, and
    // says of how many, what the others hold and how many of them are late.
    // A district office's new messages are those it handles, as its 分析周报 counts them (handledIn).
    const handledIn = handledDistrict(scope)
    const arrived = handledIn ? { handlingDistrictIds: [handledIn] } : scope
    // The messages merged into another, which 按代表 counts for nobody: said under it, so that it and the weekly bars add up.
    const [district, [all, ...station], deputy, [newToday, ...weeks], [unassigned], unhappy, merged] = await Promise.all([
      cases.tally(scope, { now, groupBy: 'handlingDistrict' }),
      cases.tally(scope, { now, groupBy: 'station', overall: true }),
      cases.deputyBars(scope, now),
      cases.countByPeriod(arrived, [{ from: periods.dayStart }, ...periods.weeks]),
      cases.tally({ ...scope, statuses: ['submitted'] }, { now }),
      cases.countUpTo({ ...scope, unhappy: true }, UNHAPPY_COUNT_BOUND),
      cases.countUpTo({ ...scope, merged: true }, MERGED_COUNT_BOUND),
    ])
    return caseDashboard(
      periods,
      { all, district, station, deputy, newToday, weeks, unassigned, offices: !scope.stationIds, unhappy, merged, handledIn: handledIn ?? undefined },
      {
        district: (id) => prepared.regions.get(id)?.name ?? id,
        station: (id) => prepared.stations.get(id)?.name ?? id,
        deputy: (id) => prepared.deputies.get(id)?.name ?? id,
        // One district's office by its name, as the inbox names it; several offices (the city's, an admin's) in one row.
        office: officesInScope(scope, prepared) ?? undefined,
      },
    )
  }
}

/**
 * The district a scope is one district office's (an organizer of one district, nothing else), whose new messages are
 * those it handles (CaseFilter.handlingDistrictIds); null for any other scope (the city's, stations', several places'),
 * whose new messages are all it may see.
 */
function handledDistrict(scope: Awaited<ReturnType<CaseQueries['scopedFilter']>>): string | null {
  return scope.districtIds?.length === 1 && !scope.stationIds && !scope.districtsOrStations ? scope.districtIds[0] : null
}
