import { WAITING_STATUSES, type CaseRecord } from '../../domain/case.js'
import { ackLate, waitingLate } from '../../domain/case-stats.js'
import type { Clock } from '../../clock.js'
import { handBacks, type HandBack } from '../../domain/case-hand-backs.js'
import { canSeeCase, type Viewer } from '../../domain/case-access.js'
import { deputyLevelLabel, type DeputyLevel } from '../../domain/directory.js'
import { homeDistrictName } from '../../domain/station-district.js'
import { NotFoundError, UnprocessableError } from '../../errors.js'
import type { Store } from '../../store/ports.js'
import { CASE_IDS_MAX } from './case-queries.js'
import type { DirectoryCache } from '../directory/directory-cache.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import { scopeHasStation } from '../../domain/staff-scope.js'
import { dutyDatesAt } from '../../domain/duty-days.js'
import { localDate } from '../../domain/dates.js'
import { awayNotice } from '../../domain/deputy-away.js'
import { RECENT_HAND_BACK_DAYS, type RecentHandBack } from '../../domain/deputy-choice-words.js'

/**
 * Deputies of other stations the assign dialog lists beyond the messages' own stations' (a
 * district's organizer may reach hundreds): the rest are found by name.
 */
export const OTHER_STATIONS_SHOWN = 50

/** The assign dialog's list, and how many more deputies of other stations a name would find. */
export interface DeputyChoices {
  items: DeputyChoice[]
  more: number
}

export interface DeputyChoice {
  id: string
  code: string
  name: string
  level: DeputyLevel
  /** 区人大代表 / 县人大代表 by his home station's district, as the mini-program says it (deputyLevelLabel). */
  levelLabel: string
  stationNames: string[]
  topics: string[]
  /** Open cases in their hands now. */
  openCases: number
  /** Their topics include the case's. */
  topical: boolean
  /** On reception duty today at one of the messages' own stations (any of theirs for a message at an office): 今天值班. */
  onDuty: boolean
  /**
   * Each message of these they gave up themselves (转交), with their reason, the last time they did; the
   * ticket names the message when several are assigned at once (null for the one message of the dialog).
   */
  handBacks: Array<{ ticket: string | null; handBack: HandBack }>
  /** Offered as a good choice (擅长此类问题): topical, and not one who gave it up, nor away. */
  recommended: boolean
  /** "暂停接收留言至12月4日" while he is marked away today: listed last, still a choice (staff know who is around). */
  away: string | null
  /** Of his open cases, those past their reply deadline now (工作概览's 超期): said beside 在办. */
  overdueCases: number
  /** Of his open cases, those not acknowledged by their deadline, the reply not yet due (未按时受理): never among overdueCases. */
  ackLateCases: number
  /** The latest message he handed back himself in the last RECENT_HAND_BACK_DAYS (not one of these), that the caller may read. */
  recentHandBack: RecentHandBack | null
}

/** How many of a deputy's latest hand-ons of the week the assign dialog looks through for his 交回了留言 line. */
const RECENT_HAND_ONS_READ = 5

/** What the assign dialog's list reads: the cases and their steps, the cached directory, and today. */
export interface ChoosingDeputies {
  store: Pick<Store, 'cases'>
  directory: DirectoryCache
  clock: Clock
  timeZone: string
}

/**
 * Deputies the caller may give this case to, found by name: the case's own station's
 * first, else any in the case's district within the caller's scope; each with their open
 * load and whether their topics include the case's. Within the own stations' and within the
 * others', those of the case's topic and those on reception duty today come first (今天值班). One who handed this message back (转交)
 * comes last, with his reason, and is not recommended. `together` names the other messages
 * assigned with it at once (批量分派): their own stations' deputies come first too, and a
 * deputy who handed back any of them says which. The own stations' deputies and those who
 * handed one back are always listed; other stations' fill the list to OTHER_STATIONS_SHOWN,
 * the rest (`more`) are found by name.
 */
