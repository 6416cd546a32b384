import { api } from '../../api'

export interface RegionNode {
  id: string
  name: string
  kind: 'district' | 'street' | 'community' | 'grid'
  parentId: string | null
  children: RegionNode[]
}

/**
 * The region tree is public (the mini-program's place picker uses it), so it lives under /api/mp.
 * Read through the api chokepoint: a failure is an ApiError in the server's words (or 连不上服务器),
 * which a page shows beside its 重试.
 */
export async function regionTree(): Promise<RegionNode[]> {
  return (await api.public<{ items: RegionNode[] }>('/regions')).items
}

/**
 * The levels a filter or an audience picks from. A county-level deputy is 区人大代表 in a 区 and 县人大代表 in a 县, as
 * each deputy's own label says it (deputyLevelLabel); a choice that covers both says so as the console's 区（县）人民政府
 * does, not the office word 区县.
 */
export const LEVELS = [
  { value: 'national', label: '全国人大代表' },
  { value: 'provincial', label: '省人大代表' },
  { value: 'city', label: '市人大代表' },
  { value: 'county', label: '区（县）人大代表' },
  { value: 'township', label: '乡镇人大代表' },
]

/** Each region's district, from the tree (a district is its own). */
export function districtOf(tree: RegionNode[]): Map<string, string> {
  const out = new Map<string, string>()
  const walk = (nodes: RegionNode[], district: string) => nodes.forEach((n) => (out.set(n.id, district), walk(n.children, district)))
  for (const d of tree) (out.set(d.id, d.id), walk(d.children, d.id))
  return out
}

/**
 * The parts of the tree an organizer holds: each of their regions with what lies under it (a
 * district organizer's districts, a street organizer's 街道), or the whole tree for the city.
 */
export function ownSubtrees(tree: RegionNode[], mine: string[]): RegionNode[] {
  if (!mine.length) return tree
  const found: RegionNode[] = []
  const walk = (nodes: RegionNode[]) => nodes.forEach((n) => (mine.includes(n.id) ? found.push(n) : walk(n.children)))
  walk(tree)
  return found
}

/** Every region id in those parts: the organizer's regions and all below them. */
function coveredIds(tree: RegionNode[], mine: string[]): Set<string> {
  const out = new Set<string>()
  const walk = (nodes: RegionNode[]) => nodes.forEach((n) => (out.add(n.id), walk(n.children)))
  walk(ownSubtrees(tree, mine))
  return out
}

/**
 * The stations an organizer may pick: those in their districts or streets (a station of a whole
 * district is not in a street's). The server refuses the rest anyway; the pickers simply never
 * offer another's places.
 */
export function withinScope<T extends { regionIds: string[] }>(stations: T[], tree: RegionNode[], mine: string[]): T[] {
  if (!mine.length) return stations
  const covered = coveredIds(tree, mine)
  return stations.filter((s) => s.regionIds.some((r) => covered.has(r)))
}

/**
 * The districts a person may choose: a district organizer's own, everyone else's the whole city.
 * A street organizer has none to choose (their street is narrower than any district): the pickers
 * that take districts are hidden from them.
 */
export function districtChoices(tree: RegionNode[], mine: string[]): Array<{ value: string; label: string }> {
  return tree.filter((d) => !mine.length || mine.includes(d.id)).map((d) => ({ value: d.id, label: d.name }))
}

/** Districts and their streets, each named (a street after its district: two districts may both have a 新华街道): what an organizer account may be given to look after. */
export function organizerRegionChoices(tree: RegionNode[]): Array<{ value: string; label: string }> {
  return tree.flatMap((d) => [
    { value: d.id, label: d.name },
    ...d.children.filter((s) => s.kind === 'street').map((s) => ({ value: s.id, label: `${d.name} ${s.name}` })),
  ])
}

/**
 * The districts and streets whose reports a person may read, by name in the tree's order, each
 * district followed by its streets: an organizer's own (a district's office reads its streets'
 * too), everyone else's the whole city's.
 */
export function reportPlaceChoices(tree: RegionNode[], mine: string[]): Array<{ value: string; label: string }> {
  return ownSubtrees(tree, mine).flatMap((n) => [
    { value: n.id, label: n.name },
    ...(n.kind === 'district' ? n.children.filter((s) => s.kind === 'street').map((s) => ({ value: s.id, label: s.name })) : []),
  ])
}
