/**
 * Routing: where a resident's message goes and why (DESIGN.md "Cases: routing and the
 * closed loop"). A pure function of the message, the prepared directory, the open-case
 * load of deputies and the options. Rules in order — explicit target, place, topic,
 * duty and load, fallback — and every step is written down as a reason for staff.
 * A message is never dropped: when nothing else applies it goes to a congress office.
 */
import { localDate, monthDayText } from './dates.js'
import { AWAY_REASON_LABELS, isAwayOn } from './deputy-away.js'
import type { Station } from './directory.js'
import { districtOfficeName } from './office-name.js'
import { compareIds, coveringAmong, normalizeCode, type IndexedDeputy, type RoutingIndex } from './routing-index.js'
import type { RoutingDecision, RoutingInput, RoutingOptions, RoutingReason, RoutingRule } from './routing-types.js'
import { topicClassifierFor, type TopicMatch } from './topics.js'

export { buildRoutingIndex, type RoutingIndex } from './routing-index.js'

type Say = (rule: RoutingRule, code: string, message: string) => void

// Made out here and handed over unnamed: under tsx (`npm start`) a function bound to a name where it is made is also
// named there, a defineProperty each time, and route runs for every message.
const sayInto =
  (reasons: RoutingReason[]): Say =>
  (rule, code, message) =>
    void reasons.push({ rule, code, message })

/** Where a message goes, with the reasons said on the way to it. */
function decision(
  match: TopicMatch,
  reasons: RoutingReason[],
  stationId: string | null,
  deputyId: string | null,
  officeRegionId: string | null = null,
): RoutingDecision {
  return { stationId, deputyId, topic: match.topic, officeRegionId, reasons }
}

export function route(input: RoutingInput, index: RoutingIndex, loads: Readonly<Record<string, number>>, options: RoutingOptions): RoutingDecision {
  const reasons: RoutingReason[] = []
  const say = sayInto(reasons)
  // Classified whatever the target: staff filter cases by topic.
  const match = (options.classifyTopic ?? topicClassifierFor(options.topicKeywords, options.topics))(input.text ?? '')

  // 1. explicit target, 2. place
  const { explicit, station, regionId, region } = target(input, index, say)
  // 3. topic (and, among a station's deputies, 4. duty and load in pickDeputy)
  say(
    'topic',
    match.matched.length ? 'topic' : 'no_topic',
    match.matched.length ? `留言主题：${match.topic}（${topicGrounds(match)}）` : `留言未匹配到主题，归为${match.topic}`,
  )

  if (explicit.deputy && explicit.deputy.id === input.notDeputyId) {
    say('fallback', 'station_queue', `${explicit.deputy.name}代表是提出人本人，进入联络站工作人员待办`)
    return decision(match, reasons, station?.id ?? null, null)
  }
  // Once per message: the away check here and the duty and away steps in pickDeputy read the same date.
  const today = dateOf(input.at, options.timeZone)
  if (explicit.deputy && station && today && isAwayOn(explicit.deputy.away, today)) {
    // As for one who has left office: she asked for him, so another deputy is not chosen for her
    // behind her back; the station's staff, who know who is around, place it, and she is told so.
    const d = explicit.deputy
    say(
      'explicit',
      'deputy_away',
      `${d.name}代表暂停接收留言至${monthDayText(d.away!.until)}（${AWAY_REASON_LABELS[d.away!.reason]}），转${station.name}工作人员分派`,
    )
    return decision(match, reasons, station.id, null)
  }
  if (explicit.deputy) {
    const d = explicit.deputy
    const open = loadOf(loads, d.id)
    if (open >= options.deputyCapacity) say('load', 'explicit_at_capacity', `${d.name}代表在办留言已满（${open} 条），居民指定该代表，仍予分派`)
    return decision(match, reasons, station?.id ?? null, d.id)
  }
  if (station && explicit.leftOffice) {
    say('fallback', 'station_queue', '居民指定的代表已离任，进入联络站工作人员待办')
    return decision(match, reasons, station.id, null)
  }
  if (station) return decision(match, reasons, station.id, pickDeputy(station, match, today, input.notDeputyId, index, loads, options, say)?.id ?? null)

  // 5. fallback: a congress office
  if (!regionId) say('fallback', 'city_office', `未提供所在区域，转${index.officeName}`)
  else if (!region) say('fallback', 'city_office', `所在区域不明，转${index.officeName}`)
  else {
    const district = index.districts.get(region.id)
    if (district) {
      say('fallback', 'district_office', `所在区域${region.name}无联络站覆盖，转${districtOfficeName(district.name)}`)
      return decision(match, reasons, null, null, district.id)
    }
    say('fallback', 'city_office', `所在区域${region.name}无联络站覆盖，也不属任何区县，转${index.officeName}`)
  }
  return decision(match, reasons, null, null)
}