export async function deputyChoices(
  { store, directory, clock, timeZone }: ChoosingDeputies,
  staff: StaffPrincipal,
  caseId: string,
  q?: string,
  together: string[] = [],
): Promise<DeputyChoices> {
  const viewer = await directory.caseViewer(staff)
  const others = [...new Set(together)].filter((id) => id !== caseId)
  if (others.length >= CASE_IDS_MAX)
    throw new UnprocessableError(`一次最多分派 ${CASE_IDS_MAX} 条留言，请分几次分派`, [{ path: 'query.together', message: `最多 ${CASE_IDS_MAX} 条` }])
  const cases: CaseRecord[] = []
  for (const id of [caseId, ...others]) {
    const found = await store.cases.get(id)
    if (!found || !canSeeCase(viewer, found)) throw new NotFoundError('留言不存在')
    cases.push(found)
  }
  const c = cases[0]
  const prepared = await directory.prepared()
  // Every selected message's district, not the first's alone: messages of two districts given together
  // each keep their own district's deputies on the list.
  const districts = cases.map((x) => x.handlingDistrictId ?? x.districtId)
  const anywhere = districts.some((d) => !d)
  const scope = await directory.scopeOf(staff)
  const own = new Set(cases.map((x) => x.stationId).filter((s): s is string => !!s))
  const inScope = async (stationId: string) => {
    if (staff.role === 'station_staff') return staff.stationIds.includes(stationId)
    if (scope.kind === 'regions' && !scopeHasStation(scope, prepared.stations.get(stationId))) return false
    return anywhere || own.has(stationId) || (await directory.stationWithin(stationId, [...new Set(districts as string[])]))
  }
  const stations: string[] = []
  for (const id of prepared.stations.keys()) if (await inScope(id)) stations.push(id)
  // The messages' own stations first: their deputies know the place.
  stations.sort((a, b) => Number(own.has(b)) - Number(own.has(a)))
  const seen = new Set<string>()
  const ids: string[] = []
  const ownDeputies = new Set<string>()
  for (const s of stations) {
    for (const id of prepared.deputiesByStation.get(s) ?? []) {
      if (seen.has(id)) continue
      seen.add(id)
      if (own.has(s)) ownDeputies.add(id)
      const name = prepared.deputies.get(id)?.name ?? ''
      if (!q || name.includes(q)) ids.push(id)
    }
  }
  // Who gave these messages up, and why: read before the list is cut, so that they are never cut off.
  const gaveUp = new Map<string, Array<{ ticket: string | null; handBack: HandBack }>>()
  for (const x of cases)
    for (const [id, handBack] of handBacks(await store.cases.events(x.id)))
      gaveUp.set(id, [...(gaveUp.get(id) ?? []), { ticket: others.length ? x.ticket : null, handBack }])
  // The roster promises 「分派留言时，值班代表优先」: today's duty deputies and those of the message's
  // topic come first (topic, then duty, as routing weighs them), each group in the directory's order.
  const today = localDate(clock.now(), timeZone)
  const onDuty = (id: string) => {
    const d = prepared.index.deputies.get(id)
    if (!d) return false
    const at = own.size ? d.stationIds.filter((s) => own.has(s)) : d.stationIds
    return at.some((s) => dutyDatesAt(d.dutyByStation, s).includes(today))
  }
  const topical = (id: string) => prepared.deputies.get(id)?.topics.includes(c.topic) === true
  const weight = (id: string) => Number(topical(id)) * 2 + Number(onDuty(id))
  const first = (list: string[]) =>
    list
      .map((id) => ({ id, w: weight(id) }))
      .sort((a, b) => b.w - a.w)
      .map((x) => x.id)
  // The others fill the list to OTHER_STATIONS_SHOWN; those who handed one back come last.
  const kept = ids.filter((id) => !gaveUp.has(id))
  const near = first(kept.filter((id) => ownDeputies.has(id)))
  const far = first(kept.filter((id) => !ownDeputies.has(id)))
  const roomFar = Math.max(0, OTHER_STATIONS_SHOWN - near.length)
  const listed = [...near, ...far.slice(0, roomFar), ...ids.filter((id) => gaveUp.has(id))]
  // One marked away today (暂停接收留言) comes last of all: routing gives him nothing new these days, and a clerk
  // who gives him one anyway does so knowing it, told beside his name.
  const awayNow = (id: string) => awayNotice(prepared.deputies.get(id)?.away, today)
  const chosen = [...listed.filter((id) => !awayNow(id)), ...listed.filter((id) => awayNow(id))]
  const loads = await store.cases.deputyLoads(chosen)
  const late = await lateOf({ store, clock }, chosen)
  const recent = await recentHandBacks({ store, clock }, chosen, new Set(cases.map((x) => x.id)), viewer)
  const items = chosen.map((id) => {
    const d = prepared.deputies.get(id)!
    const topical = d.topics.includes(c.topic)
    const handedBack = gaveUp.get(id) ?? []
    const away = awayNow(id)
    return {
      id,
      code: d.code,
      name: d.name,
      level: d.level,
      levelLabel: deputyLevelLabel(d.level, homeDistrictName(d.stationIds, prepared.stations, prepared.regions)),
      stationNames: d.stationIds.map((s) => prepared.stations.get(s)?.name ?? s),
      topics: d.topics,
      openCases: loads[id] ?? 0,
      topical,
      onDuty: onDuty(id),
      handBacks: handedBack,
      recommended: topical && !handedBack.length && !away,
      away,
      overdueCases: late.get(id)?.overdue ?? 0,
      ackLateCases: late.get(id)?.ackLate ?? 0,
      recentHandBack: recent.get(id) ?? null,
    }
  })
  return { items, more: Math.max(0, far.length - roomFar) }
}

