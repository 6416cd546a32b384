import { scopeHasStation, type StaffScope } from '../../domain/staff-scope.js'
import { NotFoundError } from '../../errors.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import { districtOfStation, type DirectoryCache, type PreparedDirectory } from '../directory/directory-cache.js'

type DeputyEntry = PreparedDirectory['deputies'] extends Map<string, infer D> ? D : never

/**
 * Whose records a console user sees: station staff their stations' deputies, an organizer
 * of districts or streets the deputies of stations there (domain/staff-scope.ts), city
 * organizers and admins everyone.
 * Writes (reviews, rules, 述职评议) are held to the same scope.
 */
export class RecordScope {
  constructor(private readonly directory: Pick<DirectoryCache, 'prepared' | 'scopeOf'>) {}

  /** The deputy, if this person may see them; not visible is not found, so nobody learns who is elsewhere. */
  async deputy(staff: StaffPrincipal, deputyId: string): Promise<DeputyEntry> {
    const [dir, scope] = await Promise.all([this.directory.prepared(), this.directory.scopeOf(staff)])
    const deputy = dir.deputies.get(deputyId)
    if (!deputy || !sees(staff, scope, deputy, dir)) throw new NotFoundError('代表不存在')
    return deputy
  }

  /** Every deputy this person sees, by code. */
  async deputies(staff: StaffPrincipal): Promise<DeputyEntry[]> {
    const [dir, scope] = await Promise.all([this.directory.prepared(), this.directory.scopeOf(staff)])
    return [...dir.deputies.values()].filter((d) => sees(staff, scope, d, dir)).sort((a, b) => a.code.localeCompare(b.code))
  }

  /** The stations this person sees (a district organizer: those covering places in their districts); null: every one. */
  async stations(staff: StaffPrincipal): Promise<string[] | null> {
    if (staff.role === 'station_staff') return [...staff.stationIds]
    const scope = await this.directory.scopeOf(staff)
    if (scope.kind !== 'regions') return scope.kind === 'city' ? null : []
    const dir = await this.directory.prepared()
    return [...dir.stations.values()].filter((st) => scopeHasStation(scope, st)).map((st) => st.id)
  }

  /** A region's name (a district's, for the record's 其中澜东区 3 条), its id when it is gone. */
  async regionName(id: string): Promise<string> {
    return (await this.directory.prepared()).regions.get(id)?.name ?? id
  }

  /** The office whose rules count a deputy's points: the district of their first station, or the city. */
  async officeOf(deputy: Pick<DeputyEntry, 'stationIds'>): Promise<string | null> {
    const dir = await this.directory.prepared()
    const first = deputy.stationIds[0]
    return first ? districtOfStation(first, dir) : null
  }
}

/** Whether this person sees the deputy, by the scope judged once for the request. */
function sees(staff: StaffPrincipal, scope: StaffScope, deputy: Pick<DeputyEntry, 'stationIds'>, dir: PreparedDirectory): boolean {
  if (staff.role === 'station_staff') return deputy.stationIds.some((s) => staff.stationIds.includes(s))
  return scope.kind === 'city' || (scope.kind === 'regions' && deputy.stationIds.some((s) => scopeHasStation(scope, dir.stations.get(s))))
}
