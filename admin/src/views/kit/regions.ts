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