/**
 * Where `route` sends a message — its station, or the office when no station takes it —
 * without its topic or the deputies' load, which never change that: the service reads the
 * load of that station's deputies and picks the office's topic model from it, then routes once.
 */
export function routeStation(input: Pick<RoutingInput, 'regionId' | 'deputyCode' | 'stationCode'>, index: RoutingIndex) {
  const { explicit, station, region } = target(input, index, () => {})
  if (explicit.deputy || station) return { stationId: station?.id ?? null, officeRegionId: null }
  return { stationId: null, officeRegionId: (region && index.districts.get(region.id)?.id) ?? null }
}

/** Rules 1 and 2: the explicit target, then the place's covering station. */
function target(input: Pick<RoutingInput, 'regionId' | 'deputyCode' | 'stationCode' | 'targetTyped' | 'targetChosen'>, index: RoutingIndex, say: Say) {
  const explicit = explicitTarget(input, index, say)
  const regionId = input.regionId?.trim() || null
  const region = regionId ? index.regions.get(regionId) : undefined
  if (regionId && !region)
    say(
      'place',
      'unknown_region',
      // Said for the staff who read 为什么分到这里; the code is kept for whoever looks into the directory.
      `留言人选的所在区域已不在名录中（编号 ${regionId}）${explicit.deputy || explicit.station ? '，未按区域分派' : ''}`,
    )
  const coverage = region ? index.covering.get(region.id) : undefined
  let station = explicit.station
  if (station && region && coverage && coverage.station.id !== station.id) {
    say('place', 'place_overridden', `所在区域${region.name}由${coverage.station.name}联系，${input.targetChosen ? '居民选择了' : '按二维码转'}${station.name}`)
  } else if (station && input.targetChosen && !explicit.deputy && region && coverage) {
    // She chose, in 找我的代表, the station that covers her place: she is told it is her place's station.
    say('place', 'covering_station', `所在区域${region.name}由${station.name}联系，居民选择了该站`)
  } else if (!explicit.deputy && !station && region && coverage) {
    station = coverage.station
    say('place', 'covering_station', `所在区域${region.name}由${station.name}联系${coverage.via.id === region.id ? '' : `（该站覆盖${coverage.via.name}）`}`)
  }
  return { explicit, station, regionId, region }
}

interface Explicit {
  deputy: IndexedDeputy | null
  station: Station | null
  /** The code named a deputy who has left office: the message waits in their station's queue. */
  leftOffice?: boolean
}

