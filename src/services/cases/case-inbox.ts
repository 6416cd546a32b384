import { DEPUTY_LOAD_STATUSES } from '../../domain/case.js'
import { setImmediate } from 'node:timers/promises'
import type { Clock } from '../../clock.js'
import type { CaseRecord } from '../../domain/case.js'
import { handBacks, type HandBack } from '../../domain/case-hand-backs.js'
import { canSeeCase, type Viewer } from '../../domain/case-access.js'
import { slaBadge, type SlaBadge } from '../../domain/sla-badge.js'
import { deadlineWords } from '../../domain/deadline-words.js'
import { deputyLevelLabel, type DeputyLevel } from '../../domain/directory.js'
import { homeDistrictName } from '../../domain/station-district.js'
import { officeName } from '../../domain/office-name.js'
import { NotFoundError, UnprocessableError } from '../../errors.js'
import type { Store } from '../../store/ports.js'
import { CASE_IDS_MAX, type CaseFilters, type CaseQueries } from './case-queries.js'
import { carrierOf } from './case-whereabouts.js'
import type { DirectoryCache, PreparedDirectory } from '../directory/directory-cache.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import type { AuditTrail } from '../audit.js'
import { exportedFilters } from '../../domain/audit-detail-words.js'
import { scopeHasStation } from '../../domain/staff-scope.js'
import { dutyDatesAt } from '../../domain/duty-days.js'
import { localDate } from '../../domain/dates.js'
import { awayNotice, awayStaffNote } from '../../domain/deputy-away.js'
import { buildRegionTree, type RegionNode } from '../../domain/region-tree.js'
import { RECENT_HAND_BACK_DAYS, type RecentHandBack } from '../../domain/deputy-choice-words.js'
import { deputiesNamed, stationFilter } from './inbox-pointers.js'
import { caseExportFileName } from './case-export-name.js'

/** The states in which a message waits on its deputy: his being away matters only then. */
const WITH_DEPUTY: ReadonlySet<string> = new Set(DEPUTY_LOAD_STATUSES)

/** One line of the console's inbox: the case with the names, deadline words and similar count staff read. */
export interface InboxRow {
  case: CaseRecord
  stationName: string | null
  deputyName: string | null
  /** "代表请假至12月5日" while the deputy holding it is marked away (the clerk may 改派); null otherwise. */
  deputyAway: string | null
  /** A merged message: the one it is handled with, and that one's deputy (null when she may not read it, `seen`). */
  handledAlong: { ticket: string; seen: boolean; deputy: string | null } | null
  /** The office a case without a station waits at. */
  officeName: string | null
  /** The resident's place: her community (or the place she named), as the export's 地点 column says it. */
  placeName: string | null
  sla: SlaBadge | null
  /** Both deadlines that still matter, in words, next due first (deadlineWords): the line says them without a hover. */
  deadlines: string | null
  similarCount: number
}

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
  /** Of his open cases, those past their deadline now (工作概览's 超期): said beside 在办. */
  overdueCases: number
  /** The latest message he handed back himself in the last RECENT_HAND_BACK_DAYS (not one of these), that the caller may read. */
  recentHandBack: RecentHandBack | null
}

/** How many late messages the assign dialog reads at most for its deputies' 已超期 (a few dozen deputies: never near it). */
const OVERDUE_READ_MAX = 5000

/** How far the list's 「共 N 条」 counts: past it, 「1000 条以上」 (a count of a million cases is no quick read). */
export const LIST_COUNT_BOUND = 1000

/**
 * Cases the export reads at a time. Small on purpose: a page's cases stay alive while its
 * lines wait for the reader, so the young generation's collections move them to the old one,
 * where they pile up as garbage. On the province's data pages of 500 grew the server by
 * ~500 MB during a million-case export; pages of 50 by ~20 MB of heap. Each extra page is a
 * seek on the list's index.
 */
export const EXPORT_PAGE_SIZE = 50

export interface CaseInboxDeps {
  store: Store
  queries: CaseQueries
  directory: DirectoryCache
  clock: Clock
  timeZone: string
  /** Cases read at a time by the export (EXPORT_PAGE_SIZE unless a test says otherwise). */
  exportPageSize?: number
  /** Where each export is recorded (操作记录): who downloaded residents' messages, with which filters. */
  audit: Pick<AuditTrail, 'record'>
}

