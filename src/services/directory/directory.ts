import { GONE } from '../../domain/choice-words.js'
import { deputyLevelLabel, type Deputy, type ReceptionHours, type Region, type Station, type Weekday } from '../../domain/directory.js'
import { dutyDatesAmong, dutyDatesAt, dutyStationFor, onlyStations } from '../../domain/duty-days.js'
import { pastDaysChanged } from '../../domain/duty-day-save.js'
import { dutyDaysChangedError, pastDutyDayError } from './duty-day-refusals.js'
import { awayLine, awayNotice, awayState } from '../../domain/deputy-away.js'
import { normalizePhone } from '../../domain/phone.js'
import { phoneRefused } from '../phone-refused.js'
import { officeName, staffOfficeName } from '../../domain/office-name.js'
import { buildRegionTree, stationsCovering, subtree } from '../../domain/region-tree.js'
import { districtOf, homeDistrictName } from '../../domain/station-district.js'
import { scopeHasStation } from '../../domain/staff-scope.js'
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError, ValidationError } from '../../errors.js'
import { maskPhone, PHONE_UNREADABLE, type PiiCipher } from '../../security/pii.js'
import { StoreConflict } from '../../store/conflicts.js'
import type { DeputyPatch, DeputyQuery, DeputyRecord, Page, StationQuery, Store } from '../../store/ports.js'
import type { AuditTrail } from '../audit.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import type { DeputyHandBack } from './deputy-hand-back.js'
import type { DirectoryCache } from './directory-cache.js'
import { DirectoryScope } from './directory-scope.js'
import { deputyView, deputyWordsFrom, type DeputyView, type DeputyWords } from './deputy-view.js'

export type { DeputyView } from './deputy-view.js'
import type { MeetingDepartures } from '../meetings/meeting-departures.js'

export interface StationEdit {
  name?: string
  address?: string
  receptionDays?: Weekday[]
  /** 接待时间 of every reception day; null says none. */
  receptionHours?: ReceptionHours | null
  regionIds?: string[]
}
export interface DeputyEdit {
  name?: string
  level?: Deputy['level']
  stationIds?: string[]
  topics?: string[]
  /** The duty dates at one station (`stationId`, needed when the editor could mean several), replacing that station's only. */
  dutyDates?: string[]
  stationId?: string
  /** His duty dates at that station as the editor read them: `dutyDates` is saved only over those (else 409 duty_day_changed). */
  seenDutyDates?: string[]
  phone?: string | null
  /** False takes a deputy who has left office out of service; true puts them back. */
  active?: boolean
}

/** What DirectoryService is built from (one object: the parameters are many). */
export interface DirectoryServiceDeps {
  store: Pick<Store, 'deputies' | 'directory' | 'regions' | 'stations'>
  cipher: PiiCipher
  audit: AuditTrail
  topics: readonly string[]
  /** The shared directory: each actor's scope judged on its region tree, and the stations it holds. */
  cache: Pick<DirectoryCache, 'prepared' | 'scopeOf'>
  /** Told after every edit, so caches of the directory (routing) start afresh. */
  onChange?: () => void
  /** Gives the open messages of a deputy who left office back to their stations. */
  handBack: Pick<DeputyHandBack, 'handBackOpenCases'>
  /** Today's local date (business time zone), to say whether a deputy is away now; without it, the system clock's UTC date. */
  today?: () => string
  /** Marks a deputy who left office or moved on the lists of meetings ahead (已离任 / 已调到…). */
  departures?: Pick<MeetingDepartures, 'reconsider'>
}

/** Reading and editing the directory: regions, stations and deputies. */
export class DirectoryService {
  private readonly store: Pick<Store, 'deputies' | 'directory' | 'regions' | 'stations'>
  private readonly cipher: PiiCipher
  private readonly audit: AuditTrail
  private readonly topics: readonly string[]
  private readonly cache: Pick<DirectoryCache, 'prepared' | 'scopeOf'>
  /** Told after every edit, so caches of the directory (routing) start afresh. */
  private readonly onChange: () => void
  private readonly handBack: Pick<DeputyHandBack, 'handBackOpenCases'>
  private readonly today: () => string
  private readonly departures: Pick<MeetingDepartures, 'reconsider'> | null
  private readonly scope: DirectoryScope

