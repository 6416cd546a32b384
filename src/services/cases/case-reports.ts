import type { Clock } from '../../clock.js'
import type { CaseRecord } from '../../domain/case.js'
import { caseStats, groupedStats } from '../../domain/case-stats.js'
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
    const cases = await this.store.cases.listForStats(await this.queries.scopedFilter(staff, filters))
    const now = this.clock.now()
    const names = await this.namer(groupBy)
    return {
      overall: caseStats(cases, now),
      groupBy,
      groups: groupedStats(cases, keyFor(groupBy), now).map(({ key, stats }) => ({ key, name: names(key), stats })),
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

function keyFor(groupBy: StatsGrouping): (c: CaseRecord) => string | null {
  switch (groupBy) {
    case 'station':
      return (c) => c.stationId
    case 'district':
      return (c) => c.districtId
    case 'topic':
      return (c) => c.topic
    case 'deputy':
      return (c) => c.deputyId
    case 'department':
      return (c) => c.forwardedTo?.department ?? null
  }
}
