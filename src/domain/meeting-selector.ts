import type { ErrorDetail } from '../errors.js'
import type { Deputy, Region, Staff, Station } from './directory.js'
import type { InviteeKind, InviteeSelector } from './meeting.js'
import { GONE, notADistrict } from './choice-words.js'
import { ancestry } from './region-tree.js'
import { scopeHasStation, staffScope, type StaffScope } from './staff-scope.js'

/** The parts of the directory a selector is resolved against. */
export interface SelectorDirectory {
  regions: Region[]
  stations: Station[]
  deputies: Array<Pick<Deputy, 'id' | 'name' | 'level' | 'stationIds' | 'active'>>
  staff: Array<Pick<Staff, 'id' | 'name' | 'role' | 'stationIds' | 'regionIds' | 'active'>>
}

export interface ResolvedInvitee {
  kind: InviteeKind
  id: string
  name: string
  /**
   * The districts and streets the person belongs to (by their stations, or an organizer's own
   * regions): whose organizers follow their answers. Streets too, so a street organizer follows
   * a city meeting that invites his street's people.
   */
  placeIds: string[]
}

/** The districts and streets a station's places lie in (a park station with no places lies in none). */
function stationPlaces(dir: Pick<SelectorDirectory, 'regions' | 'stations'>) {
  const byId = new Map(dir.regions.map((r) => [r.id, r]))
  const out = new Map<string, Set<string>>()
  for (const s of dir.stations) {
    const places = new Set<string>()
    for (const regionId of s.regionIds) for (const r of ancestry(regionId, byId)) if (r.kind === 'district' || r.kind === 'street') places.add(r.id)
    out.set(s.id, places)
  }
  return out
}

/** The districts and streets of a deputy or staff member: through their stations; an organizer's own regions. */
export function personPlaces(dir: SelectorDirectory): (kind: InviteeKind, id: string) => string[] {
  const placesOf = stationPlaces(dir)
  const viaStations = (stationIds: string[]) => [...new Set(stationIds.flatMap((s) => [...(placesOf.get(s) ?? [])]))]
  const deputies = new Map(dir.deputies.map((d) => [d.id, viaStations(d.stationIds)]))
  const staff = new Map(dir.staff.map((s) => [s.id, s.role === 'organizer' ? [...s.regionIds] : viaStations(s.stationIds)]))
  return (kind, id) => (kind === 'deputy' ? deputies.get(id) : staff.get(id)) ?? []
}

const given = <T>(list: T[] | undefined): list is T[] => Array.isArray(list) && list.length > 0

/**
 * The people a selector names, deputies first, each once. Levels, stations and districts
 * narrow one group of deputies together; named deputies and staff are added. `within` is
 * the organizer's scope (their districts or streets, as a scope or the region ids; null:
 * the whole city): people of no station in it are left out of the group, and naming them
 * is a problem, as is naming anything unknown. A selector that resolves to nobody is a
 * problem too, never an empty meeting.
 */