  constructor(deps: DirectoryServiceDeps) {
    ;({ store: this.store, cipher: this.cipher, audit: this.audit, topics: this.topics, cache: this.cache, handBack: this.handBack } = deps)
    this.departures = deps.departures ?? null
    this.scope = new DirectoryScope(deps.store, deps.cache)
    this.onChange = deps.onChange ?? (() => {})
    this.today = deps.today ?? (() => new Date().toISOString().slice(0, 10))
  }

  /**
   * A deputy the actor may change, judged as every deputy write is: on his stations as stored now;
   * outside the actor's part of the city it is 404, as for a read (ids there are not to be learned).
   */
  async writableDeputy(actor: StaffPrincipal, id: string): Promise<DeputyRecord> {
    const [deputy, mayWrite] = await Promise.all([this.store.deputies.get(id), this.scope.writable(actor)])
    if (!deputy || !mayWrite(await this.scope.stationsByIds(deputy.stationIds))) throw new NotFoundError('代表不存在')
    return deputy
  }

  /** A deputy as the console shows him, for the actor: what `deputy` answers, from a record in hand (`stationId`: his days there). */
  async viewFor(actor: StaffPrincipal, deputy: DeputyRecord, stationId?: string): Promise<DeputyView> {
    return this.view(deputy, await this.scope.manageable(actor, await this.cache.scopeOf(actor)), await this.levelOf(), stationId)
  }

  async regionTree() {
    return buildRegionTree(await this.store.regions.list())
  }

  async regionChildren(parentId: string) {
    const regions = await this.store.regions.list()
    if (!regions.some((r) => r.id === parentId)) throw new NotFoundError('区域不存在')
    return regions.filter((r) => r.parentId === parentId)
  }

  /** The regions directly under one, or the top of the tree (the districts) without one. */
  async regionsUnder(parentId: string | null): Promise<Region[]> {
    return parentId ? this.regionChildren(parentId) : (await this.regionTree()).map(({ children: _c, ...r }) => r)
  }

  /**
   * The stations serving a region: those covering it (most specific first), then, for a
   * district or street, the stations covering places inside it.
   */
  async stationsForRegion(regionId: string): Promise<Array<{ station: Station; coverage: 'covering' | 'within' }>> {
    const regions = await this.store.regions.list()
    const byId = new Map(regions.map((r) => [r.id, r]))
    if (!byId.has(regionId)) throw new NotFoundError('区域不存在')
    const stations = await this.store.stations.list()
    const covering = stationsCovering(regionId, byId, stations)
    const inside = subtree(regionId, regions)
    const coveringIds = new Set(covering.map((c) => c.station.id))
    const within = stations.filter((s) => !coveringIds.has(s.id) && s.regionIds.some((rid) => inside.has(rid)))
    return [
      ...covering.map((c) => ({ station: c.station, coverage: 'covering' as const })),
      ...within.map((station) => ({ station, coverage: 'within' as const })),
    ]
  }

  /** What a resident sees after scanning a deputy's code: never the phone. One who has left office is shown so, without their stations. */
  async publicDeputy(code: string) {
    const deputy = await this.store.deputies.getByCode(code)
    if (!deputy) throw new NotFoundError('未找到该代表')
    const own = await this.scope.stationsByIds(deputy.stationIds)
    const stations = deputy.active ? own : []
    // A county-level deputy by his station's district: 区人大代表 in a 区, 县人大代表 in a 县. One who has left is
    // offered no station, but is still said by the last one known (his stations as they were, else where he sat duty).
    const last = own[0] ?? (await this.scope.stationsByIds(Object.keys(deputy.formerDuty ?? {}).slice(-1)))[0]
    const district = last ? await this.districtName(last) : null
    // "暂停接收留言至12月5日" on the dates only: why he is away is not for the public.
    return { deputy, levelLabel: deputyLevelLabel(deputy.level, district), stations, awayNotice: deputy.active ? awayNotice(deputy.away, this.today()) : null }
  }