/**
 * The console's reading of cases: the same scoped search as the API list, with what a
 * person needs to triage at a glance (names, not ids; deadlines in words; similar
 * messages), the full filtered list for export, and whom a case can be given to.
 */
export class CaseInbox {
  private readonly store: Store
  private readonly queries: CaseQueries
  private readonly directory: DirectoryCache
  private readonly clock: Clock
  private readonly timeZone: string
  private readonly exportPageSize: number
  private readonly audit: Pick<AuditTrail, 'record'>

  constructor(deps: CaseInboxDeps) {
    ;({
      store: this.store,
      queries: this.queries,
      directory: this.directory,
      clock: this.clock,
      timeZone: this.timeZone,
      exportPageSize: this.exportPageSize = EXPORT_PAGE_SIZE,
      audit: this.audit,
    } = deps)
  }

  /** "代表请假至12月5日" while the message waits on a deputy marked away today, from the cached directory; null otherwise. */
  async deputyAwayNote(c: Pick<CaseRecord, 'deputyId' | 'status' | 'mergedInto'>): Promise<string | null> {
    if (!c.deputyId || c.mergedInto || !WITH_DEPUTY.has(c.status)) return null
    const away = (await this.directory.prepared()).deputies.get(c.deputyId)?.away
    return away ? awayStaffNote(away, localDate(this.clock.now(), this.timeZone)) : null
  }

  async page(staff: StaffPrincipal, filters: CaseFilters, page: { cursor?: string; limit: number; order?: 'newest' | 'due' }) {
    const found = await this.queries.staffCases(staff, filters, page)
    const rows = await this.rows(found.items, staff, true)
    // Counted with the first page only (the console keeps it while paging), and no further than
    // LIST_COUNT_BOUND: 「共 N 条」, or 「1000 条以上」 for a province's list.
    const total = page.cursor ? null : await this.store.cases.countUpTo(await this.queries.scopedFilter(staff, filters), LIST_COUNT_BOUND)
    // A short number is looked for over recent days only: the list says which. `atOfficeName`: who holds the messages
    // at an office that she sees, as the 在…办 filter names them (null when she sees none).
    return {
      items: rows,
      nextCursor: found.nextCursor,
      numberSearch: this.queries.shortNumberSearch(filters.q),
      total,
      atOfficeName: await this.queries.officesSeenBy(staff),
      deputyNamed: await deputiesNamed(this.directory, staff, filters.q),
      stationFilter: filters.stationId ? await stationFilter(this.directory, staff, filters.stationId) : null,
    }
  }

  /** What the export is saved as: whose list and which ("澜江区-留言列表-已超期-2026-12-06.csv"). */
  async exportFileName(staff: StaffPrincipal, filters: CaseFilters): Promise<string> {
    // Another station's name never goes into her file's name through a typed ?stationId= (the list of it is empty).
    const named = filters.stationId && !(await stationFilter(this.directory, staff, filters.stationId)).name ? { ...filters, stationId: undefined } : filters
    return caseExportFileName(staff, named, await this.directory.prepared(), this.clock.now(), this.timeZone)
  }