/**
 * Per deputy, how many of the cases waiting on him are late now, each kind as the inbox and 工作概览 count it: past the
 * reply deadline (超期: waitingLate), and not acknowledged in time, the reply not yet due (未按时受理: ackLate), never
 * both. One read of the listed deputies' waiting cases (their load: tens each, on the deputy's index), merged ones
 * counting for nobody, as mostOverdue and the tallies count them.
 */
async function lateOf(
  { store, clock }: Pick<ChoosingDeputies, 'store' | 'clock'>,
  deputyIds: string[],
): Promise<Map<string, { overdue: number; ackLate: number }>> {
  const late = new Map<string, { overdue: number; ackLate: number }>()
  if (!deputyIds.length) return late
  const now = clock.now()
  for (const c of await store.cases.listForStats({ deputyIds, unmerged: true, statuses: [...WAITING_STATUSES] })) {
    if (!c.deputyId) continue
    const n = late.get(c.deputyId) ?? { overdue: 0, ackLate: 0 }
    if (waitingLate(c, now)) n.overdue++
    else if (ackLate(c, now)) n.ackLate++
    late.set(c.deputyId, n)
  }
  return late
}

/**
 * Per deputy, the latest message he handed back to the station (or office) himself in the last RECENT_HAND_BACK_DAYS:
 * "这段时间在外地学习，请站里另派代表" on one message is the clerk's best sign for the next (review 37). Not one of the
 * messages being assigned (their own hand-backs are said already), and only one the caller may read: another
 * station's message is none of hers. His latest few hand-ons of the week are looked at, all the deputies' in one read
 * of their hand-on steps (handedOnByEach, on its index), not one a deputy.
 */
async function recentHandBacks(
  { store, clock }: Pick<ChoosingDeputies, 'store' | 'clock'>,
  deputyIds: string[],
  assigning: ReadonlySet<string>,
  viewer: Viewer,
): Promise<Map<string, RecentHandBack>> {
  const since = new Date(clock.now().getTime() - RECENT_HAND_BACK_DAYS * 86_400_000)
  const found = new Map<string, RecentHandBack>()
  // Each deputy's newest first: the first that is a hand-back she may read is his latest.
  for (const h of await store.cases.handedOnByEach(deputyIds, since, RECENT_HAND_ONS_READ)) {
    if (found.has(h.deputyId) || h.step.data.deputyId || assigning.has(h.case.id) || !canSeeCase(viewer, h.case)) continue
    found.set(h.deputyId, { ticket: h.case.ticket, at: h.step.at, note: h.step.note })
  }
  return found
}
