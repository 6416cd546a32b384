import type { Clock } from '../../clock.js'
import { caseDashboard } from '../../domain/case-dashboard.js'
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
    const cases = await this.store.cases.listForStats(await this.queries.scopedFilter(staff, {}))
    const prepared = await this.directory.prepared()
    return caseDashboard(cases, this.clock.now(), this.timeZone, {
      district: (id) => prepared.regions.get(id)?.name ?? id,
      station: (id) => prepared.stations.get(id)?.name ?? id,
      deputy: (id) => prepared.deputies.get(id)?.name ?? id,
    })
  }
}