/** Rule 1: a deputy's or a station's QR code or link. Unknown codes are noted and ignored. */
function explicitTarget(
  input: Pick<RoutingInput, 'regionId' | 'deputyCode' | 'stationCode' | 'targetTyped' | 'targetChosen'>,
  index: RoutingIndex,
  say: Say,
): Explicit {
  const deputyCode = normalizeCode(input.deputyCode)
  const stationCode = normalizeCode(input.stationCode)
  const deputy = deputyCode ? index.deputiesByCode.get(deputyCode) : undefined
  const scanned = stationCode ? index.stationsByCode.get(stationCode) : undefined
  if (deputyCode && !deputy) say('explicit', 'unknown_deputy_code', `代表代码 ${deputyCode} 不存在，已忽略`)
  if (stationCode && !scanned) say('explicit', 'unknown_station_code', `联络站代码 ${stationCode} 不存在，已忽略`)
  if (!deputy) {
    // Names only: staff know deputies and stations by name; a code (DP0001, ST001) is the directory's.
    if (scanned && input.targetTyped) say('explicit', 'station_named', `居民指定：${scanned.name}`)
    else if (scanned && input.targetChosen) say('explicit', 'station_chosen', `居民在小程序里选择：${scanned.name}`)
    else if (scanned) say('explicit', 'station_code', `来自联络站二维码：${scanned.name}`)
    return { deputy: null, station: scanned ?? null }
  }
  if (deputy.active === false) {
    // A resident with an old poster or link still reaches the people who look after their place:
    // refusing would lose the message, and another deputy chosen for them is not the one they asked
    // for. So it waits in the deputy's station's queue, where staff pick who answers, and the resident
    // reads that the deputy has left office and the station will arrange it.
    const station = scanned ?? deputyStation(deputy, input.regionId?.trim(), index, say)
    say('explicit', 'deputy_left_office', `${deputy.name}代表已离任，${station ? `转${station.name}工作人员分派` : '按所在区域分派'}`)
    return { deputy: null, station, leftOffice: station !== null }
  }
  if (input.targetTyped) say('explicit', 'deputy_named', `居民指定：${deputy.name}代表`)
  else if (input.targetChosen) say('explicit', 'deputy_chosen', `居民在小程序里选择：${deputy.name}代表`)
  else say('explicit', 'deputy_code', `来自代表二维码：${deputy.name}代表`)
  if (scanned && deputy.stationIds.includes(scanned.id)) {
    say('explicit', 'station_code', `来自联络站二维码：${scanned.name}`)
    return { deputy, station: scanned }
  }
  if (scanned) say('explicit', 'station_code_ignored', `${scanned.name}不是${deputy.name}代表所在的联络站，以代表为准`)
  return { deputy, station: deputyStation(deputy, input.regionId?.trim(), index, say) }
}

/** The deputy's station that looks after the resident's place, else their first (existing) station. */
function deputyStation(deputy: IndexedDeputy, regionId: string | undefined, index: RoutingIndex, say: Say): Station | null {
  const own = deputy.stationIds.filter((id) => index.stations.has(id))
  const coverage = regionId && index.regions.has(regionId) ? coveringAmong(index, regionId, own) : undefined
  if (coverage) {
    say('explicit', 'deputy_covering_station', `${deputy.name}代表所在的${coverage.station.name}联系${index.regions.get(regionId!)!.name}`)
    return coverage.station
  }
  const first = own.length ? index.stations.get(own[0])! : null
  if (first && own.length > 1) say('explicit', 'deputy_first_station', `按${deputy.name}代表的第一个联络站（${first.name}）分派`)
  return first
}

/** A deputy as rules 3 and 4 see them: topic, then duty, then open cases. */
interface Candidate {
  deputy: IndexedDeputy
  topical: boolean
  onDuty: boolean
  open: number
}

const compare = (a: Candidate, b: Candidate) => Number(b.topical) - Number(a.topical) || Number(b.onDuty) - Number(a.onDuty) || a.open - b.open
const rank = (a: Candidate, b: Candidate) => compare(a, b) || compareIds(a.deputy.id, b.deputy.id)

/**
 * Rules 3 and 4 within a station: a deputy with the topic, then one on duty that date,
 * then the fewest open cases, then the lowest id. A deputy at capacity is passed over;
 * when everyone is, the station's staff queue takes the message. `date` is the message's
 * local date (null: no date rule applies).
 */
