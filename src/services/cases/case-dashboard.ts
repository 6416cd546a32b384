import type { Clock } from '../../clock.js'
import { BAR_LIMITS, caseDashboard, dashboardPeriods } from '../../domain/case-dashboard.js'
import type { Store } from '../../store/ports.js'
import type { CaseQueries } from './case-queries.js'
import type { DirectoryCache } from '../directory/directory-cache.js'
import type { StaffPrincipal } from '../accounts/principal.js'

export interface CaseDashboardServiceDeps {
  store: Store
  queries: CaseQueries
  directory: DirectoryCache
  clock: Clock
  timeZone: string
}

/** The organizers' dashboard over the cases they may see (a district organizer: their district only). */
export class CaseDashboardService {
  private readonly store: Store
  private readonly queries: CaseQueries
  private readonly directory: DirectoryCache
  private readonly clock: Clock
  private readonly timeZone: string

  constructor(deps: CaseDashboardServiceDeps) {
    ;({ store: this.store, queries: this.queries, directory: this.directory, clock: this.clock, timeZone: this.timeZone } = deps)
  }

  async forStaff(staff: StaffPrincipal) {
    const scope = await this.queries.scopedFilter(staff, {})
    const now = this.clock.now()
    const periods = dashboardPeriods(now, this.timeZone)
    const { cases } = this.store
    // Every figure is counted in the store (a scope's counts are kept there as cases change); the cases
    // in scope (an admin's: all of them) are never read out. New cases today and each week: one count.
    const [[all], district, station, deputy, [newToday, ...weeks]] = await Promise.all([
      cases.tally(scope, { now }),
      cases.tally(scope, { now, groupBy: 'handlingDistrict' }),
      cases.tally(scope, { now, groupBy: 'station' }),
      cases.busiestDeputies(scope, { now, top: BAR_LIMITS.deputy }),
      cases.countByPeriod(scope, [{ from: periods.dayStart }, ...periods.weeks]),
    ])
    const prepared = await this.directory.prepared()
    return caseDashboard(
      periods,
      { all, district, station, deputy, newToday, weeks },
      {
        district: (id) => prepared.regions.get(id)?.name ?? id,
        station: (id) => prepared.stations.get(id)?.name ?? id,
        deputy: (id) => prepared.deputies.get(id)?.name ?? id,
      },
    )
  }
}
