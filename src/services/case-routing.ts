import type { Region, Station } from '../domain/directory.js'
import { buildRoutingIndex, route, type RoutingIndex } from '../domain/routing.js'
import { residentSummary } from '../domain/routing-explain.js'
import type { RoutingDecision, RoutingInput, RoutingOptions } from '../domain/routing-types.js'
import { ancestry } from '../domain/region-tree.js'
import type { Clock } from '../clock.js'
import type { DeputyRecord, Store } from '../store/ports.js'
import { officeOf, type TopicModels } from './topic-models.js'

/** The directory as routing and case views need it, prepared once and kept for a while. */
export interface PreparedDirectory {
  index: RoutingIndex
  regions: Map<string, Region>
  stations: Map<string, Station>
  deputies: Map<string, Pick<DeputyRecord, 'id' | 'code' | 'name' | 'level' | 'stationIds' | 'topics'>>
  deputiesByStation: Map<string, string[]>
}

export interface PlacedDecision {
  decision: RoutingDecision
  summary: string
  communityId: string | null
  districtId: string | null
  /** The district of the station or office the decision hands it to. */
  handlingDistrictId: string | null
}

/**
 * Routing with the store behind it: the pure rules of domain/routing.ts, fed with the
 * directory (cached; another instance's import shows up within the cache lifetime) and
 * the current load of the deputies who could be chosen.
 */
export class RoutingService {
  private cached: { until: number; prepared: Promise<PreparedDirectory> } | null = null

  constructor(
    private readonly store: Store,
    private readonly options: RoutingOptions,
    private readonly clock: Clock,
    private readonly cacheMs = 60_000,
    /** The learned topic classifiers; without them, the keyword dictionaries alone. */
    private readonly models: TopicModels | null = null,
  ) {}

  invalidate() {
    this.cached = null
  }

  prepared(): Promise<PreparedDirectory> {
    const now = Date.now()
    if (!this.cached || this.cached.until < now) {
      const prepared = this.load()
      this.cached = { until: now + this.cacheMs, prepared }
      prepared.catch(() => (this.cached = null))
    }
    return this.cached.prepared
  }

  async decide(input: Omit<RoutingInput, 'at'> & { at?: Date }): Promise<PlacedDecision & { prepared: PreparedDirectory }> {
    const prepared = await this.prepared()
    const full: RoutingInput = { ...input, at: input.at ?? this.clock.now() }
    // Places and codes do not depend on load or topic: a first pass finds the station and
    // the place, whose office's classifier then decides the topic, and the station's
    // deputies' open cases decide among them.
    let options: RoutingOptions = this.models ? { ...this.options, classifyTopic: this.models.base() } : this.options
    let first = route(full, prepared.index, {}, options)
    const placed = this.place(input.regionId ?? null, first, prepared)
    if (this.models) {
      const classify = await this.models.forOffice(officeOf(placed))
      if (classify !== options.classifyTopic) {
        options = { ...options, classifyTopic: classify }
        first = route(full, prepared.index, {}, options)
      }
    }
    const candidates = first.stationId ? (prepared.deputiesByStation.get(first.stationId) ?? []) : []
    const loads = candidates.length ? await this.store.cases.deputyLoads(candidates) : {}
    const decision = candidates.length ? route(full, prepared.index, loads, options) : first
    return { decision, summary: residentSummary(decision, prepared.index, input.regionId ?? undefined), ...placed, prepared }
  }

  /** The district of a station's place, for a case that moves to it. */
  async placeOfStation(stationId: string) {
    return { districtId: districtOfStation(stationId, await this.prepared()) }
  }

  /** True when the station covers a place inside one of these regions (an organizer's districts). */
  async stationWithin(stationId: string, regionIds: string[]) {
    const prepared = await this.prepared()
    const covered = prepared.stations.get(stationId)?.regionIds ?? []
    return covered.some((rid) => ancestry(rid, prepared.regions).some((r) => regionIds.includes(r.id)))
  }

  /** The community and district a case belongs to, for similar-case links and organizers' scope. */
  private place(regionId: string | null, decision: RoutingDecision, prepared: PreparedDirectory) {
    let chain = regionId && prepared.regions.has(regionId) ? ancestry(regionId, prepared.regions) : []
    if (!chain.length && decision.stationId) {
      const covered = prepared.stations.get(decision.stationId)?.regionIds[0]
      chain = covered ? ancestry(covered, prepared.regions) : []
    }
    const communityId = chain.find((r) => r.kind === 'community')?.id ?? null
    const districtId = chain.find((r) => r.kind === 'district')?.id ?? decision.officeRegionId
    const handlingDistrictId = decision.stationId ? (districtOfStation(decision.stationId, prepared) ?? districtId) : decision.officeRegionId
    return { communityId, districtId, handlingDistrictId }
  }

  private async load(): Promise<PreparedDirectory> {
    const snapshot = await this.store.directory.snapshot()
    const deputies = snapshot.deputies.map(({ id, code, name, level, stationIds, topics, dutyDates }) => ({ id, code, name, level, stationIds, topics, dutyDates }))
    const deputiesByStation = new Map<string, string[]>()
    for (const d of deputies) for (const s of d.stationIds) deputiesByStation.set(s, [...(deputiesByStation.get(s) ?? []), d.id])
    return {
      index: buildRoutingIndex({ regions: snapshot.regions, stations: snapshot.stations, deputies }),
      regions: new Map(snapshot.regions.map((r) => [r.id, r])),
      stations: new Map(snapshot.stations.map((s) => [s.id, s])),
      deputies: new Map(deputies.map((d) => [d.id, d])),
      deputiesByStation,
    }
  }
}

function districtOfStation(stationId: string, prepared: PreparedDirectory) {
  const covered = prepared.stations.get(stationId)?.regionIds[0]
  const chain = covered ? ancestry(covered, prepared.regions) : []
  return chain.find((r) => r.kind === 'district')?.id ?? null
}