function pickDeputy(
  station: Station,
  match: TopicMatch,
  date: string | null,
  notDeputyId: RoutingInput['notDeputyId'],
  index: RoutingIndex,
  loads: Readonly<Record<string, number>>,
  options: RoutingOptions,
  say: Say,
): IndexedDeputy | null {
  const roster = index.rosters.get(station.id)
  if (!roster) {
    say('fallback', 'station_queue', '该站暂无代表，进入联络站工作人员待办')
    return null
  }
  // A message that matched nothing is not "about 其他": no deputy is preferred for it.
  const topicWanted = match.matched.length > 0
  const topical = topicWanted ? roster.topics.get(match.topic) : undefined
  const onDuty = date ? roster.duty.get(date) : undefined

  // Deputies are in id order and only a strictly better one replaces the best, so ties keep the lowest id.
  let best: Candidate | null = null
  let tied = false
  const passedOver: Candidate[] = []
  const away: IndexedDeputy[] = []
  for (let i = 0; i < roster.deputies.length; i++) {
    if (roster.deputies[i].id === notDeputyId) {
      say('fallback', 'writer_excluded', `${roster.deputies[i].name}代表是提出人本人，不分派给本人`)
      continue
    }
    // 暂停接收留言: a field of the cached directory compared with the date, no read.
    if (date && roster.deputies[i].away && isAwayOn(roster.deputies[i].away, date)) {
      away.push(roster.deputies[i])
      continue
    }
    const c: Candidate = {
      deputy: roster.deputies[i],
      topical: topical?.[i] === true,
      onDuty: onDuty?.[i] === true,
      open: loadOf(loads, roster.deputies[i].id),
    }
    if (c.open >= options.deputyCapacity) {
      passedOver.push(c)
      continue
    }
    const order = best ? compare(c, best) : -1
    if (order < 0) {
      best = c
      tied = false
    } else if (order === 0) tied = true
  }

  if (topicWanted && !topical) say('topic', 'no_topic_deputy', `该站暂无关注${match.topic}的代表，在全站代表中分派`)
  if (best?.topical) say('topic', 'topic_match', `${best.deputy.name}代表关注${match.topic}`)
  else if (best && topical) say('topic', 'topic_deputies_full', `关注${match.topic}的代表在办留言均已满，在全站代表中分派`)
  if (best?.onDuty) say('duty', 'on_duty', `${best.deputy.name}代表${monthDayText(date!)}接待值班`)

  // Only those who would have been chosen but for their load are worth a line each.
  const chosen = best
  const outranked = chosen ? passedOver.filter((c) => rank(c, chosen) < 0) : passedOver
  outranked.sort(rank)
  for (const c of outranked.slice(0, MAX_LISTED)) say('load', 'at_capacity', `${c.deputy.name}代表在办留言已满（${c.open} 条），跳过`)
  if (outranked.length > MAX_LISTED) say('load', 'at_capacity', `另有 ${outranked.length - MAX_LISTED} 位代表在办留言已满，跳过`)

  for (const d of away.slice(0, MAX_LISTED)) say('duty', 'away_skipped', `${d.name}代表暂停接收留言至${monthDayText(d.away!.until)}，跳过`)
  if (away.length > MAX_LISTED) say('duty', 'away_skipped', `另有 ${away.length - MAX_LISTED} 位代表暂停接收留言，跳过`)

  if (!best && !passedOver.length && away.length) {
    say('fallback', 'station_queue', '该站代表都暂停接收留言，进入联络站工作人员待办')
    return null
  }
  if (!best) {
    say('fallback', 'station_queue', '该站暂无可分派的代表（在办留言均已满），进入联络站工作人员待办')
    return null
  }
  // Messages counted in 条, as the assign dialog's 在办 N 条 beside the same deputy counts them; in the timeline's
  // words (routing-explain.ts: 在办留言最少), so the page says one thing twice, not two things.
  if (!best.onDuty) say('load', 'fewest_open', `${best.deputy.name}代表在办留言最少（${best.open} 条）`)
  if (tied) say('load', 'tie_by_id', `多位代表条件相同，按名册顺序选定${best.deputy.name}代表`)
  return best.deputy
}

const MAX_LISTED = 3

/** Below this share a learned model's topic is a guess staff are asked to check. */
const UNSURE_BELOW = 0.5

/**
 * What decided the topic, for staff: the words; and, when a learned model was unsure, a plea to
 * check it, in words (a percentage of 把握 means nothing to a clerk).
 */
function topicGrounds(match: TopicMatch): string {
  if (match.confidence === undefined) return match.matched.join('、')
  const words = `依据：${match.matched.join('、')}`
  return match.confidence < UNSURE_BELOW ? `${words}；系统不太确定，如分错了请更正主题` : words
}

/** The local date of the message, or null for a time that is no time (then no date rule applies). */
function dateOf(at: Date, timeZone: string): string | null {
  return at instanceof Date && !Number.isNaN(at.getTime()) ? localDate(at, timeZone) : null
}

function loadOf(loads: Readonly<Record<string, number>>, deputyId: string): number {
  // The type check also keeps out what an id such as "constructor" finds on Object.prototype.
  const n: unknown = loads[deputyId]
  return typeof n === 'number' && !Number.isNaN(n) ? n : 0
}