export function resolveInvitees(
  selector: InviteeSelector,
  dir: SelectorDirectory,
  within: StaffScope | readonly string[] | null,
): { invitees: ResolvedInvitee[]; problems: ErrorDetail[] } {
  const problems: ErrorDetail[] = []
  const placesOf = stationPlaces(dir)
  const regions = new Map(dir.regions.map((r) => [r.id, r]))
  const scope = within === null ? null : 'covers' in within ? within : staffScope({ role: 'organizer', regionIds: within }, regions)
  const stations = new Map(dir.stations.map((s) => [s.id, s]))
  // In scope by the places of a person's stations: a street organizer reaches his street's stations only.
  const atStations = (stationIds: readonly string[]) => scope === null || stationIds.some((id) => scopeHasStation(scope, stations.get(id)))
  // A selector's districts are districts only, so the streets among a deputy's places never match them.
  const deputyPlaces = (d: Pick<Deputy, 'stationIds'>) => d.stationIds.flatMap((s) => [...(placesOf.get(s) ?? [])])
  const staffInScope = (s: SelectorDirectory['staff'][number]) =>
    scope === null || (s.role === 'station_staff' ? atStations(s.stationIds) : s.role === 'organizer' && s.regionIds.some((r) => scope.covers(r)))
  const outside = '不在您负责的区县范围内'

  const knownDistricts = new Set(dir.regions.filter((r) => r.kind === 'district').map((r) => r.id))
  selector.districtIds?.forEach((id, i) => {
    // A street or community is named, with where to pick it instead (its stations); anything else is gone.
    const place = regions.get(id)
    if (!knownDistricts.has(id))
      problems.push({ path: `selector.districtIds[${i}]`, message: place ? `${notADistrict(place.name)}，请在“联络站”中选择它的联络站` : GONE.district })
    else if (scope && !scope.covers(id)) problems.push({ path: `selector.districtIds[${i}]`, message: outside })
  })
  selector.stationIds?.forEach((id, i) => {
    if (!placesOf.has(id)) problems.push({ path: `selector.stationIds[${i}]`, message: GONE.station })
    else if (!atStations([id])) problems.push({ path: `selector.stationIds[${i}]`, message: outside })
  })

  const chosen = new Map<string, ResolvedInvitee>()
  const placesOfPerson = personPlaces(dir)
  const add = (kind: InviteeKind, p: { id: string; name: string }) =>
    chosen.set(`${kind}:${p.id}`, { kind, id: p.id, name: p.name, placeIds: placesOfPerson(kind, p.id) })

  if (given(selector.levels) || given(selector.stationIds) || given(selector.districtIds)) {
    for (const d of dir.deputies) {
      // Those who have left office stay in the directory for their old messages, not for new meetings.
      if (!d.active) continue
      if (given(selector.levels) && !selector.levels.includes(d.level)) continue
      if (given(selector.stationIds) && !d.stationIds.some((s) => selector.stationIds!.includes(s))) continue
      if (given(selector.districtIds) && !deputyPlaces(d).some((x) => selector.districtIds!.includes(x))) continue
      if (atStations(d.stationIds)) add('deputy', d)
    }
  }
  const deputies = new Map(dir.deputies.map((d) => [d.id, d]))
  selector.deputyIds?.forEach((id, i) => {
    const d = deputies.get(id)
    if (!d) problems.push({ path: `selector.deputyIds[${i}]`, message: GONE.deputy })
    else if (!atStations(d.stationIds)) problems.push({ path: `selector.deputyIds[${i}]`, message: outside })
    else if (!d.active) problems.push({ path: `selector.deputyIds[${i}]`, message: `${d.name}代表已离任` })
    else add('deputy', d)
  })
  const staff = new Map(dir.staff.map((s) => [s.id, s]))
  selector.staffIds?.forEach((id, i) => {
    const s = staff.get(id)
    if (!s || !s.active) problems.push({ path: `selector.staffIds[${i}]`, message: s ? `${s.name}的账号已停用，请重新选择` : GONE.staff })
    else if (!staffInScope(s)) problems.push({ path: `selector.staffIds[${i}]`, message: outside })
    else add('staff', s)
  })

  const invitees = [...chosen.values()].sort((a, b) => (a.kind === b.kind ? a.id.localeCompare(b.id) : a.kind === 'deputy' ? -1 : 1))
  if (!problems.length && !invitees.length) problems.push({ path: 'selector', message: '所选范围内没有任何代表或工作人员' })
  return { invitees, problems }
}

/** A meeting as its list is judged again: its selector, and the districts (or streets) it belongs to. */
type JudgedMeeting = { selector: InviteeSelector; districtIds: readonly string[] }
export type JudgedDeputy = Pick<Deputy, 'id' | 'level' | 'stationIds' | 'active'>

/**
 * Judges again the deputies on meetings' lists, with the places of every station worked out once for many judgements
 * (the maintenance job judges every deputy on every list ahead).
 *
 * `standing`: whether a deputy invited to a meeting is still one of the people it is for, after he left office or
 * changed stations: 'left_office', 'moved' (no longer at a station, district or street the meeting's group names, nor
 * named himself), or null while he belongs. A deputy named in the selector (or added by name) stays however he moves;
 * a meeting of a district's (or street's) own is for the people of its places only. His level is not judged again: a
 * list is marked for where he is (已调到…) or his tenure (已离任), never "已调到" the station he is still at because a
 * new term changed his level.
 *
 * `joins`: whether a deputy not on a meeting's list belongs on it by his station: it invites whole stations' deputies
 * (its selector names stations), he is in office at one of them, and in the group it names (levels, districts). A list
 * of levels or districts alone is not added to: only a station's list follows who is at the station now.
 */
export function standingJudge(dir: Pick<SelectorDirectory, 'regions' | 'stations'>) {
  const placesOf = stationPlaces(dir)
  const atPlaces = (m: JudgedMeeting, deputy: JudgedDeputy) => {
    const { stationIds, districtIds } = m.selector
    const places = new Set(deputy.stationIds.flatMap((s) => [...(placesOf.get(s) ?? [])]))
    return (
      (!given(stationIds) || deputy.stationIds.some((s) => stationIds.includes(s))) &&
      (!given(districtIds) || districtIds.some((d) => places.has(d))) &&
      (m.districtIds.length === 0 || m.districtIds.some((d) => places.has(d)))
    )
  }
  const standing = (m: JudgedMeeting, deputy: JudgedDeputy): 'left_office' | 'moved' | null => {
    if (!deputy.active) return 'left_office'
    if (m.selector.deputyIds?.includes(deputy.id)) return null
    const { levels, stationIds, districtIds } = m.selector
    if (!given(levels) && !given(stationIds) && !given(districtIds)) return null
    return atPlaces(m, deputy) ? null : 'moved'
  }
  const joins = (m: JudgedMeeting, deputy: JudgedDeputy): boolean => {
    const { stationIds, levels } = m.selector
    if (!deputy.active || !given(stationIds) || !deputy.stationIds.some((s) => stationIds.includes(s))) return false
    return (!given(levels) || levels.includes(deputy.level)) && atPlaces(m, deputy)
  }
  return { standing, joins }
}