  /** The name of the district a station's place lies in ("湛河区"), null when none is above it. */
  private async districtName(station: Pick<Station, 'regionIds'>): Promise<string | null> {
    const { regions } = await this.cache.prepared()
    return regions.get(districtOf(station.regionIds[0], regions) ?? '')?.name ?? null
  }

  async publicStation(code: string) {
    const station = await this.store.stations.getByCode(code)
    if (!station) throw new NotFoundError('未找到该联络站')
    // Residents are offered only deputies in office.
    const today = this.today()
    // A county-level deputy by the station's district: 区人大代表 in a 区, 县人大代表 in a 县.
    const district = await this.districtName(station)
    const deputies = (await this.store.deputies.listByStation(station.id))
      .filter((d) => d.active)
      .map((d) => ({ ...d, awayNotice: awayNotice(d.away, today), levelLabel: deputyLevelLabel(d.level, district) }))
    const regions = await Promise.all(station.regionIds.map((id) => this.store.regions.get(id)))
    return { station, deputies, regions: regions.filter((r): r is Region => r !== null) }
  }

  /**
   * The office a message from this place goes to when no station takes it (routing's fallback), by its name: the
   * place's district's office, else the whole installation's.
   */
  async officeTaking(regionId: string): Promise<string> {
    const prepared = await this.cache.prepared()
    return officeName(prepared.index.districts.get(regionId)?.id ?? 'city', prepared)
  }

  /** The office a console user works for, by its name (office-name.ts staffOfficeName): how a deputy is told who acted. */
  async officeOfStaff(actor: Pick<StaffPrincipal, 'role' | 'stationIds' | 'regionIds'>): Promise<string> {
    return staffOfficeName(actor, await this.cache.prepared())
  }

  /** How many regions, stations, deputies and staff the directory holds (the console's summary). */
  summary() {
    return this.store.directory.counts()
  }

  /**
   * A clerk sees her own stations only, all on one page (a clerk holds a few); a district organizer's page keeps
   * only their districts' stations (a page may come back shorter); the city office and admins see every station.
   */
  async searchStations(actor: StaffPrincipal, query: StationQuery): Promise<Page<Station>> {
    // Read by her ids, not filtered from the city's pages: a first page of 100 may hold none of hers.
    if (actor.role === 'station_staff') return { items: await this.ownStations(actor, query), nextCursor: null }
    const scope = await this.cache.scopeOf(actor)
    // Nobody else without a place (a handling unit's staff): no station is theirs to act on, so none is listed.
    if (scope.kind === 'none') return { items: [], nextCursor: null }
    const page = await this.store.stations.search(query)
    if (scope.kind === 'city') return page
    // Judged on the stations the page holds: no station is read again.
    return { items: page.items.filter((s) => scopeHasStation(scope, s)), nextCursor: page.nextCursor }
  }

  /** A clerk's stations that match the query as the store's search matches (part of the name, or the start of the code), in id order. */
  private async ownStations(actor: StaffPrincipal, query: StationQuery): Promise<Station[]> {
    const q = query.q?.trim()
    const own = await this.scope.stationsByIds([...new Set(actor.stationIds)])
    return own
      .filter((s) => (!query.kind || s.kind === query.kind) && (!q || s.name.includes(q) || s.code.toUpperCase().startsWith(q.toUpperCase())))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  }

  async station(id: string) {
    const station = await this.store.stations.get(id)
    if (!station) throw new NotFoundError('联络站不存在')
    return station
  }

  /**
   * A station as a console user may see it: a clerk her own stations, an organizer those of their
   * districts or streets, the city office every one (the rule of writes, `writable`). To anyone else it
   * does not exist: 404, as another station's deputy is.
   */
  async stationFor(actor: StaffPrincipal, id: string) {
    const station = await this.store.stations.get(id)
    if (!station || !(await this.scope.writable(actor))([station])) throw new NotFoundError('联络站不存在')
    return station
  }

