/**
 * The full-size directory used by benchmarks: a whole prefecture-level city with
 * about 270 liaison stations and 9,000 deputies. Geography scales with the
 * station count (about three stations per street or town) so smaller or larger
 * variants stay internally consistent. Deterministic from the seed.
 */

import { DEPUTY_LEVELS, type DeputyLevel, type DirectoryFile, type Region, type Station, type StationKind, type Weekday } from '../domain/directory.js'
import { DEFAULT_TODAY, assignDutyDates, parseIsoDate, pickTopics } from './demo-city.js'
import {
  COMMUNITY_STEMS,
  ROAD_NAMES,
  STREET_STEMS,
  TOWN_STEMS,
  VILLAGE_STEMS,
  chance,
  chineseOrdinal,
  clanVillageStem,
  distinctStems,
  mulberry32,
  pad,
  personName,
  pick,
  pickWeighted,
  randomInt,
  sample,
  shuffled,
  uniqueUsername,
  type Random,
} from './names.js'

export interface FullSizeOptions {
  seed?: number
  stations?: number
  deputies?: number
  today?: string
}

export const FULL_SIZE_DEFAULTS = { seed: 1, stations: 270, deputies: 9000 } as const

type DeputyEntry = NonNullable<DirectoryFile['deputies']>[number]
type StaffEntry = NonNullable<DirectoryFile['staff']>[number]

const CITY = '青澜市'
const STATIONS_PER_STREET = 3
const STREETS_PER_DISTRICT = 9

/** Invented district names; beyond the list, names get a numeric ordinal so they stay unique. */
const DISTRICT_NAMES: readonly string[] = [
  '澜江区',
  '澜东区',
  '凤栖区',
  '鹭洲区',
  '青峰区',
  '石湾区',
  '望澜区',
  '云岭县',
  '临溪县',
  '桐川县',
  '栖凤县',
  '白鹭县',
  '翠湖区',
  '金沙区',
  '松溪县',
  '溪口县',
]

/** Share of deputies per level; township takes the remainder. */
const LEVEL_SHARES: Readonly<Record<Exclude<DeputyLevel, 'township'>, number>> = {
  national: 0.003,
  provincial: 0.02,
  city: 0.08,
  county: 0.3,
}

const EXTRA_STATION_CHANCE: Readonly<Record<DeputyLevel, number>> = {
  national: 0.9,
  provincial: 0.5,
  city: 0.2,
  county: 0.05,
  township: 0,
}

const PHONE_PREFIXES = ['138', '139', '150', '151', '152', '158', '159', '186', '187', '188'] as const

interface Street {
  region: Region
  districtId: string
  districtName: string
  isTown: boolean
  communities: Region[]
}

interface Geography {
  regions: Region[]
  districts: Region[]
  streets: Street[]
}

