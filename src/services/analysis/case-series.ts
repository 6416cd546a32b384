import type { Clock } from '../../clock.js'
import type { CaseRecord } from '../../domain/case.js'
import { caseSeries, periodStart, type SeriesInterval } from '../../domain/case-series.js'
import type { Store } from '../../store/ports.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import type { CaseFilters, CaseQueries } from '../cases/case-queries.js'
import { namer, type DirectoryNames } from './directory-names.js'

export type SeriesGrouping = 'community' | 'district' | 'topic' | 'station' | 'all'

const DAY = 86_400_000
/** How far back a series reaches when the caller names no start. */
const DEFAULT_SPAN: Record<SeriesInterval, number> = { day: 30, week: 12 * 7, month: 365 }

export interface CaseSeriesReportDeps {
  store: Pick<Store, 'cases'>
  queries: Pick<CaseQueries, 'scopedFilter'>
  directory: DirectoryNames
  clock: Clock
  options: { timeZone: string }
}

/**
 * Messages over time by the resident's place (down to community), topic or station, within
 * what the caller may see: the shape of a trend, for charts and for 分析研判.
 */
export class CaseSeriesReport {
  private readonly store: Pick<Store, 'cases'>
  private readonly queries: Pick<CaseQueries, 'scopedFilter'>
  private readonly directory: DirectoryNames
  private readonly clock: Clock
  private readonly options: { timeZone: string }

  constructor(deps: CaseSeriesReportDeps) {
    ;({ store: this.store, queries: this.queries, directory: this.directory, clock: this.clock, options: this.options } = deps)
  }

  /**
   * Every message received counts, one merged into another too (合并办理: a resident who wrote), as 工作概览's weekly bars
   * and 分析周报 count them: the lines add up to the same total (review 38 § 9). With no start named, the series starts
   * at the beginning of a period, so its first one is whole; `open` is the period under way, cut short by now.
   */
  async series(staff: StaffPrincipal, interval: SeriesInterval, groupBy: SeriesGrouping, filters: CaseFilters) {
    // Nothing is counted past now: an end asked for later (the month's end) ends now, its period then under way.
    const now = this.clock.now()
    const to = filters.to && filters.to < now ? filters.to : now
    const from = filters.from ?? periodStart(new Date(to.getTime() - DEFAULT_SPAN[interval] * DAY), interval, this.options.timeZone)
    const cases = await this.store.cases.listForStats(await this.queries.scopedFilter(staff, { ...filters, from, to }))
    const { periods, lines, open } = caseSeries(cases, keyOf(groupBy), { interval, from, to, timeZone: this.options.timeZone })
    const name = await namer(this.directory)
    const label = (key: string) =>
      groupBy === 'community' || groupBy === 'district'
        ? name('region', key)
        : groupBy === 'station'
          ? name('station', key)
          : groupBy === 'all'
            ? '全部留言'
            : key
    return { interval, groupBy, from, to, periods, open, lines: lines.map((l) => ({ ...l, name: label(l.key) })) }
  }
}

function keyOf(groupBy: SeriesGrouping): (c: CaseRecord) => string | null {
  switch (groupBy) {
    case 'community':
      return (c) => c.communityId
    case 'district':
      return (c) => c.districtId
    case 'topic':
      return (c) => c.topic
    case 'station':
      return (c) => c.stationId
    case 'all':
      return () => 'all'
  }
}