  async updateStation(actor: StaffPrincipal, id: string, edit: StationEdit) {
    const station = await this.station(id)
    if (!(await this.scope.writable(actor))([station])) throw new ForbiddenError('只能修改自己负责的联络站')
    const mayEdit = actor.role !== 'station_staff' || (edit.regionIds === undefined && edit.name === undefined)
    if (!mayEdit) throw new ForbiddenError('联络站工作人员只能修改本站的地址、接待日和接待时间')
    if (edit.regionIds) {
      await this.requireRegions(edit.regionIds, 'body.regionIds')
      await this.scope.requireRegionsInScope(actor, changed(station.regionIds, edit.regionIds), edit.regionIds, 'body.regionIds')
    }
    const updated = await this.store.stations.update(station.id, edit)
    this.onChange()
    await this.audit.record(actor, 'station.update', { kind: 'station', id }, { fields: Object.keys(edit) })
    return updated
  }

  /** Station staff see the deputies of their own stations only. */
  async searchDeputies(actor: StaffPrincipal, query: DeputyQuery): Promise<Page<DeputyView>> {
    if (actor.role === 'station_staff') {
      if (query.stationId && !actor.stationIds.includes(query.stationId)) throw new ForbiddenError('只能查看本站的代表')
      // No station named: those of all her stations (one clerk may keep several), never another's.
      if (!query.stationId)
        query = actor.stationIds.length === 1 ? { ...query, stationId: actor.stationIds[0] } : { ...query, stationIds: [...actor.stationIds] }
    }
    const scope = await this.cache.scopeOf(actor)
    // As with stations: one who is neither a station's clerk nor of a place (a handling unit's staff) lists no deputy.
    if (scope.kind === 'none' && actor.role !== 'station_staff') return { items: [], nextCursor: null }
    const page = await this.store.deputies.search(query)
    const mine = await this.scope.manageable(actor, scope)
    // A station's list shows each deputy's duty at that station: its roster is built from it.
    const levelOf = await this.levelOf()
    const view = (d: DeputyRecord) => this.view(d, mine, levelOf, query.stationId)
    if (scope.kind !== 'regions') return { items: page.items.map(view), nextCursor: page.nextCursor }
    // A district organizer's page keeps only their deputies (a page may come back shorter).
    return { items: page.items.filter((d) => mine(d.stationIds)).map(view), nextCursor: page.nextCursor }
  }

  async deputy(actor: StaffPrincipal, id: string): Promise<DeputyView> {
    return this.view(await this.visibleDeputy(actor, id), await this.scope.manageable(actor, await this.cache.scopeOf(actor)), await this.levelOf())
  }

  /** The unmasked number, for staff who need to call; every read is audited. */
  async revealDeputyPhone(actor: StaffPrincipal, id: string) {
    const deputy = await this.visibleDeputy(actor, id)
    // Opened before the audit: a number that will not open is said in words, not a 500, and is no read to record.
    const phone = deputy.phoneEnc ? this.cipher.tryDecrypt(deputy.phoneEnc, deputy.id) : null
    if (deputy.phoneEnc && phone === null) throw new ConflictError('这位代表的电话无法读取，请联系系统管理员', [], 'phone_unreadable')
    await this.audit.record(actor, 'deputy.phone.read', { kind: 'deputy', id })
    return phone
  }