function checkCount(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer ≥ ${min}, got ${value}`)
  return value
}

/** Width for zero-padded ids: at least `min` digits, more when the count needs them. */
function width(count: number, min: number): number {
  return Math.max(min, String(count).length)
}

/** Splits `total` items into `parts` contiguous sizes that differ by at most one. */
function evenSizes(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0))
}

function districtName(index: number): string {
  const base = DISTRICT_NAMES[index % DISTRICT_NAMES.length] as string
  const round = Math.floor(index / DISTRICT_NAMES.length)
  return round === 0 ? base : base.slice(0, -1) + chineseOrdinal(round + 1) + base.slice(-1)
}

function buildGeography(rand: Random, stationCount: number): Geography {
  const streetCount = Math.max(1, Math.round(stationCount / STATIONS_PER_STREET))
  const districtCount = Math.max(1, Math.round(streetCount / STREETS_PER_DISTRICT))
  const streetsPerDistrict = evenSizes(streetCount, districtCount)

  // Street and town names are unique city-wide, which keeps station names unique too.
  const streetStems = distinctStems(rand, STREET_STEMS, streetCount)
  const townStems = distinctStems(rand, TOWN_STEMS, streetCount)
  let nextStreetStem = 0
  let nextTownStem = 0

  const districts: Region[] = []
  const streets: Street[] = []
  const communities: Region[] = []
  const grids: Region[] = []
  const dw = width(districtCount, 2)
  const sw = width(Math.max(...streetsPerDistrict), 2)

  streetsPerDistrict.forEach((size, di) => {
    const name = districtName(di)
    const district: Region = { id: `d${pad(di + 1, dw)}`, name, kind: 'district', parentId: null }
    districts.push(district)
    // Counties are mostly towns and villages; urban districts mostly sub-districts.
    const townShare = name.endsWith('县') ? 0.75 : 0.2
    for (let si = 0; si < size; si++) {
      const isTown = chance(rand, townShare)
      const streetName = isTown ? `${townStems[nextTownStem++]}${chance(rand, 0.85) ? '镇' : '乡'}` : `${streetStems[nextStreetStem++]}街道`
      const streetId = `s${district.id.slice(1)}${pad(si + 1, sw)}`
      const street: Street = {
        region: { id: streetId, name: streetName, kind: 'street', parentId: district.id },
        districtId: district.id,
        districtName: name,
        isTown,
        communities: [],
      }
      const names = communityNames(rand, isTown, randomInt(rand, 8, 14))
      names.forEach((communityName, ci) => {
        const community: Region = {
          id: `c${streetId.slice(1)}${pad(ci + 1, 2)}`,
          name: communityName,
          kind: 'community',
          parentId: streetId,
        }
        street.communities.push(community)
        communities.push(community)
        const gridCount = randomInt(rand, 2, 4)
        for (let gi = 1; gi <= gridCount; gi++) {
          grids.push({
            id: `g${community.id.slice(1)}${pad(gi, 2)}`,
            name: `${communityName}第${chineseOrdinal(gi)}网格`,
            kind: 'grid',
            parentId: community.id,
          })
        }
      })
      streets.push(street)
    }
  })

  // Parents before children, so an importer can insert in order.
  const regions = [...districts, ...streets.map((s) => s.region), ...communities, ...grids]
  return { regions, districts, streets }
}

/** A town has one urban community around its seat and villages elsewhere. */
function communityNames(rand: Random, isTown: boolean, count: number): string[] {
  if (!isTown) return distinctStems(rand, COMMUNITY_STEMS, count).map((stem) => `${stem}社区`)
  const villagePool = [...new Set([...VILLAGE_STEMS, ...Array.from({ length: 40 }, () => clanVillageStem(rand))])]
  const villages = distinctStems(rand, villagePool, count - 1).map((stem) => `${stem}村`)
  return [`${pick(rand, COMMUNITY_STEMS)}社区`, ...villages]
}

/** Stations per street: at least one each, the rest scattered, never more than a street has communities. */
function stationsPerStreet(rand: Random, streets: readonly Street[], stationCount: number): number[] {
  const counts = streets.map(() => 1)
  let remaining = stationCount - streets.length
  const capacity = streets.reduce((sum, s) => sum + s.communities.length, 0)
  if (stationCount > capacity) throw new Error(`cannot place ${stationCount} stations over ${capacity} communities`)
  while (remaining > 0) {
    const i = Math.floor(rand() * streets.length)
    if ((counts[i] as number) < (streets[i] as Street).communities.length) {
      counts[i] = (counts[i] as number) + 1
      remaining--
    }
  }
  return counts
}

/** Splits a street's communities into `parts` contiguous runs of random (non-empty) length. */
function splitCommunities(rand: Random, communities: readonly Region[], parts: number): Region[][] {
  const cuts = sample(
    rand,
    Array.from({ length: communities.length - 1 }, (_, i) => i + 1),
    parts - 1,
  ).sort((a, b) => a - b)
  const bounds = [0, ...cuts, communities.length]
  return bounds.slice(1).map((end, i) => communities.slice(bounds[i], end))
}

const SECTOR_NAMES = ['教育', '医疗卫生', '商贸物流', '建筑', '金融']

/** Kind of a station that covers part of a street; towns keep mostly township stations. */
function stationKindForGroup(rand: Random, isTown: boolean): StationKind {
  return pickWeighted<StationKind>(rand, [
    { value: 'township', weight: isTown ? 60 : 0 },
    { value: 'community', weight: isTown ? 28 : 88 },
    { value: 'industrial_park', weight: 5 },
    { value: 'scenic_area', weight: 3 },
    { value: 'sector', weight: 2 },
    { value: 'other', weight: 2 },
  ])
}

function stationName(rand: Random, kind: StationKind, street: Street, first: Region, wholeStreet: boolean): string {
  const stem = first.name.replace(/(社区|村)$/, '')
  switch (kind) {
    case 'industrial_park':
      return `${street.region.name}${stem}产业园代表联络站`
    case 'scenic_area':
      return `${street.region.name}${stem}景区代表联络站`
    case 'sector':
      return `${street.region.name}${pick(rand, SECTOR_NAMES)}行业代表联络站`
    case 'other':
      return `${street.region.name}${stem}代表之家`
    default:
      return wholeStreet ? `${street.region.name}代表联络站` : `${street.region.name}${first.name}代表联络站`
  }
}

function receptionDaysFor(rand: Random, kind: StationKind): Weekday[] {
  if (kind === 'scenic_area') return chance(rand, 0.5) ? ['sat', 'sun'] : ['sat']
  const weekdays: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri']
  const days = sample(rand, weekdays, chance(rand, 0.35) ? 2 : 1)
  return weekdays.filter((d) => days.includes(d))
}

function addressFor(rand: Random, street: Street, first: Region, wholeStreet: boolean): string {
  const road = pick(rand, ROAD_NAMES)
  // Whole-street stations sit in the sub-district or town hall, smaller ones in a community centre.
  const place = wholeStreet ? (street.isTown ? '便民服务中心' : '党群服务中心') : street.isTown ? `${first.name}便民服务站` : `${first.name}党群服务中心`
  return `${CITY}${street.districtName}${street.region.name}${road}${randomInt(rand, 1, 299)}号${place}`
}

function buildStations(rand: Random, streets: readonly Street[], stationCount: number): Station[] {
  const perStreet = stationsPerStreet(rand, streets, stationCount)
  const stations: Station[] = []
  const w = width(stationCount, 3)
  streets.forEach((street, i) => {
    const parts = perStreet[i] as number
    const groups: Region[][] = parts === 1 ? [street.communities] : splitCommunities(rand, street.communities, parts)
    for (const group of groups) {
      const wholeStreet = parts === 1
      const kind: StationKind = wholeStreet ? (street.isTown ? 'township' : 'community') : stationKindForGroup(rand, street.isTown)
      const first = group[0] as Region
      const n = stations.length + 1
      stations.push({
        id: `st${pad(n, w)}`,
        code: `ST${pad(n, w)}`,
        name: stationName(rand, kind, street, first, wholeStreet),
        kind,
        address: addressFor(rand, street, first, wholeStreet),
        // A whole-street station covers the street itself, so communities added later are covered too.
        regionIds: wholeStreet ? [street.region.id] : group.map((c) => c.id),
        receptionDays: receptionDaysFor(rand, kind),
      })
    }
  })
  return stations
}

/** Exact per-level counts from the shares; every level appears when there are enough deputies. */
function levelCounts(total: number): Record<DeputyLevel, number> {
  const counts = { national: 0, provincial: 0, city: 0, county: 0, township: 0 }
  const minimum = total >= DEPUTY_LEVELS.length ? 1 : 0
  for (const level of ['national', 'provincial', 'city', 'county'] as const) {
    counts[level] = Math.max(minimum, Math.round(total * LEVEL_SHARES[level]))
  }
  counts.township = total - counts.national - counts.provincial - counts.city - counts.county
  // Rounding up tiny levels can starve the township level in very small directories.
  while (counts.township < minimum) {
    const largest = (['county', 'city', 'provincial', 'national'] as const).find((l) => counts[l] > minimum)
    if (largest === undefined) break
    counts[largest]--
    counts.township++
  }
  return counts
}

function phoneFor(index: number): string {
  return `${PHONE_PREFIXES[index % PHONE_PREFIXES.length]}${pad(Math.floor(index / PHONE_PREFIXES.length) + 1, 8)}`
}

function buildDeputies(rand: Random, stations: readonly Station[], districtOf: ReadonlyMap<string, string>, deputyCount: number, today: string): DeputyEntry[] {
  const counts = levelCounts(deputyCount)
  const levels = DEPUTY_LEVELS.flatMap((level) => Array.from({ length: counts[level] }, () => level))
  // Round-robin over a shuffled order gives every station ~N/S deputies with a level mix like the city's.
  const slots = shuffled(
    rand,
    Array.from({ length: deputyCount }, (_, i) => i),
  )
  const stationsByDistrict = new Map<string, Station[]>()
  for (const s of stations) {
    const district = districtOf.get(s.id) as string
    stationsByDistrict.set(district, [...(stationsByDistrict.get(district) ?? []), s])
  }
  const w = width(deputyCount, 4)
  const deputies: DeputyEntry[] = levels.map((level, i) => {
    const primary = stations[(slots[i] as number) % stations.length] as Station
    const stationIds = [primary.id]
    if (stations.length > 1 && chance(rand, EXTRA_STATION_CHANCE[level])) {
      // County deputies stay within their own district; higher levels may serve anywhere.
      const pool = level === 'county' ? (stationsByDistrict.get(districtOf.get(primary.id) as string) ?? []) : stations
      const extra = pick(rand, pool)
      if (extra.id !== primary.id) stationIds.push(extra.id)
    }
    const n = i + 1
    return {
      id: `dp${pad(n, w)}`,
      code: `DP${pad(n, w)}`,
      name: personName(rand),
      level,
      stationIds,
      topics: pickTopics(rand, primary.kind),
      phone: phoneFor(i),
      dutyByStation: {},
    }
  })
  assignDutyDates(deputies, stations, today, 1)
  return deputies
}

function buildStaff(rand: Random, stations: readonly Station[], districts: readonly Region[]): StaffEntry[] {
  const organizerCount = Math.max(1, Math.round((stations.length * 25) / 270))
  const total = 2 + organizerCount + stations.length
  const w = width(total, 4)
  const taken = new Set<string>()
  const staff: StaffEntry[] = []
  const add = (entry: Omit<StaffEntry, 'id' | 'name' | 'username' | 'password'>, username?: string): void => {
    const name = personName(rand)
    const login = username ?? uniqueUsername(name, taken)
    taken.add(login)
    const id = `sf${pad(staff.length + 1, w)}`
    // Real passwords so that importing this file exercises password hashing.
    staff.push({ id, name, username: login, password: `pw-${id}`, ...entry })
  }
  add({ role: 'admin', stationIds: [] }, 'office')
  add({ role: 'admin', stationIds: [] }, 'office2')
  for (let i = 0; i < organizerCount; i++) {
    // The first organizer looks after the whole city, the rest one district each in turn.
    const regionIds = i === 0 ? [] : [(districts[(i - 1) % districts.length] as Region).id]
    add({ role: 'organizer', stationIds: [], regionIds })
  }
  for (const station of stations) add({ role: 'station_staff', stationIds: [station.id] })
  return staff
}

export function fullSizeDirectory(options: FullSizeOptions = {}): DirectoryFile {
  const seed = checkCount('seed', options.seed ?? FULL_SIZE_DEFAULTS.seed, 0)
  const stationCount = checkCount('stations', options.stations ?? FULL_SIZE_DEFAULTS.stations, 1)
  const deputyCount = checkCount('deputies', options.deputies ?? FULL_SIZE_DEFAULTS.deputies, 0)
  const today = options.today ?? DEFAULT_TODAY
  parseIsoDate(today)

  const rand = mulberry32(seed)
  const geography = buildGeography(rand, stationCount)
  const stations = buildStations(rand, geography.streets, stationCount)
  const streetDistrict = new Map(geography.streets.map((s) => [s.region.id, s.districtId]))
  const communityStreet = new Map(geography.streets.flatMap((s) => s.communities.map((c) => [c.id, s.region.id])))
  const districtOf = new Map(
    stations.map((st) => {
      const regionId = st.regionIds[0] as string
      const streetId = communityStreet.get(regionId) ?? regionId
      return [st.id, streetDistrict.get(streetId) as string]
    }),
  )
  const deputies = buildDeputies(rand, stations, districtOf, deputyCount, today)
  const staff = buildStaff(rand, stations, geography.districts)
  return { regions: geography.regions, stations, deputies, staff }
}
