import { route, routeStation } from '../../domain/routing.js'
import { topicClassifierFor, type TopicClassifier } from '../../domain/topics.js'
import { residentSummary } from '../../domain/routing-explain.js'
import type { RoutingDecision, RoutingInput, RoutingOptions } from '../../domain/routing-types.js'
import { ancestry } from '../../domain/region-tree.js'
import type { Clock } from '../../clock.js'
import type { Store } from '../../store/ports.js'
import { districtOfStation, type DirectoryCache, type PreparedDirectory } from '../directory/directory-cache.js'
import { officeOf, type TopicModels } from '../topics/topic-models.js'
import { scopeHasStation, type ScopedStaff } from '../../domain/staff-scope.js'
import { ForbiddenError } from '../../errors.js'
import type { MessagePlace } from '../../domain/same-message.js'
import { normalizeCode, type RoutingIndex } from '../../domain/routing-index.js'

export interface PlacedDecision {
  decision: RoutingDecision
  summary: string
  communityId: string | null
  districtId: string | null
  /** The district of the station or office the decision hands it to. */
  handlingDistrictId: string | null
}

export interface RoutingServiceDeps {
  store: Pick<Store, 'cases'>
  directory: Pick<DirectoryCache, 'prepared' | 'scopeOf'>
  options: RoutingOptions
  clock: Clock
  /** The learned topic classifiers; without them, the keyword dictionaries alone. */
  models?: TopicModels | null
}

/**
 * Routing with the store behind it: the pure rules of domain/routing.ts, fed with the
 * directory (from the DirectoryCache) and the current load of the deputies who could be chosen.
 */
export class RoutingService {
  private readonly store: Pick<Store, 'cases'>
  private readonly directory: Pick<DirectoryCache, 'prepared' | 'scopeOf'>
  private readonly options: RoutingOptions
  private readonly clock: Clock
  private readonly models: TopicModels | null

  private readonly keywords: TopicClassifier

  constructor(deps: RoutingServiceDeps) {
    ;({ store: this.store, directory: this.directory, options: this.options, clock: this.clock, models: this.models = null } = deps)
    this.keywords = topicClassifierFor(this.options.topicKeywords, this.options.topics)
  }

  /** The directory routing reads: the names of whoever holds a message it placed. */
  prepared(): Promise<PreparedDirectory> {
    return this.directory.prepared()
  }

  /**
   * Where a message would be about, as its record keeps it (the place known to the directory, its community and
   * district, whom she chose), without its topic or the deputies' load: what tells her short words about one place
   * from the same words about another (same-message.ts).
   */
  async placeOf(input: Pick<RoutingInput, 'regionId' | 'deputyCode' | 'stationCode'>): Promise<MessagePlace> {
    const prepared = await this.directory.prepared()
    const regionId = input.regionId && prepared.regions.has(input.regionId) ? input.regionId : null
    const station = routeStation(input, prepared.index)
    const { communityId, districtId } = this.place(input.regionId ?? null, station, prepared)
    return { regionId, communityId, districtId, chosen: chosenBy(input, station.stationId, prepared.index) }
  }

  async decide(input: Omit<RoutingInput, 'at'> & { at?: Date }): Promise<PlacedDecision & { prepared: PreparedDirectory }> {
    const prepared = await this.directory.prepared()
    const full: RoutingInput = { ...input, at: input.at ?? this.clock.now() }
    // Places and codes do not depend on load or topic: the station and the place come first,
    // the place's office decides which classifier reads the text, the station's deputies'
    // open cases decide among them, and then the rules run once.
    const target = routeStation(full, prepared.index)
    const placed = this.place(input.regionId ?? null, target, prepared)
    const classifyTopic = this.models ? await this.models.forOffice(officeOf(placed)) : (this.options.classifyTopic ?? this.keywords)
    const candidates = target.stationId ? (prepared.deputiesByStation.get(target.stationId) ?? []) : []
    const loads = candidates.length ? await this.store.cases.deputyLoads(candidates) : {}
    const decision = route(full, prepared.index, loads, { ...this.options, classifyTopic })
    return { decision, summary: residentSummary(decision, prepared.index, input.regionId ?? undefined, input.deputyCode), ...placed, prepared }
  }

  /**
   * What routing would decide, for a console user who may see where it lands: a station's clerk her
   * stations' messages, an organizer their districts' or streets', the city office all. A decision that
   * lands elsewhere names another station's deputies and their open loads: 403, and nothing of it.
   */
  async preview(actor: ScopedStaff & { stationIds: readonly string[] }, input: Omit<RoutingInput, 'at'> & { at?: Date }) {
    const placed = await this.decide(input)
    const { stationId, officeRegionId } = placed.decision
    const scope = await this.directory.scopeOf(actor)
    const mine =
      scope.kind === 'city' ||
      (actor.role === 'station_staff' && !!stationId && actor.stationIds.includes(stationId)) ||
      (scope.kind === 'regions' && (stationId ? scopeHasStation(scope, placed.prepared.stations.get(stationId)) : scope.covers(officeRegionId)))
    if (!mine) throw new ForbiddenError('这条留言不会分到您负责的联络站或辖区，不能预览分派结果', 'outside_scope')
    return placed
  }

  /** The community and district a case belongs to, for similar-case links and organizers' scope. */
  private place(regionId: string | null, decision: Pick<RoutingDecision, 'stationId' | 'officeRegionId'>, prepared: PreparedDirectory) {
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
}

/**
 * Whom she chose, as her message's record will say it (same-message.ts saidIn): a deputy in office by his code; else
 * the station her code leads to (a station's, or that of a deputy who has left office); null when she wrote by place,
 * or her code names nobody.
 */
function chosenBy(input: Pick<RoutingInput, 'deputyCode' | 'stationCode'>, stationId: string | null, index: RoutingIndex): string | null {
  const deputy = input.deputyCode ? index.deputiesByCode.get(normalizeCode(input.deputyCode)) : undefined
  if (deputy && deputy.active !== false) return `deputy:${deputy.id}`
  if (deputy || (input.stationCode && index.stationsByCode.has(normalizeCode(input.stationCode)))) return `station:${stationId ?? ''}`
  return null
}