  /**
   * `active: false` takes a deputy out of service: routing passes them over from now on, and the
   * messages still in their hands go back to their stations' queues (`casesReturned` says how many).
   * Leaving office or another station marks him on the lists of meetings ahead that are no longer his
   * (`meetingsWithdrawn` says how many: 已离任 / 已调到…); back in office or at the station, he is expected again;
   * at a new station, he joins the lists ahead that invite its deputies (`meetingsJoined`) and is sent their notices.
   */
  async updateDeputy(
    actor: StaffPrincipal,
    id: string,
    edit: DeputyEdit,
  ): Promise<DeputyView & { casesReturned?: number; meetingsWithdrawn?: number; meetingsJoined?: number }> {
    const [deputy, mayWrite] = await Promise.all([this.store.deputies.get(id), this.scope.writable(actor)])
    // As for a read, not "forbidden"; but judged on the deputy's stations as stored now.
    if (!deputy || !mayWrite(await this.scope.stationsByIds(deputy.stationIds))) throw new NotFoundError('代表不存在')
    // seenDutyDates changes nothing: it only says what the dutyDates are saved over.
    const fields = Object.keys(edit).filter((f) => f !== 'seenDutyDates')
    if (actor.role === 'station_staff' && fields.some((f) => f !== 'dutyDates' && f !== 'stationId')) {
      throw new ForbiddenError('联络站工作人员只能安排代表的接待日期')
    }
    const { phone, dutyDates, stationId, seenDutyDates, ...rest } = edit
    if (rest.stationIds) {
      await this.requireStations(rest.stationIds)
      await this.scope.requireStationsInScope(actor, changed(deputy.stationIds, rest.stationIds), rest.stationIds)
    }
    // In or out of service reaches every station the deputy serves, their messages there too: a
    // district's organizer decides it only for a deputy wholly of their places; the city office for the rest.
    if (edit.active !== undefined) await this.scope.requireStationsInScope(actor, deputy.stationIds, deputy.stationIds, 'body.active')
    rest.topics?.forEach((t, i) => {
      if (!this.topics.includes(t)) throw new ValidationError('关注领域无效', [{ path: `body.topics[${i}]`, message: `未知的关注领域 "${t}"` }])
    })
    // The day of the edit: his duty before it at a station he leaves stays that station's history and his record.
    const patch: DeputyPatch = { ...rest, today: this.today() }
    // One station's days only: the store keeps the other stations' as they are then (another
    // station's staff may be saving theirs), and drops those of a station the deputy leaves.
    const stationIds = rest.stationIds ?? deputy.stationIds
    const dutyStation = dutyDates === undefined ? undefined : await this.dutyStation(actor, stationIds, stationId)
    if (dutyStation) {
      // Days gone by are the station's record, as the console's calendar keeps them: refused, nothing written.
      const past = pastDaysChanged(dutyDatesAt(deputy.dutyByStation, dutyStation), dutyDates!, patch.today!)
      if (past.length) throw pastDutyDayError(past[0], 'body.dutyDates')
      // Over his days there as she read them, when she says so: a day saved meanwhile (the calendar's) is never undone unseen.
      patch.dutyAt = { stationId: dutyStation, dates: dutyDates!, ...(seenDutyDates ? { seen: seenDutyDates } : {}) }
    }
    if (phone !== undefined) {
      const normalized = phone === null || phone.trim() === '' ? null : normalizePhone(phone)
      // On top and beside the field alike: the console says the top's words, once.
      if (phone && !normalized) throw phoneRefused(phone)
      patch.phoneEnc = normalized ? this.cipher.encrypt(normalized, deputy.id) : null
      patch.phoneIndex = normalized ? this.cipher.blindIndex(normalized) : null
    }
    const updated = await this.store.deputies.update(deputy.id, patch).catch(async (err: unknown) => {
      if (!(err instanceof StoreConflict) || err.conflict !== 'duty_day_changed' || !dutyStation) throw err
      const station = (await this.cache.prepared()).stations.get(dutyStation)
      throw dutyDaysChangedError(deputy.name, station?.name ?? '', String(err.facts.dutyDatesNow ?? ''))
    })
    // Routing reads the directory afresh before the messages are handed back: none can land on them meanwhile.
    this.onChange()
    const leaving = edit.active === undefined ? {} : { active: edit.active, wasActive: deputy.active }
    await this.audit.record(actor, 'deputy.update', { kind: 'deputy', id }, { fields, ...leaving, ...(dutyStation ? { dutyStationId: dutyStation } : {}) })
    const view = this.view(updated, await this.scope.manageable(actor, await this.cache.scopeOf(actor)), await this.levelOf(), dutyStation)
    const moved = rest.stationIds !== undefined && changed(deputy.stationIds, rest.stationIds).length > 0
    const changes = this.departures && (edit.active !== undefined || moved) ? await this.departures.reconsider([deputy.id]) : null
    // Put on a list of his new station's (meetingsJoined) he was sent its 会议通知; marks a crash left out are the maintenance job's.
    const meetings = changes ? { meetingsWithdrawn: changes.filter((c) => c.withdrawn).length, meetingsJoined: changes.filter((c) => c.joined).length } : {}
    // Again when already out of service: whatever a failed first attempt left behind goes back too.
    if (edit.active === false) return { ...view, ...meetings, casesReturned: await this.handBack.handBackOpenCases(deputy.id) }
    return { ...view, ...meetings }
  }

