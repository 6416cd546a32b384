import type { Region, Station } from './directory.js'
import { ancestry } from './region-tree.js'

/** What the scope rule needs of a console user. */
export interface ScopedStaff {
  role: string
  regionIds: readonly string[]
}

/**
 * Where a console user may look, by place. One rule for every area:
 * - `city`: an admin, or an organizer with no region (the city office), sees everything;
 * - `regions`: an organizer with regions sees those regions and everything under them,
 *   whether they are districts (区县) or streets (街道);
 * - `none`: station and unit staff see by their stations and units, never by place.
 */
export interface StaffScope {
  kind: 'city' | 'regions' | 'none'
  /** The regions assigned (empty unless `regions`). */
  regionIds: readonly string[]
  /** Whether a region is one of the scope's or lies under one (a city scope covers all, `none` nothing). */
  covers(regionId: string | null | undefined): boolean
  /** The region tree the scope was judged on. */
  tree: ReadonlyMap<string, Region>
}

/**
 * The scope of a console user. `regions` is the region tree by id; a region missing from it
 * is judged by its own id only, so an id the tree does not know is covered only when assigned.
 */
export function staffScope(staff: ScopedStaff, regions: ReadonlyMap<string, Region> = new Map()): StaffScope {
  const kind = scopeKind(staff)
  if (kind === 'city') return { kind: 'city', regionIds: [], covers: () => true, tree: regions }
  if (kind === 'none') return { kind: 'none', regionIds: [], covers: () => false, tree: regions }
  const own = new Set(staff.regionIds)
  const covers = (regionId: string | null | undefined) => !!regionId && (own.has(regionId) || ancestry(regionId, regions).some((r) => own.has(r.id)))
  return { kind: 'regions', regionIds: [...staff.regionIds], covers, tree: regions }
}

/** Which scope a console user has, without the region tree: only a `regions` scope needs the tree to be judged. */
export function scopeKind(staff: ScopedStaff): StaffScope['kind'] {
  if (staff.role === 'admin' || (staff.role === 'organizer' && staff.regionIds.length === 0)) return 'city'
  return staff.role === 'organizer' ? 'regions' : 'none'
}

/** Whether a station lies in the scope: a place it covers does (a station of the whole district is not in a street's scope). */
export function scopeHasStation(scope: StaffScope, station: { regionIds: readonly string[] } | null | undefined): boolean {
  if (scope.kind === 'city') return true
  return !!station && station.regionIds.some((r) => scope.covers(r))
}

/**
 * Whether a record that belongs to regions (a meeting's, survey's, quiz's or campaign's
 * owning districts or streets) lies in the scope. A record of no region is the city's:
 * only a city scope has it.
 */
export function scopeOwns(scope: StaffScope, ownerIds: readonly string[]): boolean {
  if (scope.kind === 'city') return true
  return ownerIds.some((id) => scope.covers(id))
}

/**
 * Whether a place lies in the scope: by its region when known, else by its district. A
 * street organizer therefore sees no record that is placed only by district.
 */
export function scopeHasPlace(scope: StaffScope, place: { regionId?: string | null; districtId?: string | null }): boolean {
  if (scope.kind === 'city') return true
  return scope.covers(place.regionId ?? place.districtId)
}

/**
 * The owner ids a store filter on owning regions takes: the scope's regions and the districts
 * and streets under them (records are owned by districts or streets); null for the whole
 * city, empty for no place at all.
 */
export function scopeOwnerIds(scope: StaffScope): string[] | null {
  if (scope.kind === 'city') return null
  if (scope.kind === 'none') return []
  const ids = new Set(scope.regionIds)
  for (const r of scope.tree.values()) if ((r.kind === 'district' || r.kind === 'street') && scope.covers(r.id)) ids.add(r.id)
  return [...ids].sort()
}

/**
 * Where an organizer's residents' messages are, as a store filter can select them. Messages
 * are placed by district: the districts held are matched on the case's districts (its place's,
 * or the one handling it). A street (a 街道人大工委) has no column of its own on a case: it sees
 * the messages of the liaison stations in the street, as `scopeHasStation` judges them. A region
 * the tree does not know is taken as a district, as every organizer's region was before streets.
 */
export interface CaseScope {
  districtIds: string[]
  /** The stations in the streets held (none for a district organizer). */
  stationIds: string[]
}

/** The case scope of a `regions` scope (see CaseScope), on the stations as the directory stands. */
export function caseScopeOf(scope: StaffScope, stations: Iterable<Pick<Station, 'id' | 'regionIds'>>): CaseScope {
  const isDistrict = (id: string) => (scope.tree.get(id)?.kind ?? 'district') === 'district'
  const districtIds = scope.regionIds.filter(isDistrict)
  const streetIds = scope.regionIds.filter((id) => !isDistrict(id))
  if (!streetIds.length) return { districtIds, stationIds: [] }
  const streets = staffScope({ role: 'organizer', regionIds: streetIds }, scope.tree)
  const stationIds: string[] = []
  for (const s of stations) if (scopeHasStation(streets, s)) stationIds.push(s.id)
  return { districtIds, stationIds: stationIds.sort() }
}
