import { ApiError } from '../../api'

export interface RegionNode {
  id: string
  name: string
  kind: 'district' | 'street' | 'community' | 'grid'
  parentId: string | null
  children: RegionNode[]
}

/** The region tree is public (the mini-program's place picker uses it), so it lives under /api/mp. */
export async function regionTree(): Promise<RegionNode[]> {
  const res = await fetch('/api/mp/regions')
  if (!res.ok) throw new ApiError(res.status, 'http_error', '地区列表读取失败，请刷新后再试')
  return (await res.json()).items
}

export const LEVELS = [
  { value: 'national', label: '全国人大代表' },
  { value: 'provincial', label: '省人大代表' },
  { value: 'city', label: '市人大代表' },
  { value: 'county', label: '区县人大代表' },
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
 * What a district organizer may pick: their districts, and stations in them. The server refuses
 * the rest anyway; the pickers simply never offer another district's places.
 */
export function withinDistricts<T extends { regionIds: string[] }>(stations: T[], tree: RegionNode[], districts: string[]): T[] {
  if (!districts.length) return stations
  const of = districtOf(tree)
  return stations.filter((s) => s.regionIds.some((r) => districts.includes(of.get(r) ?? '')))
}

/** The districts a person may choose: a district organizer's own, everyone else's the whole city. */
export function districtChoices(tree: RegionNode[], mine: string[]): Array<{ value: string; label: string }> {
  return tree.filter((d) => !mine.length || mine.includes(d.id)).map((d) => ({ value: d.id, label: d.name }))
}
