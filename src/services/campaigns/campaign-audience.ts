import {
  resolveAudience,
  type AudienceDirectory,
  type AudienceMember,
  type AudienceSelector,
  type CampaignRecord,
  type Problem,
  type Reader,
  stationInScope,
} from '../../domain/campaign.js'
import { GONE, notADistrict } from '../../domain/choice-words.js'
import type { Region, Station } from '../../domain/directory.js'
import { ancestry } from '../../domain/region-tree.js'
import { districtOf, stationDistricts, stationStreets } from '../../domain/station-district.js'
import type { Store } from '../../store/ports.js'
import type { DirectoryCache, PreparedDirectory } from '../directory/directory-cache.js'

/** The directory with the names progress shows beside the ids. */
export interface NamedDirectory extends AudienceDirectory {
  stationNames: ReadonlyMap<string, string>
  districtNames: ReadonlyMap<string, string>
  /** Every region by id: the areas of local campaigns (上下同题) and their names. */
  regions: ReadonlyMap<string, Region>
  personName(kind: AudienceMember['kind'], id: string): string
}

/** The directory's parts a named directory is built from: a fresh snapshot's, or the shared cache's. */
interface DirectoryParts {
  regions: Iterable<Region>
  stations: Iterable<Station>
  deputies: Iterable<AudienceDirectory['deputies'][number]>
  staff: AudienceDirectory['staff']
}

/** Named directories built from the shared cache, one per prepared directory (both audiences share them). */
const namedOfPrepared = new WeakMap<PreparedDirectory, NamedDirectory>()

/**
 * Whom a campaign is for. Reports (lists, progress, roll-ups, quiz results, 本月学习) read the
 * shared DirectoryCache, so a second request reads no directory; writes that follow the
 * audience (publishing, opening an issue, adopting, creating) read the store afresh, since the
 * cache may be a few seconds behind another instance's import.
 */
export class CampaignAudience {
  constructor(
    private readonly store: Pick<Store, 'deputies' | 'directory' | 'regions' | 'stations'>,
    private readonly cache: Pick<DirectoryCache, 'prepared' | 'stationPlaces'>,
  ) {}

  /** For reads: the shared cache's directory, named once per prepared directory. */
  async directory(): Promise<NamedDirectory> {
    const prepared = await this.cache.prepared()
    let named = namedOfPrepared.get(prepared)
    if (!named) {
      const { stationDistrict } = await this.cache.stationPlaces()
      const { regions, stations, deputies, staff } = prepared
      named = namedDirectory({ regions: regions.values(), stations: stations.values(), deputies: deputies.values(), staff }, stationDistrict)
      namedOfPrepared.set(prepared, named)
    }
    return named
  }

  /** For writes that reach people: the directory as the store holds it now. */
  async freshDirectory(): Promise<NamedDirectory> {
    return namedDirectory(await this.store.directory.snapshot())
  }

  resolve(campaign: Pick<CampaignRecord, 'audience' | 'scopeDistrictIds'>, dir: AudienceDirectory): AudienceMember[] {
    return resolveAudience(campaign.audience, dir, campaign.scopeDistrictIds)
  }

  /** Ids the selector names that the directory does not know, that lie outside the creator's districts, or deputies who have left office. */
  check(s: AudienceSelector, dir: NamedDirectory, scope: readonly string[]): { unknown: Problem[]; outside: Problem[]; left: Problem[] } {
    const unknown: Problem[] = []
    const outside: Problem[] = []
    const left: Problem[] = []
    const deputies = new Map(dir.deputies.map((d) => [d.id, d]))
    const inScope = (district: string | null) => !scope.length || (district !== null && scope.includes(district))
    s.stationIds?.forEach((id, i) => {
      const path = `body.audience.stationIds[${i}]`
      if (!dir.stationDistrict.has(id)) unknown.push({ path, message: GONE.station })
      else if (!stationInScope(id, dir, scope)) outside.push({ path, message: '不在您负责的区县' })
    })
    s.districtIds?.forEach((id, i) => {
      const path = `body.audience.districtIds[${i}]`
      if (!dir.districtNames.has(id)) unknown.push({ path, message: dir.regions.has(id) ? notADistrict(dir.regions.get(id)!.name) : GONE.district })
      else if (!inScope(id)) outside.push({ path, message: '不在您负责的区县' })
    })
    s.deputyIds?.forEach((id, i) => {
      const path = `body.audience.deputyIds[${i}]`
      const deputy = deputies.get(id)
      if (!deputy) unknown.push({ path, message: GONE.deputy })
      else if (deputy.active === false) left.push({ path, message: `${deputy.name}代表已离任` })
      // A deputy is within reach by any one of their stations, as resolveAudience reaches them there.
      else if (scope.length && !deputy.stationIds.some((st) => stationInScope(st, dir, scope))) outside.push({ path, message: '不在您负责的区县' })
    })
    return { unknown, outside, left }
  }

