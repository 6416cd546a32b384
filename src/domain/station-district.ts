import type { Region, Station } from './directory.js'
import { ancestry } from './region-tree.js'

/** The district a region lies in (itself when it is one); null when none is above it or it is unknown. */
export function districtOf(regionId: string | null | undefined, regions: ReadonlyMap<string, Region>): string | null {
  return regionId ? (ancestry(regionId, regions).find((r) => r.kind === 'district')?.id ?? null) : null
}

/** The street a region lies in (itself when it is one); null when it lies in none. */
function streetOf(regionId: string | undefined, regions: ReadonlyMap<string, Region>): string | null {
  return regionId ? (ancestry(regionId, regions).find((r) => r.kind === 'street')?.id ?? null) : null
}

/** Each station's district, by the first region it covers: what audiences and organizers' scopes go by. */
export function stationDistricts(stations: readonly Pick<Station, 'id' | 'regionIds'>[], regions: ReadonlyMap<string, Region>): Map<string, string | null> {
  return new Map(stations.map((s) => [s.id, districtOf(s.regionIds[0], regions)]))
}

/** Each station's street, by the first region it covers: what a street's audience (a quiz's, a campaign's) goes by. */
export function stationStreets(stations: readonly Pick<Station, 'id' | 'regionIds'>[], regions: ReadonlyMap<string, Region>): Map<string, string | null> {
  return new Map(stations.map((s) => [s.id, streetOf(s.regionIds[0], regions)]))
}