  /**
   * Who sat reception duty at a station and has since moved to another (its roster's history): each with
   * his days there and the stations he belongs to now. The station's staff, and the offices over it, read it.
   */
  async pastDutyAt(actor: StaffPrincipal, stationId: string): Promise<Array<{ deputy: DeputyRecord; dutyDates: string[]; nowAt: Station[] }>> {
    const station = await this.store.stations.get(stationId)
    if (!station || !(await this.scope.manageable(actor, await this.cache.scopeOf(actor)))([station.id])) throw new NotFoundError('联络站不存在')
    const moved = await this.store.deputies.formerAtStation(station.id)
    const { stations } = await this.cache.prepared()
    return moved.map((deputy) => ({
      deputy,
      dutyDates: [...(deputy.formerDuty?.[station.id] ?? [])],
      nowAt: deputy.stationIds.flatMap((id) => stations.get(id) ?? []),
    }))
  }

  /**
   * The station whose duty days a plain `dutyDates` list replaces: the one named, else the only one of the
   * deputy's stations the editor looks after. A deputy of several of them needs the station named.
   */
  private async dutyStation(actor: StaffPrincipal, deputyStationIds: string[], named: string | undefined): Promise<string> {
    const mayWrite = await this.scope.writable(actor)
    const stations = await this.scope.stationsByIds(deputyStationIds)
    const allowed = stations.filter((s) => mayWrite([s])).map((s) => s.id)
    const choice = dutyStationFor(deputyStationIds, allowed, named)
    if (choice.ok) return choice.stationId
    if (choice.reason === 'ambiguous') {
      const names = stations.filter((s) => choice.stationIds.includes(s.id)).map((s) => s.name)
      throw new UnprocessableError(
        `该代表在 ${names.length} 个联络站值班，请说明是哪个联络站的值班日期`,
        [{ path: 'body.stationId', message: `请选择联络站：${names.join('、')}` }],
        'duty_station_required',
      )
    }
    if (named !== undefined && !deputyStationIds.includes(named)) {
      const station = await this.store.stations.get(named)
      throw new ValidationError('该代表不属于这个联络站', [{ path: 'body.stationId', message: station ? `该代表不属于${station.name}` : GONE.station }])
    }
    throw new ForbiddenError('只能安排本站的接待值班日期', 'outside_scope', [{ path: 'body.stationId', message: '不是您负责的联络站' }])
  }

  private async visibleDeputy(actor: StaffPrincipal, id: string) {
    const deputy = await this.store.deputies.get(id)
    // Not "forbidden": staff must not learn which ids exist outside their part of the city.
    if (!deputy || !(await this.scope.mayManage(actor, deputy.stationIds))) throw new NotFoundError('代表不存在')
    return deputy
  }

  private async levelOf(): Promise<DeputyWords> {
    return deputyWordsFrom(this.cache)
  }

  private view(d: DeputyRecord, mine: (stationIds: readonly string[]) => boolean, levelOf: DeputyWords, stationId?: string): DeputyView {
    return deputyView(d, mine, levelOf, this.today(), this.cipher, stationId)
  }

  private async requireStations(ids: string[]) {
    const found = await Promise.all(ids.map((id) => this.store.stations.get(id)))
    const details = ids.flatMap((id, i) => (found[i] ? [] : [{ path: `body.stationIds[${i}]`, message: GONE.station }]))
    if (details.length) throw new ValidationError('联络站无效', details)
  }

  private async requireRegions(ids: string[], path: string) {
    const found = await Promise.all(ids.map((id) => this.store.regions.get(id)))
    const details = ids.flatMap((id, i) => (found[i] ? [] : [{ path: `${path}[${i}]`, message: GONE.region }]))
    if (details.length) throw new ValidationError('区域无效', details)
  }
}

/** The ids added or removed by an edit. */
function changed(before: string[], after: string[]) {
  return [...after.filter((id) => !before.includes(id)), ...before.filter((id) => !after.includes(id))]
}
