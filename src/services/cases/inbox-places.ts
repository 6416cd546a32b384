import { buildRegionTree, type RegionNode } from '../../domain/region-tree.js'
import type { DirectoryCache } from '../directory/directory-cache.js'
import type { StaffPrincipal } from '../accounts/principal.js'

/**
 * The places the list's 地点 filter offers: the caller's own, from her level down. A station's clerk
 * gets the places her stations cover (a street and its communities), an organizer her districts or
 * streets, the city office the whole city. Another district's place would only ever list nothing.
 */
export async function inboxPlaces(directory: DirectoryCache, staff: StaffPrincipal): Promise<RegionNode[]> {
  const prepared = await directory.prepared()
  const tree = buildRegionTree([...prepared.regions.values()])
  let roots: readonly string[]
  if (staff.role === 'station_staff') roots = staff.stationIds.flatMap((id) => prepared.stations.get(id)?.regionIds ?? [])
  else {
    const scope = await directory.scopeOf(staff)
    if (scope.kind === 'city') return tree
    if (scope.kind === 'none') return []
    roots = scope.regionIds
  }
  // The outermost of her places, each once: a community under a street she also covers is in the street's branch.
  const found: RegionNode[] = []
  const walk = (nodes: RegionNode[]) => nodes.forEach((n) => (roots.includes(n.id) ? found.push(n) : walk(n.children)))
  walk(tree)
  return found
}