  /**
   * Every case the filters find, in the list's order: exactly what the person filtered, for
   * export. Read page by page on the list's own keyset order, so a million cases stream
   * through a page of memory. The scope is resolved before the first row (a bad filter is
   * still a 400, not a broken download).
   */
  async export(staff: StaffPrincipal, filters: CaseFilters, order: 'newest' | 'due' = 'newest'): Promise<AsyncIterable<InboxRow>> {
    const scoped = await this.queries.scopedFilter(staff, filters)
    // Recorded before the first row: whoever starts a download of residents' messages is on record, finished or not.
    const recorded = { filters: exportedFilters({ ...filters }), order }
    await this.audit.record(staff, 'cases.exported', null, recorded)
    const pageSize = this.exportPageSize
    const self = this
    return (async function* () {
      // How many lines went out, on record when the download ends: 操作记录 says 共 N 条, or that
      // it stopped after N (the reader closed the page): a sheet of residents' messages is counted.
      let rows = 0
      let complete = false
      try {
        // The names of one directory for the whole download: a long export outlives the cache's
        // minute, and reloading a province's directory mid-stream cost ~1 s and ~400 MB of garbage.
        const prepared = await self.directory.prepared()
        let cursor: string | undefined
        do {
          const page = await self.store.cases.search({ ...scoped, order, limit: pageSize, cursor })
          for (const row of await self.rows(page.items, staff, false, prepared)) {
            rows++
            yield row
          }
          cursor = page.nextCursor ?? undefined
          // A turn of the event loop between pages. SQLite answers at once and a fast reader never
          // makes the socket wait, so without it a million-case export ran as one unbroken chain of
          // promises: every other request waited the whole download, and V8's collector (whose
          // steps are tasks of the loop) fell behind, growing the server by ~500 MB of garbage.
          await setImmediate()
        } while (cursor)
        complete = true
      } finally {
        await self.audit.record(staff, 'cases.export_finished', null, { ...recorded, rows, complete })
      }
    })()
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
  async deputyChoices(staff: StaffPrincipal, caseId: string, q?: string, together: string[] = []): Promise<DeputyChoices> {
    const viewer = await this.directory.caseViewer(staff)
    const others = [...new Set(together)].filter((id) => id !== caseId)
    if (others.length >= CASE_IDS_MAX)
      throw new UnprocessableError(`一次最多分派 ${CASE_IDS_MAX} 条留言，请分几次分派`, [{ path: 'query.together', message: `最多 ${CASE_IDS_MAX} 条` }])
    const cases: CaseRecord[] = []
    for (const id of [caseId, ...others]) {
      const found = await this.store.cases.get(id)
      if (!found || !canSeeCase(viewer, found)) throw new NotFoundError('留言不存在')
      cases.push(found)
    }
    const c = cases[0]
    const prepared = await this.directory.prepared()
    // Every selected message's district, not the first's alone: messages of two districts given together
    // each keep their own district's deputies on the list.
    const districts = cases.map((x) => x.handlingDistrictId ?? x.districtId)
    const anywhere = districts.some((d) => !d)
    const scope = await this.directory.scopeOf(staff)
    const own = new Set(cases.map((x) => x.stationId).filter((s): s is string => !!s))
    const inScope = async (stationId: string) => {
      if (staff.role === 'station_staff') return staff.stationIds.includes(stationId)
      if (scope.kind === 'regions' && !scopeHasStation(scope, prepared.stations.get(stationId))) return false
      return anywhere || own.has(stationId) || (await this.directory.stationWithin(stationId, [...new Set(districts as string[])]))
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
      for (const [id, handBack] of handBacks(await this.store.cases.events(x.id)))
        gaveUp.set(id, [...(gaveUp.get(id) ?? []), { ticket: others.length ? x.ticket : null, handBack }])
    // The roster promises 「分派留言时，值班代表优先」: today's duty deputies and those of the message's
    // topic come first (topic, then duty, as routing weighs them), each group in the directory's order.
    const today = localDate(this.clock.now(), this.timeZone)
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
    const loads = await this.store.cases.deputyLoads(chosen)
    const late = await this.overdueOf(chosen)
    const recent = await this.recentHandBacks(chosen, new Set(cases.map((x) => x.id)), viewer)
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
        overdueCases: late.get(id) ?? 0,
        recentHandBack: recent.get(id) ?? null,
      }
    })
    return { items, more: Math.max(0, far.length - roomFar) }
  }

  /** Per deputy, how many of his open cases are past their deadline now (mostOverdue: merged ones count for nobody). */
  private async overdueOf(deputyIds: string[]): Promise<Map<string, number>> {
    const late = new Map<string, number>()
    if (!deputyIds.length) return late
    for (const c of await this.store.cases.mostOverdue({ deputyIds, unmerged: true }, this.clock.now(), OVERDUE_READ_MAX))
      if (c.deputyId) late.set(c.deputyId, (late.get(c.deputyId) ?? 0) + 1)
    return late
  }

  /**
   * Per deputy, the latest message he handed back to the station (or office) himself in the last RECENT_HAND_BACK_DAYS:
   * "这段时间在外地学习，请站里另派代表" on one message is the clerk's best sign for the next (review 37). Not one of the
   * messages being assigned (their own hand-backs are said already), and only one the caller may read: another
   * station's message is none of hers. One read of his own hand-on steps each (handedOnBy, on its index).
   */
  private async recentHandBacks(deputyIds: string[], assigning: ReadonlySet<string>, viewer: Viewer): Promise<Map<string, RecentHandBack>> {
    const since = this.clock.now().getTime() - RECENT_HAND_BACK_DAYS * 86_400_000
    const found = new Map<string, RecentHandBack>()
    for (const id of deputyIds) {
      const { items } = await this.store.cases.handedOnBy(id, { limit: 5 })
      const back = items.find((h) => h.step.at.getTime() >= since && !h.step.data.deputyId && !assigning.has(h.case.id) && canSeeCase(viewer, h.case))
      if (back) found.set(id, { ticket: back.case.ticket, at: back.step.at, note: back.step.note })
    }
    return found
  }

  /**
   * The places the list's 地点 filter offers: the caller's own, from her level down. A station's clerk
   * gets the places her stations cover (a street and its communities), an organizer her districts or
   * streets, the city office the whole city. Another district's place would only ever list nothing.
   */
  async places(staff: StaffPrincipal): Promise<RegionNode[]> {
    const prepared = await this.directory.prepared()
    const tree = buildRegionTree([...prepared.regions.values()])
    let roots: readonly string[]
    if (staff.role === 'station_staff') roots = staff.stationIds.flatMap((id) => prepared.stations.get(id)?.regionIds ?? [])
    else {
      const scope = await this.directory.scopeOf(staff)
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

  private async rows(cases: CaseRecord[], staff: StaffPrincipal, withSimilar: boolean, held?: PreparedDirectory): Promise<InboxRow[]> {
    const prepared = held ?? (await this.directory.prepared())
    const now = this.clock.now()
    const today = localDate(now, this.timeZone)
    const rows: InboxRow[] = []
    const similar = this.queries.similarFinder(staff)
    // A merged message is handled by the deputy of the one it joined (CaseRecord.mergedInto): its line names him, as its page does.
    const viewer = cases.some((c) => c.mergedInto) ? await this.directory.caseViewer(staff) : null
    const along = async (c: CaseRecord): Promise<InboxRow['handledAlong']> => {
      const carrier = viewer && c.mergedInto ? await carrierOf(this.store, c) : null
      if (!carrier) return null
      const seen = canSeeCase(viewer!, carrier)
      return { ticket: carrier.ticket, seen, deputy: seen && carrier.deputyId ? (prepared.deputies.get(carrier.deputyId)?.name ?? null) : null }
    }
    for (const c of cases) {
      rows.push({
        case: c,
        stationName: c.stationId ? (prepared.stations.get(c.stationId)?.name ?? null) : null,
        deputyName: c.deputyId ? (prepared.deputies.get(c.deputyId)?.name ?? null) : null,
        // Only while the message waits on him: an answered one needs nobody moved.
        deputyAway: c.deputyId && !c.mergedInto && WITH_DEPUTY.has(c.status) ? awayStaffNote(prepared.deputies.get(c.deputyId)?.away, today) : null,
        handledAlong: await along(c),
        officeName: c.stationId ? null : officeName(c.officeRegionId ?? 'city', prepared),
        placeName: placeNameOf(c, prepared),
        sla: slaBadge(c, now, this.timeZone),
        deadlines: deadlineWords(c, now, this.timeZone),
        similarCount: withSimilar ? (await similar(c)).length : 0,
      })
    }
    return rows
  }
}

/** The resident's place by name: her community, else the place she named (a street, a district), else none. */
function placeNameOf(c: Pick<CaseRecord, 'communityId' | 'regionId' | 'districtId'>, prepared: PreparedDirectory): string | null {
  for (const id of [c.communityId, c.regionId, c.districtId]) {
    const name = id ? prepared.regions.get(id)?.name : undefined
    if (name) return name
  }
  return null
}
