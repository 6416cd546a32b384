import { LEVELS } from '../kit/regions'

/** A campaign's audience as the server presents it (every part present, empty when not chosen). */
export interface CampaignAudience {
  levels: string[]
  stationIds: string[]
  districtIds: string[]
  deputyIds: string[]
  staff: boolean
  followers: boolean
}

/** Names of the places a campaign may name: regions (its districts, its creator's places) and stations. */
export interface PlaceNames {
  regions: Map<string, string>
  stations: Map<string, string>
}

const listed = (names: string[]) => names.join('、')

/**
 * Who a campaign is for, in one line an organizer reads under its title: "澜江区的区（县）人大代表、
 * 乡镇人大代表；澜江区联络站的工作人员；关注活动的群众". A place left unchosen is the creator's own
 * places (`scope`; empty: the whole city), as the server resolves it; a name not known is left out.
 */
export function audienceWords(a: CampaignAudience, scope: string[], names: PlaceNames): string {
  const named = (ids: string[], from: Map<string, string>) => ids.map((id) => from.get(id)).filter((n): n is string => !!n)
  const chosen = [...named(a.districtIds, names.regions), ...named(a.stationIds, names.stations)]
  const hasPlace = a.districtIds.length > 0 || a.stationIds.length > 0
  const place = hasPlace
    ? listed(chosen) || `所选的 ${a.districtIds.length + a.stationIds.length} 处`
    : listed(named(scope, names.regions)) || (scope.length ? '本地区' : '全市')
  const levels = listed(LEVELS.filter((l) => a.levels.includes(l.value)).map((l) => l.label))
  const parts: string[] = []
  if (hasPlace || a.levels.length) parts.push(`${place}的${levels || '人大代表'}`)
  if (a.deputyIds.length) parts.push(`${parts.length ? '另外点名的' : '点名的'} ${a.deputyIds.length} 位代表`)
  // A station named is its own staff's place: not "…联络站联络站的工作人员".
  if (a.staff) parts.push(a.stationIds.length ? `${place}的工作人员` : `${place}联络站的工作人员`)
  if (a.followers) parts.push('关注活动的群众')
  return parts.length ? parts.join('；') : '还没有选定面向哪些人'
}

/**
 * Who runs a campaign, for the tag beside its title: "澜江区人大常委会", "建设路街道人大工委", "市人大常委会" (the
 * words the mini-program's 学习 uses for where a campaign comes from). Its level alone read "区县", an office word.
 * Until the place's name is read (or if it cannot be), the level said in the same words: 区人大常委会, 街道人大工委.
 */
export function organizerWords(level: string, areaId: string | null, names: PlaceNames): string {
  if (level === 'city') return '市人大常委会'
  const name = (areaId && names.regions.get(areaId)) || ''
  return level === 'street' ? `${name || '街道'}人大工委` : `${name || '区'}人大常委会`
}
