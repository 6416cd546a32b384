/**
 * The directory prepared for routing: every lookup a message needs is a Map access, so
 * routing one message does not depend on the size of the directory. Built once per
 * directory version and shared; nothing in it is mutated after building.
 */
import type { Region, Station } from './directory.js'
import { dutyDatesAt } from './duty-days.js'
import { ancestry } from './region-tree.js'
import type { RoutingDirectory } from './routing-types.js'
import { installationOffice, type InstallationOffice } from './office-name.js'

export type RoutingDeputy = RoutingDirectory['deputies'][number]

export interface IndexedDeputy extends RoutingDeputy {
  topicSet: ReadonlySet<string>
}

export interface Coverage {
  station: Station
  /** The covered region: the region itself or its nearest covered ancestor. */
  via: Region
  /** 0 when the station covers the region itself, 1 for its parent, and so on. */
  distance: number
}

export interface RoutingIndex {
  regions: ReadonlyMap<string, Region>
  /** Region → itself and its ancestors, nearest first (as `ancestry` in region-tree). */
  chains: ReadonlyMap<string, readonly Region[]>
  /** Region → the most specific coverage; ties go to the lowest station id. Absent when none. */
  covering: ReadonlyMap<string, Coverage>
  /** Region → the nearest district at or above it, whose congress office takes uncovered places. */
  districts: ReadonlyMap<string, Region>
  /** Region → stations covering exactly that region, in id order. */
  directStations: ReadonlyMap<string, readonly Station[]>
  stations: ReadonlyMap<string, Station>
  /** Upper-case code → station. */
  stationsByCode: ReadonlyMap<string, Station>
  /** Every deputy, those who have left office too (their codes are still on posters, their names on old cases). */
  deputies: ReadonlyMap<string, IndexedDeputy>
  /** Upper-case code → deputy. */
  deputiesByCode: ReadonlyMap<string, IndexedDeputy>
  /** Station → its deputies in office, in id order (a deputy of two stations is in both lists). */
  deputiesOfStation: ReadonlyMap<string, readonly IndexedDeputy[]>
  /** Station → who follows which topic and who is on duty when, by position in `deputiesOfStation`. */
  rosters: ReadonlyMap<string, StationRoster>
  /** The office of the whole installation, which takes a message no district's office does (市人大常委会办公室, or a district's own). */
  officeName: string
  /** That office, and whether the installation is a city's or one district's own (decided by the directory's districts). */
  office: InstallationOffice
}

/**
 * Flags by position in the station's deputy list, so that choosing among a station's
 * deputies costs two Map lookups per message rather than two Set lookups per deputy.
 */
export interface StationRoster {
  deputies: readonly IndexedDeputy[]
  /** Topic → which deputies follow it; absent when nobody does. */
  topics: ReadonlyMap<string, readonly boolean[]>
  /** YYYY-MM-DD → which deputies are on duty at this station that day (not at another of theirs); absent when nobody is. */
  duty: ReadonlyMap<string, readonly boolean[]>
}

/** Id order as in region-tree's `stationsCovering`, so both agree on ties. */
export const compareIds = (a: string, b: string) => a.localeCompare(b)

export const normalizeCode = (code: string | null | undefined) => (code ?? '').trim().toUpperCase()

export function buildRoutingIndex(directory: RoutingDirectory): RoutingIndex {
  const regions = new Map(directory.regions.map((r) => [r.id, r]))
  const stations = new Map(directory.stations.map((s) => [s.id, s]))
  const stationsByCode = new Map(directory.stations.map((s) => [normalizeCode(s.code), s]))

  const directStations = new Map<string, Station[]>()
  for (const station of [...directory.stations].sort((a, b) => compareIds(a.id, b.id))) {
    for (const regionId of new Set(station.regionIds)) {
      const list = directStations.get(regionId) ?? []
      list.push(station)
      directStations.set(regionId, list)
    }
  }

  const chains = new Map<string, Region[]>()
  const covering = new Map<string, Coverage>()
  const districts = new Map<string, Region>()
  for (const region of regions.values()) {
    const chain = ancestry(region.id, regions)
    chains.set(region.id, chain)
    const distance = chain.findIndex((r) => directStations.has(r.id))
    if (distance >= 0) covering.set(region.id, { station: directStations.get(chain[distance].id)![0], via: chain[distance], distance })
    const district = chain.find((r) => r.kind === 'district')
    if (district) districts.set(region.id, district)
  }

  const deputies = new Map<string, IndexedDeputy>()
  const deputiesByCode = new Map<string, IndexedDeputy>()
  const deputiesOfStation = new Map<string, IndexedDeputy[]>()
  for (const d of [...directory.deputies].sort((a, b) => compareIds(a.id, b.id))) {
    const deputy: IndexedDeputy = { ...d, topicSet: new Set(d.topics) }
    deputies.set(d.id, deputy)
    deputiesByCode.set(normalizeCode(d.code), deputy)
    // One who has left office is never among those a station's message may go to.
    if (d.active === false) continue
    for (const stationId of new Set(d.stationIds)) {
      const list = deputiesOfStation.get(stationId) ?? []
      list.push(deputy)
      deputiesOfStation.set(stationId, list)
    }
  }

  const rosters = new Map<string, StationRoster>()
  for (const [stationId, members] of deputiesOfStation) rosters.set(stationId, rosterOf(stationId, members))

  const office = installationOffice(directory.officeName ?? null, directory.regions)
  return {
    regions,
    chains,
    covering,
    districts,
    directStations,
    stations,
    stationsByCode,
    deputies,
    deputiesByCode,
    deputiesOfStation,
    rosters,
    officeName: office.name,
    office,
  }
}

function rosterOf(stationId: string, deputies: readonly IndexedDeputy[]): StationRoster {
  const flags = (key: (d: IndexedDeputy) => Iterable<string>) => {
    const out = new Map<string, boolean[]>()
    deputies.forEach((d, i) => {
      for (const value of key(d)) {
        const list = out.get(value) ?? new Array<boolean>(deputies.length).fill(false)
        list[i] = true
        out.set(value, list)
      }
    })
    return out
  }
  // A deputy of two stations is on duty here only on this station's days.
  return { deputies, topics: flags((d) => d.topicSet), duty: flags((d) => new Set(dutyDatesAt(d.dutyByStation, stationId))) }
}

/**
 * The most specific station among `stationIds` that covers the region, or undefined.
 * Used for a deputy of several stations: the one that looks after the resident's place.
 */
export function coveringAmong(index: RoutingIndex, regionId: string, stationIds: readonly string[]): Coverage | undefined {
  const chain = index.chains.get(regionId) ?? []
  for (let distance = 0; distance < chain.length; distance++) {
    const station = index.directStations.get(chain[distance].id)?.find((s) => stationIds.includes(s.id))
    if (station) return { station, via: chain[distance], distance }
  }
  return undefined
}
