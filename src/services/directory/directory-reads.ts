import { deputyLevelLabel, type Region, type Station } from '../../domain/directory.js'
import { awayNotice } from '../../domain/deputy-away.js'
import { officeName, staffOfficeName } from '../../domain/office-name.js'
import { buildRegionTree, stationsCovering, subtree } from '../../domain/region-tree.js'
import { districtOf } from '../../domain/station-district.js'
import { scopeHasStation } from '../../domain/staff-scope.js'
import { ConflictError, ForbiddenError, NotFoundError } from '../../errors.js'
import type { PiiCipher } from '../../security/pii.js'
import type { DeputyQuery, DeputyRecord, Page, StationQuery, Store } from '../../store/ports.js'
import type { AuditTrail } from '../audit.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import type { DeputyHandBack } from './deputy-hand-back.js'
import type { DirectoryCache } from './directory-cache.js'
import { DirectoryScope } from './directory-scope.js'
import { deputyView, deputyWordsFrom, type DeputyView, type DeputyWords } from './deputy-view.js'
import type { MeetingDepartures } from '../meetings/meeting-departures.js'

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

/** Reading the directory (regions, stations and deputies) as each actor may see it; DirectoryService (directory.ts) adds the edits. */
export class DirectoryReads {
  protected readonly store: Pick<Store, 'deputies' | 'directory' | 'regions' | 'stations'>
  protected readonly cipher: PiiCipher
  protected readonly audit: AuditTrail
  protected readonly topics: readonly string[]
  protected readonly cache: Pick<DirectoryCache, 'prepared' | 'scopeOf'>
  /** Told after every edit, so caches of the directory (routing) start afresh. */
  protected readonly onChange: () => void
  protected readonly handBack: Pick<DeputyHandBack, 'handBackOpenCases'>
  protected readonly today: () => string
  protected readonly departures: Pick<MeetingDepartures, 'reconsider'> | null
  protected readonly scope: DirectoryScope

  constructor(deps: DirectoryServiceDeps) {
    ;({ store: this.store, cipher: this.cipher, audit: this.audit, topics: this.topics, cache: this.cache, handBack: this.handBack } = deps)
    this.departures = deps.departures ?? null
    this.scope = new DirectoryScope(deps.store, deps.cache)
    this.onChange = deps.onChange ?? (() => {})
    this.today = deps.today ?? (() => new Date().toISOString().slice(0, 10))
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

  private async visibleDeputy(actor: StaffPrincipal, id: string) {
    const deputy = await this.store.deputies.get(id)
    // Not "forbidden": staff must not learn which ids exist outside their part of the city.
    if (!deputy || !(await this.scope.mayManage(actor, deputy.stationIds))) throw new NotFoundError('代表不存在')
    return deputy
  }

  protected async levelOf(): Promise<DeputyWords> {
    return deputyWordsFrom(this.cache)
  }

  protected view(d: DeputyRecord, mine: (stationIds: readonly string[]) => boolean, levelOf: DeputyWords, stationId?: string): DeputyView {
    return deputyView(d, mine, levelOf, this.today(), this.cipher, stationId)
  }
}
