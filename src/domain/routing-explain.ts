/**
 * The sentence a resident sees after sending a message: where it went and, in plain
 * words, why. Built from the decision's reason codes, never from the staff messages,
 * so that wording for residents and for staff can change independently.
 */
import { monthDayText } from './dates.js'
import type { Region } from './directory.js'
import { districtOfficeName } from './office-name.js'
import { normalizeCode, type RoutingIndex } from './routing-index.js'
import type { RoutingDecision } from './routing-types.js'

/**
 * `regionId` is the place the resident gave; with it the sentence says "您所在社区"
 * rather than the vaguer "您所在区域". `deputyCode`: the deputy she asked for, named when he is away.
 */
export function residentSummary(decision: RoutingDecision, index: RoutingIndex, regionId?: string | null, deputyCode?: string | null): string {
  const said = new Set(decision.reasons.map((r) => r.code))
  const station = decision.stationId ? index.stations.get(decision.stationId) : undefined
  const deputy = decision.deputyId ? index.deputies.get(decision.deputyId) : undefined

  if (deputy) {
    const why: string[] = []
    if (said.has('deputy_named')) why.push(`您指定了${deputy.name}代表`)
    else if (said.has('deputy_code')) why.push(`您通过${deputy.name}代表的二维码留言`)
    else if (said.has('deputy_chosen')) why.push(`您选择了${deputy.name}代表`)
    else if (said.has('station_named')) why.push('您指定了该站')
    else if (said.has('station_code')) why.push('您通过该站的二维码留言')
    // Chosen in 找我的代表: the station of her place is said as hers; another she picked, as her choice.
    else if (said.has('station_chosen') && !said.has('covering_station')) why.push('您选择了该站')
    else if (said.has('covering_station')) why.push(`您所在${placeWord(regionId, index)}由该站联系`)
    if (said.has('topic_match')) why.push(`${deputy.name}代表关注${decision.topic}`)
    if (said.has('on_duty')) why.push(`${deputy.name}代表今日接待值班`)
    if (said.has('explicit_at_capacity')) why.push(`${deputy.name}代表近期留言较多，答复可能稍慢`)
    // Chinese reads without a space between the words: "已交给建设路街道代表联络站的朱丽华代表".
    const target = station ? `${station.name}的${deputy.name}代表` : `${deputy.name}代表`
    return `已交给${target}${why.length ? `（${why.join('；')}）` : ''}`
  }
  if (station && said.has('deputy_away')) {
    // Truthful and without why (请假, 住院 are his business): who is away, until when, and who arranges it now.
    const asked = deputyCode ? index.deputiesByCode.get(normalizeCode(deputyCode)) : undefined
    const until = asked?.away ? `（暂停接收留言至${monthDayText(asked.away.until)}）` : ''
    return `${asked ? `${asked.name}代表` : '您找的代表'}这几天不在${until}，您的留言已交${station.name}，由工作人员尽快安排其他代表办理`
  }
  if (station && said.has('deputy_left_office')) return `您留言的代表已离任，已交给${station.name}，由工作人员尽快安排其他代表办理`
  // No deputy has it yet: said as she would say it (分派 is the office's word), and promising no deputy by name.
  if (station) return `已交给${station.name}，联络站工作人员会尽快请一位代表办理`
  const office = decision.officeRegionId ? index.regions.get(decision.officeRegionId) : undefined
  if (office) return `已交给${districtOfficeName(office.name)}（您所在区域暂无代表联络站）`
  return `已交给${index.officeName}`
}

/**
 * Why routing gave the message to its deputy, as a deputy reads it in the message's 办理经过: the
 * resident is 群众 and the deputy reading is 您 ("群众扫了您的二维码留言", "群众指定了您"), where her
 * sentence (residentSummary) says "您通过张伟代表的二维码留言". Built from the reason codes recorded
 * with the message, like hers; null when the choice had no reason worth telling him (the fewest open
 * messages). `isYou`: the message went to the deputy reading it (false for one handed to him later).
 */
export function deputyRoutingWhy(reasonCodes: readonly string[], deputy: { name: string; isYou: boolean }, topic: string): string | null {
  const has = (code: string) => reasonCodes.includes(code)
  const him = deputy.isYou ? '您' : `${deputy.name}代表`
  const why: string[] = []
  if (has('deputy_named')) why.push(`群众指定了${him}`)
  else if (has('deputy_code')) why.push(`群众扫了${him}的二维码留言`)
  else if (has('deputy_chosen')) why.push(`群众选择了${him}`)
  else if (has('station_named')) why.push('群众指定了本站')
  else if (has('station_code')) why.push('群众扫了本站的二维码留言')
  else if (has('station_chosen') && !has('covering_station')) why.push('群众选择了本站')
  else if (has('covering_station')) why.push('群众住在本站联系的片区')
  if (has('topic_match')) why.push(`${him}关注${topic}`)
  if (has('on_duty')) why.push(`${him}当天接待值班`)
  return why.length ? why.join('；') : null
}

/**
 * Why routing gave the message to its deputy, as office and station staff read it in the console's 办理经过:
 * the resident is 群众 and the deputy is named ("群众指定了张伟代表"), where her sentence says "您指定了张伟代表"
 * and his says "群众指定了您". Staff pick deputies by load too, so the fewest open messages is said
 * here, unlike to the deputy. `station`: the station's name, null when unknown ("该站").
 */
export function officeRoutingWhy(reasonCodes: readonly string[], deputyName: string, station: string | null, topic: string): string | null {
  const has = (code: string) => reasonCodes.includes(code)
  const him = `${deputyName}代表`
  const here = station ?? '该站'
  const why: string[] = []
  if (has('deputy_named')) why.push(`群众指定了${him}`)
  else if (has('deputy_code')) why.push(`群众扫了${him}的二维码留言`)
  else if (has('deputy_chosen')) why.push(`群众选择了${him}`)
  else if (has('station_named')) why.push(`群众指定了${here}`)
  else if (has('station_code')) why.push(`群众扫了${here}的二维码留言`)
  else if (has('station_chosen') && !has('covering_station')) why.push(`群众选择了${here}`)
  else if (has('covering_station')) why.push(`群众住在${here}联系的片区`)
  if (has('topic_match')) why.push(`${him}关注${topic}`)
  if (has('on_duty')) why.push(`${him}当天接待值班`)
  if (has('explicit_at_capacity')) why.push(`${him}近期留言较多，仍按群众指定分派`)
  if (has('fewest_open')) why.push(`${him}在办留言最少`)
  return why.length ? why.join('；') : null
}

/** What a resident calls their place: 社区 or 村 for a community or grid, 街道 / 镇 / 乡 for a street. */
function placeWord(regionId: string | null | undefined, index: RoutingIndex): string {
  const region = regionId ? index.regions.get(regionId) : undefined
  if (!region) return '区域'
  const community: Region | undefined = region.kind === 'grid' ? (region.parentId ? index.regions.get(region.parentId) : undefined) : region
  switch (region.kind) {
    case 'grid':
    case 'community':
      return community?.name.endsWith('村') ? '村' : '社区'
    case 'street':
      return region.name.endsWith('镇') ? '镇' : region.name.endsWith('乡') ? '乡' : '街道'
    default:
      return '区县'
  }
}
