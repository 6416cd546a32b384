import type { Region, RegionKind, Station } from './directory.js'

export const REGION_RANK: Record<RegionKind, number> = { district: 0, street: 1, community: 2, grid: 3 }

export interface RegionNode extends Region {
  children: RegionNode[]
}

/** Builds the nested region tree, children sorted by id for a stable display. */
export function buildRegionTree(regions: Region[]): RegionNode[] {
  const nodes = new Map(regions.map((r) => [r.id, { ...r, children: [] as RegionNode[] }]))
  const roots: RegionNode[] = []
  for (const node of [...nodes.values()].sort((a, b) => a.id.localeCompare(b.id))) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined
    if (parent) parent.children.push(node)
    else roots.push(node)
  }
  return roots
}

/** The region and its ancestors, nearest first. Stops at a cycle rather than looping. */
export function ancestry(regionId: string, byId: ReadonlyMap<string, Region>): Region[] {
  const chain: Region[] = []
  const seen = new Set<string>()
  for (let r = byId.get(regionId); r && !seen.has(r.id); r = r.parentId ? byId.get(r.parentId) : undefined) {
    seen.add(r.id)
    chain.push(r)
  }
  return chain
}

/** Every region id in the subtree under (and including) regionId. */
export function subtree(regionId: string, regions: Region[]): Set<string> {
  const children = new Map<string, string[]>()
  for (const r of regions) {
    if (!r.parentId) continue
    // Appended in place (a province has 45,000 regions; copying each list per child was most of a place filter's time).
    const siblings = children.get(r.parentId)
    if (siblings) siblings.push(r.id)
    else children.set(r.parentId, [r.id])
  }
  const out = new Set<string>()
  const stack = [regionId]
  while (stack.length) {
    const id = stack.pop()!
    if (out.has(id)) continue
    out.add(id)
    stack.push(...(children.get(id) ?? []))
  }
  return out
}

export interface StationCoverage {
  station: Station
  /** The covered region that is the region itself or its nearest ancestor. */
  via: Region
  /** 0 when the station covers the region itself, 1 for its parent, and so on. */
  distance: number
}

/**
 * Stations that cover a region (directly or through an ancestor), the most specific
 * coverage first; ties keep the station id order so the answer is stable.
 */
export function stationsCovering(regionId: string, regions: Map<string, Region>, stations: Station[]): StationCoverage[] {
  const chain = ancestry(regionId, regions)
  const out: StationCoverage[] = []
  for (const station of stations) {
    const covered = new Set(station.regionIds)
    const distance = chain.findIndex((r) => covered.has(r.id))
    if (distance >= 0) out.push({ station, via: chain[distance], distance })
  }
  return out.sort((a, b) => a.distance - b.distance || a.station.id.localeCompare(b.station.id))
}
