import { followedOffice, managedOffices, runsOffice, type LivelihoodCycle } from '../../domain/livelihood.js'
import type { Unit } from '../../domain/directory.js'
import { unitInScope } from '../../domain/unit-scope.js'
import { ForbiddenError, NotFoundError } from '../../errors.js'
import type { Store } from '../../store/ports.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import type { DirectoryCache } from '../directory/directory-cache.js'

/**
 * Whose cycles a console user reads and changes. Writes are held to the read scope: the
 * office (admins, the city's organizers: every cycle; a district organizer: their districts')
 * manages; station staff follow the city's cycle and their district's, read only; a unit's
 * staff reach projects only through their unit.
 */
export class LivelihoodScope {
  constructor(
    private readonly store: Pick<Store, 'livelihood'>,
    private readonly directory: Pick<DirectoryCache, 'stationPlaces' | 'scopeOf'>,
  ) {}

  /** The offices whose cycles `staff` reads; null: every one. */
  async readable(staff: StaffPrincipal): Promise<string[] | null> {
    const managed = managedOffices(staff)
    if (managed === null) return null
    if (staff.role === 'organizer') {
      // A street's 工委 has no 民生实事 year of its own: it follows its district's and the city's (writes stay held to `managed`).
      const { tree } = await this.directory.scopeOf(staff)
      const districts = managed.map((id) => followedOffice(id, tree)).filter((id): id is string => !!id)
      return [...new Set([...managed, ...districts, 'city'])]
    }
    if (staff.role !== 'station_staff') return []
    // The shared cached directory: a station's staff only read (requireOffice refuses their writes).
    const { stationDistrict } = await this.directory.stationPlaces()
    return ['city', ...staff.stationIds.map((s) => stationDistrict.get(s)).filter((d): d is string => !!d)]
  }

  /** Not readable is not found: nobody learns of another office's cycle. */
  async visible(staff: StaffPrincipal, id: string): Promise<LivelihoodCycle> {
    const cycle = await this.store.livelihood.getCycle(id)
    const readable = await this.readable(staff)
    if (!cycle || (readable && !readable.includes(cycle.office))) throw new NotFoundError('民生实事年度不存在')
    return cycle
  }

  /** For changes: only the cycle's own office. */
  async managed(staff: StaffPrincipal, id: string): Promise<LivelihoodCycle> {
    const cycle = await this.visible(staff, id)
    this.requireOffice(staff, cycle.office)
    return cycle
  }

  /** Whether `staff` may give a project to this unit: city-level units, or their own districts' (domain/unit-scope.ts). */
  async unitAllowed(staff: StaffPrincipal, unit: Pick<Unit, 'regionId'>): Promise<boolean> {
    return unitInScope(await this.directory.scopeOf(staff), unit)
  }

  requireOffice(staff: StaffPrincipal, office: string) {
    if (!runsOffice(staff, office)) throw new ForbiddenError('只能办理本级人大负责的民生实事项目', 'outside_scope')
  }
}
