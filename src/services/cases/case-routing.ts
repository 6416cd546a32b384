import { route } from '../../domain/routing.js'
import { topicClassifierFor, type TopicClassifier, type TopicMatch } from '../../domain/topics.js'
import { residentSummary } from '../../domain/routing-explain.js'
import type { RoutingDecision, RoutingInput, RoutingOptions } from '../../domain/routing-types.js'
import { ancestry } from '../../domain/region-tree.js'
import type { Clock } from '../../clock.js'
import type { Store } from '../../store/ports.js'
import { districtOfStation, type DirectoryCache, type PreparedDirectory } from '../directory/directory-cache.js'
import { officeOf, type TopicModels } from '../topics/topic-models.js'

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
  directory: Pick<DirectoryCache, 'prepared'>
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
  private readonly directory: Pick<DirectoryCache, 'prepared'>
  private readonly options: RoutingOptions
  private readonly clock: Clock
  private readonly models: TopicModels | null

  private readonly keywords: TopicClassifier

  constructor(deps: RoutingServiceDeps) {
    ;({ store: this.store, directory: this.directory, options: this.options, clock: this.clock, models: this.models = null } = deps)
    this.keywords = topicClassifierFor(this.options.topicKeywords, this.options.topics)
  }

  async decide(input: Omit<RoutingInput, 'at'> & { at?: Date }): Promise<PlacedDecision & { prepared: PreparedDirectory }> {
    const prepared = await this.directory.prepared()
    const full: RoutingInput = { ...input, at: input.at ?? this.clock.now() }
    // Places and codes do not depend on load or topic: a first pass finds the station and
    // the place, whose office's classifier then decides the topic, and the station's
    // deputies' open cases decide among them.
    // The rules run up to three times; the text is classified once per classifier.
    let options: RoutingOptions = { ...this.options, classifyTopic: once(this.models?.base() ?? this.options.classifyTopic ?? this.keywords) }
    let first = route(full, prepared.index, {}, options)
    const placed = this.place(input.regionId ?? null, first, prepared)
    if (this.models) {
      const classify = await this.models.forOffice(officeOf(placed))
      if (classify !== this.models.base()) {
        options = { ...options, classifyTopic: once(classify) }
        first = route(full, prepared.index, {}, options)
      }
    }
    const candidates = first.stationId ? (prepared.deputiesByStation.get(first.stationId) ?? []) : []
    const loads = candidates.length ? await this.store.cases.deputyLoads(candidates) : {}
    const decision = candidates.length ? route(full, prepared.index, loads, options) : first
    return { decision, summary: residentSummary(decision, prepared.index, input.regionId ?? undefined), ...placed, prepared }
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
}

/** A classifier that remembers its last answer: the same text is not classified twice in a row. */
function once(classify: TopicClassifier): TopicClassifier {
  let last: { text: string; match: TopicMatch } | null = null
  return (text) => {
    if (last?.text !== text) last = { text, match: classify(text) }
    return last.match
  }
}