  /**
   * Every region a deputy's stations lie in (each covered place, its street and district):
   * a quiz of a district or of a street is for the deputies whose places these are.
   */
  async placesOfDeputy(deputyId: string): Promise<string[]> {
    const stationIds = (await this.store.deputies.get(deputyId))?.stationIds ?? []
    if (!stationIds.length) return []
    const [stations, regionList] = await Promise.all([Promise.all(stationIds.map((id) => this.store.stations.get(id))), this.store.regions.list()])
    const regions = new Map(regionList.map((r) => [r.id, r]))
    return [...new Set(stations.flatMap((st) => (st?.regionIds ?? []).flatMap((rid) => ancestry(rid, regions).map((r) => r.id))))]
  }

  /**
   * placesOfDeputy for every deputy at once, from the shared cache's directory: the daily digest judges the quizzes of
   * 100,000 deputies with no read a deputy (a few seconds behind an import at most, as the digest's own directory is).
   */
  async deputyPlaces(): Promise<(deputyId: string) => string[]> {
    const { deputies, stations, regions } = await this.cache.prepared()
    // Deputies share stations: each station's places are worked out once.
    const ofStation = new Map<string, string[]>()
    const placesOf = (stationId: string) => {
      let places = ofStation.get(stationId)
      if (!places) ofStation.set(stationId, (places = (stations.get(stationId)?.regionIds ?? []).flatMap((rid) => ancestry(rid, regions).map((r) => r.id))))
      return places
    }
    return (deputyId) => [...new Set((deputies.get(deputyId)?.stationIds ?? []).flatMap(placesOf))]
  }

  /**
   * Where a person stands for progress and leaderboards: a deputy at their home station, or,
   * given a scope of regions (a district's or street's quiz), at the first of their stations
   * inside it; a resident nowhere.
   */
  async placeOf(reader: Reader, scope: readonly string[] = []): Promise<{ stationId: string | null; districtId: string | null }> {
    if (reader.kind !== 'deputy') return { stationId: null, districtId: null }
    const stationIds = (await this.store.deputies.get(reader.id))?.stationIds ?? []
    if (!stationIds.length) return { stationId: null, districtId: null }
    const regions = new Map((await this.store.regions.list()).map((r) => [r.id, r]))
    const stations = await Promise.all(stationIds.map((id) => this.store.stations.get(id)))
    const inside = (st: Station | null) => !scope.length || (st?.regionIds ?? []).some((rid) => ancestry(rid, regions).some((r) => scope.includes(r.id)))
    const home = stations.find(inside) ?? stations[0] ?? null
    if (!home) return { stationId: stationIds[0]!, districtId: null }
    return { stationId: home.id, districtId: districtOf(home.regionIds[0], regions) }
  }
}

/** Names beside the ids, each station's district and street: from either source, the same answer. */
function namedDirectory(parts: DirectoryParts, knownDistricts?: ReadonlyMap<string, string | null>): NamedDirectory {
  const stations = [...parts.stations]
  const regionList = [...parts.regions]
  const deputies = [...parts.deputies]
  const regions = new Map(regionList.map((r) => [r.id, r]))
  const deputyNames = new Map(deputies.map((d) => [d.id, d.name]))
  const staffNames = new Map(parts.staff.map((s) => [s.id, s.name]))
  return {
    deputies,
    staff: parts.staff,
    stationDistrict: knownDistricts ?? stationDistricts(stations, regions),
    stationStreet: stationStreets(stations, regions),
    regions,
    stationNames: new Map(stations.map((s) => [s.id, s.name])),
    districtNames: new Map(regionList.filter((r) => r.kind === 'district').map((r) => [r.id, r.name])),
    personName: (kind, id) =>
      (kind === 'deputy' ? deputyNames.get(id) : kind === 'staff' ? staffNames.get(id) : undefined) ?? (kind === 'mp_user' ? '关注群众' : id),
  }
}
