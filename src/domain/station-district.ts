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

/**
 * The name of the district a deputy's home station (his first) lies in ("湛河区"), null when none: what a
 * county-level deputy's level is said by (deputyLevelLabel: 区人大代表 in a 区, 县人大代表 in a 县).
 */
export function homeDistrictName(
  stationIds: readonly string[],
  stations: ReadonlyMap<string, Pick<Station, 'regionIds'>>,
  regions: ReadonlyMap<string, Region>,
): string | null {
  const home = stationIds[0] ? stations.get(stationIds[0]) : undefined
  return regions.get(districtOf(home?.regionIds[0], regions) ?? '')?.name ?? null
}
