import type { Clock } from '../../clock.js'
import { caseDashboard } from '../../domain/case-dashboard.js'
import type { Store } from '../../store/ports.js'
import type { CaseQueries } from './case-queries.js'
import type { DirectoryCache } from '../directory/directory-cache.js'
import type { StaffPrincipal } from '../accounts/principal.js'

/** The organizers' dashboard over the cases they may see (a district organizer: their district only). */
export class CaseDashboardService {
  constructor(
    private readonly store: Store,
    private readonly queries: CaseQueries,
    private readonly routing: DirectoryCache,
    private readonly clock: Clock,
    private readonly timeZone: string,
  ) {}

  async forStaff(staff: StaffPrincipal) {
    const cases = await this.store.cases.listForStats(await this.queries.scopedFilter(staff, {}))
    const prepared = await this.routing.prepared()
    return caseDashboard(cases, this.clock.now(), this.timeZone, {
      district: (id) => prepared.regions.get(id)?.name ?? id,
      station: (id) => prepared.stations.get(id)?.name ?? id,
      deputy: (id) => prepared.deputies.get(id)?.name ?? id,
    })
  }
}
