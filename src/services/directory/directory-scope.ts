import type { Station } from '../../domain/directory.js'
import { scopeHasStation, type StaffScope } from '../../domain/staff-scope.js'
import { ForbiddenError } from '../../errors.js'
import type { Store } from '../../store/ports.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import type { DirectoryCache } from './directory-cache.js'

/** The scope rules every directory read and write is held to (DirectoryService's): who may see or change which deputies, stations and places. */
export class DirectoryScope {
  private readonly store: Pick<Store, 'regions' | 'stations'>
  private readonly cache: Pick<DirectoryCache, 'prepared' | 'scopeOf'>

  constructor(store: Pick<Store, 'regions' | 'stations'>, cache: Pick<DirectoryCache, 'prepared' | 'scopeOf'>) {
    this.store = store
    this.cache = cache
  }

  /**
   * Station staff look after their stations' deputies; an organizer with districts the
   * deputies of stations in those districts; city-wide organizers and admins everyone.
   */
  async mayManage(actor: StaffPrincipal, stationIds: string[]) {
    return (await this.manageable(actor, await this.cache.scopeOf(actor)))(stationIds)
  }

  /**
   * The same rule for many rows, with the scope judged once: an organizer's by the stations the
   * shared directory holds, never read one by one.
   */
  async manageable(actor: StaffPrincipal, scope: StaffScope): Promise<(stationIds: readonly string[]) => boolean> {
    if (actor.role === 'station_staff') return (stationIds) => stationIds.some((s) => actor.stationIds.includes(s))
    if (scope.kind !== 'regions') return () => scope.kind === 'city'
    const { stations } = await this.cache.prepared()
    return (stationIds) => stationIds.some((id) => scopeHasStation(scope, stations.get(id)))
  }

  /**
   * The same rule for a write, judged on the stations as the store holds them now: the shared
   * directory may be a minute old on another instance, and a station just created or moved
   * to another street must be judged where it is.
   */
  async writable(actor: StaffPrincipal): Promise<(stations: readonly Station[]) => boolean> {
    if (actor.role === 'station_staff') return (stations) => stations.some((s) => actor.stationIds.includes(s.id))
    const scope = await this.cache.scopeOf(actor)
    if (scope.kind !== 'regions') return () => scope.kind === 'city'
    return (stations) => stations.some((s) => scopeHasStation(scope, s))
  }

  /**
   * Writes are held to the same scope as reads, every id in the body included: a
   * district organizer may add or remove only stations of their own districts (a
   * deputy may keep a station elsewhere that they do not touch).
   */
  async requireStationsInScope(actor: StaffPrincipal, touched: string[], body: string[], path?: string) {
    const [mayWrite, stations] = await Promise.all([this.writable(actor), this.stationsByIds(touched)])
    const outside = touched.filter((id) => !mayWrite(stations.filter((s) => s.id === id)))
    if (outside.length) {
      throw new ForbiddenError(
        path ? `该代表也在其他辖区的联络站，请由${(await this.cache.prepared()).index.officeName}设置` : '只能调整本辖区的联络站',
        'outside_scope',
        outside.map((id) => ({
          path: path ?? pathOf('body.stationIds', body, id),
          message: `${stations.find((s) => s.id === id)?.name ?? '这个联络站'}不在您的辖区`,
        })),
      )
    }
  }

  /** The same for the places a station covers: an organizer adds or removes only places of their districts. */
  async requireRegionsInScope(actor: StaffPrincipal, touched: string[], body: string[], path: string) {
    const scope = await this.cache.scopeOf(actor)
    if (scope.kind === 'city') return
    const outside = touched.filter((id) => !scope.covers(id))
    if (outside.length) {
      const places = await Promise.all(outside.map((id) => this.store.regions.get(id)))
      throw new ForbiddenError(
        '只能调整本辖区的区域',
        'outside_scope',
        outside.map((id, i) => ({ path: pathOf(path, body, id), message: `${places[i]?.name ?? '这个地区'}不在您的辖区` })),
      )
    }
  }

  async stationsByIds(ids: string[]) {
    const stations = await Promise.all(ids.map((id) => this.store.stations.get(id)))
    return stations.filter((s): s is Station => s !== null)
  }
}

/** Where an id sits in the body, or the list itself when the edit removed it. */
function pathOf(path: string, body: string[], id: string) {
  const i = body.indexOf(id)
  return i >= 0 ? `${path}[${i}]` : path
}
