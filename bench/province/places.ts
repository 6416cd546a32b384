import type { DirectoryFile, Region } from '../../src/domain/directory.js'

/** Where a station's messages come from: the places it covers, its district, its deputies. */
export interface StationPlaces {
  id: string
  districtId: string
  /** Communities and grids the station covers (a resident names one of these). */
  places: Array<{ regionId: string; communityId: string }>
  deputyIds: string[]
}

/** Each station with its district, the places under it and its deputies, read once from the directory file. */
export function stationPlaces(directory: DirectoryFile): StationPlaces[] {
  const regions = new Map<string, Region>((directory.regions ?? []).map((r) => [r.id, r]))
  const children = new Map<string, Region[]>()
  for (const r of regions.values()) if (r.parentId) children.set(r.parentId, [...(children.get(r.parentId) ?? []), r])
  const districtOf = (id: string): string => {
    let r = regions.get(id)
    while (r && r.kind !== 'district' && r.parentId) r = regions.get(r.parentId)
    return r?.id ?? id
  }
  const below = (id: string): Array<{ regionId: string; communityId: string }> => {
    const r = regions.get(id)!
    if (r.kind === 'community')
      return [{ regionId: r.id, communityId: r.id }, ...(children.get(r.id) ?? []).map((g) => ({ regionId: g.id, communityId: r.id }))]
    return (children.get(id) ?? []).flatMap((c) => below(c.id))
  }
  const deputies = new Map<string, string[]>()
  for (const d of directory.deputies ?? []) for (const s of d.stationIds) deputies.set(s, [...(deputies.get(s) ?? []), d.id])
  return (directory.stations ?? []).map((s) => ({
    id: s.id,
    districtId: districtOf(s.regionIds[0]),
    places: s.regionIds.flatMap(below),
    deputyIds: deputies.get(s.id) ?? [],
  }))
}
