import type { Clock } from '../../clock.js'
import { statsFromCounts } from '../../domain/case-stats.js'
import type { Store } from '../../store/ports.js'
import type { CaseFilters, CaseQueries } from './case-queries.js'
import type { DirectoryCache } from '../directory/directory-cache.js'
import type { StaffPrincipal } from '../accounts/principal.js'

export type StatsGrouping = 'station' | 'district' | 'topic' | 'deputy' | 'department'

/**
 * Statistics for organizers and responsiveness for 述职评议: per station, district,
 * deputy or department, over any period, within what the caller may see.
 */
export class CaseReports {
  constructor(
    private readonly store: Pick<Store, 'cases'>,
    private readonly queries: CaseQueries,
    private readonly directory: DirectoryCache,
    private readonly clock: Clock,
  ) {}

  async stats(staff: StaffPrincipal, groupBy: StatsGrouping, filters: CaseFilters) {
    const filter = await this.queries.scopedFilter(staff, filters)
    const now = this.clock.now()
    // Counted and the middle times found in the store: the cases in scope (a province's million) never leave it.
    // The overall figures with the groups' in one call: the store counts both in one pass where it can.
    const [[overall, ...groups], [overallMiddle], middles] = await Promise.all([
      this.store.cases.tally(filter, { now, groupBy, topics: true, overall: true }),
      this.store.cases.middleTimes(filter),
      this.store.cases.middleTimes(filter, groupBy),
    ])
    const middleOf = new Map(middles.map((m) => [m.key, m]))
    const names = await this.namer(groupBy)
    return {
      overall: statsFromCounts(overall, overallMiddle),
      groupBy,
      groups: groups
        .map((t) => ({ key: t.key!, stats: statsFromCounts(t, middleOf.get(t.key) ?? { ack: null, reply: null }) }))
        .sort((a, b) => a.key.localeCompare(b.key))
        .map(({ key, stats }) => ({ key, name: names(key), stats })),
    }
  }

  private async namer(groupBy: StatsGrouping): Promise<(key: string) => string> {
    const prepared = await this.directory.prepared()
    switch (groupBy) {
      case 'station':
        return (key) => prepared.stations.get(key)?.name ?? key
      case 'district':
        return (key) => prepared.regions.get(key)?.name ?? key
      case 'deputy':
        return (key) => prepared.deputies.get(key)?.name ?? key
      default:
        return (key) => key
    }
  }
}
