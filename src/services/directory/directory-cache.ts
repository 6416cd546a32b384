import type { Region, Station } from '../../domain/directory.js'
import { ancestry } from '../../domain/region-tree.js'
import { caseScopeOf, scopeKind, staffScope, type CaseScope, type ScopedStaff, type StaffScope } from '../../domain/staff-scope.js'
import { stationDistricts } from '../../domain/station-district.js'
import { buildRoutingIndex, type RoutingIndex } from '../../domain/routing.js'
import type { DeputyRecord, StaffRecord, Store } from '../../store/ports.js'

/** The directory as routing and case views need it, prepared once and kept for a while. */
export interface PreparedDirectory {
  index: RoutingIndex
  regions: Map<string, Region>
  stations: Map<string, Station>
  /** Every deputy, those who have left office (`active` false) too: old cases still name them. */
  deputies: Map<string, Pick<DeputyRecord, 'id' | 'code' | 'name' | 'level' | 'stationIds' | 'topics' | 'active' | 'away'>>
  /** Each station's deputies in office: those a message may go to or staff may assign. */
  deputiesByStation: Map<string, string[]>
  /** Console users as audiences name them (a campaign's staff); no credentials kept. */
  staff: Array<Pick<StaffRecord, 'id' | 'name' | 'role' | 'stationIds' | 'regionIds' | 'active'>>
}

/**
 * The whole directory (regions, stations, deputies, staff and the routing index) read once and
 * shared by routing, case views, digests, campaign and ballot reports and the bot, for names and places. An import on
 * this instance invalidates it at once; another instance's import shows up within the
 * cache lifetime. When the lifetime is over and the store says nothing was written from
 * elsewhere since the last read, the prepared directory is kept: on a province's directory a
 * read and its index cost seconds of the event loop, and it was paid every minute.
 */
export class DirectoryCache {
  private cached: { until: number; mark: number | null; prepared: Promise<PreparedDirectory> } | null = null
  /** Each station's district, worked out once per prepared directory. */
  private readonly districts = new WeakMap<PreparedDirectory, ReadonlyMap<string, string | null>>()

  constructor(
    private readonly store: Pick<Store, 'directory'>,
    private readonly cacheMs = 60_000,
    /** business.officeName, which routing and case views name the whole installation's office by (null: from the regions). */
    private readonly officeName: string | null = null,
  ) {}

  invalidate() {
    this.cached = null
  }

  async prepared(): Promise<PreparedDirectory> {
    const now = Date.now()
    const cached = this.cached
    if (cached && cached.until >= now) return cached.prepared
    const mark = await this.store.directory.changedElsewhereMark()
    // Another caller may have started a read while the mark was asked.
    if (this.cached !== cached) return this.prepared()
    if (cached && mark !== null && mark === cached.mark) {
      cached.until = now + this.cacheMs
      return cached.prepared
    }
    const prepared = this.load()
    const entry = { until: now + this.cacheMs, mark, prepared }
    this.cached = entry
    prepared.catch(() => {
      if (this.cached === entry) this.cached = null
    })
    return prepared
  }

  /** The district of a station's place, for a case that moves to it. */
  async placeOfStation(stationId: string) {
    return { districtId: districtOfStation(stationId, await this.prepared()) }
  }

  /** Where a console user may look (domain/staff-scope.ts), judged on the cached region tree. */
  async scopeOf(staff: ScopedStaff): Promise<StaffScope> {
    // The city office and station staff need no tree: spare them the directory read.
    if (scopeKind(staff) !== 'regions') return staffScope(staff)
    return staffScope(staff, (await this.prepared()).regions)
  }

  /**
   * Where an organizer's residents' messages are (domain/staff-scope.ts `caseScopeOf`): their
   * districts, and the stations in their streets as the cached directory has them; null for
   * anyone who does not see cases by place (the city office and admins see all, station staff theirs).
   */
  async caseScopeOf(staff: ScopedStaff): Promise<CaseScope | null> {
    if (scopeKind(staff) !== 'regions') return null
    const prepared = await this.prepared()
    return caseScopeOf(staffScope(staff, prepared.regions), prepared.stations.values())
  }

  /** A console user as canSeeCase judges them: with the stations of the streets they hold. */
  async caseViewer<T extends ScopedStaff>(staff: T): Promise<T & { streetStationIds: readonly string[] }> {
    return { ...staff, streetStationIds: (await this.caseScopeOf(staff))?.stationIds ?? [] }
  }

  /**
   * The stations with each one's district, from the cached directory: for reads (a survey's
   * results by place, who follows what). Writes read the store's own (`stationPlaces`).
   */
  async stationPlaces(): Promise<{ stations: ReadonlyMap<string, Station>; stationDistrict: ReadonlyMap<string, string | null> }> {
    const prepared = await this.prepared()
    let stationDistrict = this.districts.get(prepared)
    if (!stationDistrict) this.districts.set(prepared, (stationDistrict = stationDistricts([...prepared.stations.values()], prepared.regions)))
    return { stations: prepared.stations, stationDistrict }
  }

  /** True when the station covers a place inside one of these regions (an organizer's districts). */
  async stationWithin(stationId: string, regionIds: string[]) {
    const prepared = await this.prepared()
    const covered = prepared.stations.get(stationId)?.regionIds ?? []
    return covered.some((rid) => ancestry(rid, prepared.regions).some((r) => regionIds.includes(r.id)))
  }

  private async load(): Promise<PreparedDirectory> {
    const snapshot = await this.store.directory.snapshot()
    // `away` rides along so that routing and the case views judge 暂停接收留言 without a read of their own.
    const deputies = snapshot.deputies.map(({ id, code, name, level, stationIds, topics, dutyByStation, active, away }) => ({
      id,
      code,
      name,
      level,
      stationIds,
      topics,
      dutyByStation,
      active,
      away: away ?? null,
    }))
    const deputiesByStation = new Map<string, string[]>()
    for (const d of deputies)
      for (const s of d.active ? d.stationIds : []) {
        // Appended in place: copying the list for every deputy was quadratic in a station's size.
        const list = deputiesByStation.get(s)
        if (list) list.push(d.id)
        else deputiesByStation.set(s, [d.id])
      }
    return {
      index: buildRoutingIndex({ regions: snapshot.regions, stations: snapshot.stations, deputies, officeName: this.officeName }),
      regions: new Map(snapshot.regions.map((r) => [r.id, r])),
      stations: new Map(snapshot.stations.map((s) => [s.id, s])),
      deputies: new Map(deputies.map((d) => [d.id, d])),
      deputiesByStation,
      staff: snapshot.staff.map(({ id, name, role, stationIds, regionIds, active }) => ({ id, name, role, stationIds, regionIds, active })),
    }
  }
}

/** The district of the first region a station covers. */
export function districtOfStation(stationId: string, prepared: PreparedDirectory) {
  const covered = prepared.stations.get(stationId)?.regionIds[0]
  const chain = covered ? ancestry(covered, prepared.regions) : []
  return chain.find((r) => r.kind === 'district')?.id ?? null
}
