import { ancestry } from '../../domain/region-tree.js'
import { NotFoundError } from '../../errors.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import { districtOfStation, type DirectoryCache, type PreparedDirectory } from '../directory/directory-cache.js'

type DeputyEntry = PreparedDirectory['deputies'] extends Map<string, infer D> ? D : never

/**
 * Whose records a console user sees: station staff their stations' deputies, a district
 * organizer the deputies of stations in their districts, city organizers and admins everyone.
 * Writes (reviews, rules, 述职评议) are held to the same scope.
 */
export class RecordScope {
  constructor(private readonly directory: Pick<DirectoryCache, 'prepared'>) {}

  sees(staff: StaffPrincipal, deputy: Pick<DeputyEntry, 'stationIds'>, dir: PreparedDirectory): boolean {
    if (staff.role === 'admin' || (staff.role === 'organizer' && !staff.regionIds.length)) return true
    if (staff.role === 'station_staff') return deputy.stationIds.some((s) => staff.stationIds.includes(s))
    if (staff.role !== 'organizer') return false
    return deputy.stationIds.some((s) =>
      (dir.stations.get(s)?.regionIds ?? []).some((rid) => ancestry(rid, dir.regions).some((r) => staff.regionIds.includes(r.id))),
    )
  }

  /** The deputy, if this person may see them; not visible is not found, so nobody learns who is elsewhere. */
  async deputy(staff: StaffPrincipal, deputyId: string): Promise<DeputyEntry> {
    const dir = await this.directory.prepared()
    const deputy = dir.deputies.get(deputyId)
    if (!deputy || !this.sees(staff, deputy, dir)) throw new NotFoundError('代表不存在')
    return deputy
  }

  /** Every deputy this person sees, by code. */
  async deputies(staff: StaffPrincipal): Promise<DeputyEntry[]> {
    const dir = await this.directory.prepared()
    return [...dir.deputies.values()].filter((d) => this.sees(staff, d, dir)).sort((a, b) => a.code.localeCompare(b.code))
  }

  /** The stations this person sees (a district organizer: those covering places in their districts); null: every one. */
  async stations(staff: StaffPrincipal): Promise<string[] | null> {
    if (staff.role === 'admin' || (staff.role === 'organizer' && !staff.regionIds.length)) return null
    if (staff.role === 'station_staff') return [...staff.stationIds]
    if (staff.role !== 'organizer') return []
    const dir = await this.directory.prepared()
    return [...dir.stations.values()]
      .filter((st) => st.regionIds.some((rid) => ancestry(rid, dir.regions).some((r) => staff.regionIds.includes(r.id))))
      .map((st) => st.id)
  }

  /** The office whose rules count a deputy's points: the district of their first station, or the city. */
  async officeOf(deputy: Pick<DeputyEntry, 'stationIds'>): Promise<string | null> {
    const dir = await this.directory.prepared()
    const first = deputy.stationIds[0]
    return first ? districtOfStation(first, dir) : null
  }
}
