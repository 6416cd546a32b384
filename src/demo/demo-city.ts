/**
 * A small, hand-shaped demo directory for the fictional prefecture-level city 青澜市,
 * used for first-run demos and manual testing. Geography and stations are written
 * out by hand so they read like a real office's roster; people are generated from
 * fixed seeds so the output never changes between runs.
 *
 * Also exports the roster helpers that the full-size generator shares.
 */

import {
  DEPUTY_LEVELS,
  WEEKDAYS,
  type DeputyLevel,
  type DirectoryFile,
  type Region,
  type RegionKind,
  type Station,
  type StationKind,
  type Weekday,
} from '../domain/directory.js'
import { onlyStations } from '../domain/duty-days.js'
import { chance, mulberry32, pad, personName, pickWeighted, uniqueUsername, type Random, type Weighted } from './names.js'

export const DEFAULT_TODAY = '2026-11-22'

/** How far ahead duty rosters are planned. */
export const DUTY_WINDOW_DAYS = 28

/** The topic vocabulary accepted by the importer. */
export const TOPICS = [
  '环境保护',
  '交通出行',
  '教育',
  '医疗卫生',
  '社会保障',
  '劳动就业',
  '城乡建设',
  '营商环境',
  '社区治理',
  '物业管理',
  '农业农村',
  '文化旅游',
  '安全生产',
  '法治',
  '其他',
] as const

type DeputyEntry = NonNullable<DirectoryFile['deputies']>[number]
type StaffEntry = NonNullable<DirectoryFile['staff']>[number]

// ---------------------------------------------------------------------------
// Shared roster helpers

/** Parses YYYY-MM-DD strictly; a typo in `today` should fail loudly rather than shift every roster. */
export function parseIsoDate(date: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (match) {
    const [, y, m, d] = match
    const parsed = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)))
    if (formatIsoDate(parsed) === date) return parsed
  }
  throw new Error(`invalid date "${date}", expected YYYY-MM-DD`)
}

export function formatIsoDate(date: Date): string {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`
}

export function addDays(date: string, days: number): string {
  const base = parseIsoDate(date)
  return formatIsoDate(new Date(base.getTime() + days * 86_400_000))
}

export function weekdayOf(date: string): Weekday {
  // getUTCDay counts from Sunday; WEEKDAYS starts on Monday.
  return WEEKDAYS[(parseIsoDate(date).getUTCDay() + 6) % 7] as Weekday
}

/** A station's reception dates in the window that starts the day after `today`. */
export function receptionDates(receptionDays: readonly Weekday[], today: string, windowDays = DUTY_WINDOW_DAYS): string[] {
  const out: string[] = []
  for (let i = 1; i <= windowDays; i++) {
    const date = addDays(today, i)
    if (receptionDays.includes(weekdayOf(date))) out.push(date)
  }
  return out
}

/**
 * Plans a station's duty roster: every reception date gets someone on duty, and
 * every deputy serves `rounds` times (fewer only when the station has fewer
 * dates than that), filling the least-staffed dates first. Returns deputy id → dates.
 */
export function rotateDuty(dates: readonly string[], deputyIds: readonly string[], rounds: number): Map<string, string[]> {
  const out = new Map<string, string[]>()
  if (dates.length === 0 || deputyIds.length === 0) return out
  const held = new Map<string, Set<number>>(deputyIds.map((id) => [id, new Set<number>()]))
  const staffed = dates.map(() => 0)
  const assign = (id: string, dateIndex: number): void => {
    held.get(id)?.add(dateIndex)
    staffed[dateIndex] = (staffed[dateIndex] as number) + 1
  }
  dates.forEach((_, i) => assign(deputyIds[i % deputyIds.length] as string, i))
  const target = Math.min(rounds, dates.length)
  // Round by round, so nobody gets a third date before everyone has a second.
  for (let round = 1; round <= target; round++) {
    for (const id of deputyIds) {
      const mine = held.get(id) as Set<number>
      if (mine.size >= round) continue
      let best = -1
      staffed.forEach((count, i) => {
        if (!mine.has(i) && (best < 0 || count < (staffed[best] as number))) best = i
      })
      assign(id, best)
    }
  }
  for (const [id, indices] of held) {
    if (indices.size > 0)
      out.set(
        id,
        [...indices].sort((a, b) => a - b).map((i) => dates[i] as string),
      )
  }
  return out
}

/** Applies per-station rotations to the deputies: each station's dates under that station, sorted. */
export function assignDutyDates(deputies: DeputyEntry[], stations: readonly Station[], today: string, rounds: number): void {
  const members = new Map<string, string[]>()
  for (const deputy of deputies) {
    for (const stationId of deputy.stationIds) {
      const list = members.get(stationId) ?? []
      list.push(deputy.id)
      members.set(stationId, list)
    }
  }
  // Each station's rotation is that station's roster: a deputy of two stations sits at each on its own days.
  const duty = new Map<string, Record<string, string[]>>()
  for (const station of stations) {
    const rotation = rotateDuty(receptionDates(station.receptionDays, today), members.get(station.id) ?? [], rounds)
    for (const [deputyId, list] of rotation) {
      const mine = duty.get(deputyId) ?? {}
      mine[station.id] = [...new Set(list)].sort()
      duty.set(deputyId, mine)
    }
  }
  for (const deputy of deputies) deputy.dutyByStation = onlyStations(duty.get(deputy.id) ?? {}, deputy.stationIds)
}

/** What residents near each kind of station tend to raise, so topics match the place. */
const TOPIC_BONUS: Partial<Record<StationKind, Partial<Record<(typeof TOPICS)[number], number>>>> = {
  community: { 社区治理: 20, 物业管理: 15, 社会保障: 8, 医疗卫生: 5 },
  industrial_park: { 营商环境: 35, 安全生产: 25, 劳动就业: 20, 交通出行: 5 },
  scenic_area: { 文化旅游: 35, 环境保护: 15 },
  township: { 农业农村: 35, 城乡建设: 10, 社会保障: 5 },
  sector: { 教育: 15, 医疗卫生: 15, 营商环境: 10 },
}

/** One to three distinct topics, biased by the kind of the deputy's main station. */
export function pickTopics(rand: Random, stationKind: StationKind): string[] {
  const bonus = TOPIC_BONUS[stationKind] ?? {}
  let pool: Weighted<string>[] = TOPICS.map((topic) => ({
    value: topic,
    weight: (topic === '其他' ? 2 : 10) + (bonus[topic] ?? 0),
  }))
  const count = pickWeighted(rand, [
    { value: 1, weight: 3 },
    { value: 2, weight: 5 },
    { value: 3, weight: 2 },
  ])
  const out: string[] = []
  for (let i = 0; i < count; i++) {
    const topic = pickWeighted(rand, pool)
    out.push(topic)
    pool = pool.filter((item) => item.value !== topic)
  }
  return out
}

/** The station with the fewest deputies so far among `candidates` (earliest wins ties). */
export function leastLoaded(candidates: readonly string[], load: ReadonlyMap<string, number>): string {
  let best = candidates[0]
  if (best === undefined) throw new Error('no candidate stations')
  for (const id of candidates) if ((load.get(id) ?? 0) < (load.get(best) ?? 0)) best = id
  return best
}

// ---------------------------------------------------------------------------
// The demo city

/** The demo city's name: the import report names it when a real directory lands beside it (DemoLeftovers). */
export const DEMO_CITY = '青澜市'
const CITY = DEMO_CITY

interface CommunitySpec {
  name: string
  grids?: number
}
interface StreetSpec {
  name: string
  communities: CommunitySpec[]
}
interface DistrictSpec {
  name: string
  streets: StreetSpec[]
}

/** Fictional geography: an old town, a new district with a development zone, a lake suburb and a rural county. */
const GEOGRAPHY: readonly DistrictSpec[] = [
  {
    name: '澜江区',
    streets: [
      { name: '建设路街道', communities: [{ name: '光明社区', grids: 3 }, { name: '幸福社区' }, { name: '建新社区' }] },
      {
        name: '人民路街道',
        communities: [{ name: '和平社区', grids: 2 }, { name: '向阳社区' }, { name: '文化社区' }, { name: '鼓楼社区' }],
      },
      { name: '文昌街道', communities: [{ name: '文昌社区' }, { name: '育才社区' }, { name: '书香苑社区' }] },
    ],
  },
  {
    name: '澜东区',
    streets: [
      { name: '滨河街道', communities: [{ name: '滨河社区' }, { name: '翠苑社区' }, { name: '锦绣社区', grids: 3 }] },
      { name: '新华街道', communities: [{ name: '新华社区' }, { name: '东风社区' }, { name: '春晖社区' }] },
      { name: '澜东经济开发区', communities: [{ name: '创业社区' }, { name: '科技城社区' }, { name: '兴业社区' }] },
    ],
  },
  {
    name: '凤栖区',
    streets: [
      { name: '凤鸣街道', communities: [{ name: '凤鸣社区' }, { name: '梧桐社区', grids: 2 }, { name: '金桥社区' }] },
      {
        name: '白鹭湖镇',
        communities: [{ name: '白鹭湖社区' }, { name: '湖滨村' }, { name: '鹭岛村' }, { name: '桃源村' }],
      },
    ],
  },
  {
    name: '云岭县',
    streets: [
      { name: '城关街道', communities: [{ name: '城关社区' }, { name: '南街社区' }, { name: '北街社区' }] },
      {
        name: '青石镇',
        communities: [{ name: '青石村', grids: 2 }, { name: '柳河村' }, { name: '杨家庄村' }, { name: '石桥村' }],
      },
    ],
  },
]

/** Region ids follow the hierarchy (d01 → s0101 → c010101 → g01010101) so they are readable in logs. */
function demoRegions(): Region[] {
  const byKind: Record<RegionKind, Region[]> = { district: [], street: [], community: [], grid: [] }
  GEOGRAPHY.forEach((district, di) => {
    const districtId = `d${pad(di + 1, 2)}`
    byKind.district.push({ id: districtId, name: district.name, kind: 'district', parentId: null })
    district.streets.forEach((street, si) => {
      const streetId = `s${pad(di + 1, 2)}${pad(si + 1, 2)}`
      byKind.street.push({ id: streetId, name: street.name, kind: 'street', parentId: districtId })
      street.communities.forEach((community, ci) => {
        const communityId = `c${streetId.slice(1)}${pad(ci + 1, 2)}`
        byKind.community.push({ id: communityId, name: community.name, kind: 'community', parentId: streetId })
        for (let gi = 1; gi <= (community.grids ?? 0); gi++) {
          const name = `${community.name}第${['一', '二', '三', '四', '五'][gi - 1] ?? gi}网格`
          byKind.grid.push({ id: `g${communityId.slice(1)}${pad(gi, 2)}`, name, kind: 'grid', parentId: communityId })
        }
      })
    })
  })
  // Parents before children, so an importer can insert in order.
  return [...byKind.district, ...byKind.street, ...byKind.community, ...byKind.grid]
}

interface StationSpec {
  name: string
  kind: StationKind
  address: string
  regionIds: string[]
  receptionDays: Weekday[]
}

/** 人民路街道 is split between two stations to show the "a few communities" case. */
const STATIONS: readonly StationSpec[] = [
  {
    name: '建设路街道代表联络站',
    kind: 'community',
    regionIds: ['s0101'],
    receptionDays: ['wed'],
    address: `${CITY}澜江区建设路88号建设路街道党群服务中心二楼`,
  },
  {
    name: '和平社区代表联络站',
    kind: 'community',
    regionIds: ['c010201', 'c010202'],
    receptionDays: ['tue'],
    address: `${CITY}澜江区和平街36号和平社区党群服务中心一楼`,
  },
  {
    name: '鼓楼社区代表联络站',
    kind: 'community',
    regionIds: ['c010203', 'c010204'],
    receptionDays: ['thu'],
    address: `${CITY}澜江区鼓楼东街12号鼓楼社区综合服务站`,
  },
  {
    name: '文昌街道代表联络站',
    kind: 'community',
    regionIds: ['s0103'],
    receptionDays: ['fri'],
    address: `${CITY}澜江区文昌路156号文昌街道办事处三楼`,
  },
  {
    name: '滨河街道代表联络站',
    kind: 'community',
    regionIds: ['s0201'],
    receptionDays: ['wed'],
    address: `${CITY}澜东区滨河东路9号滨河街道便民服务中心二楼`,
  },
  {
    name: '新华街道代表联络站',
    kind: 'community',
    regionIds: ['s0202'],
    receptionDays: ['tue', 'thu'],
    address: `${CITY}澜东区新华路201号新华街道党群服务中心`,
  },
  {
    name: '澜东经济开发区代表联络站',
    kind: 'industrial_park',
    regionIds: ['s0203'],
    receptionDays: ['thu'],
    address: `${CITY}澜东区创业大道1号开发区管委会政务服务中心三楼`,
  },
  {
    name: '凤鸣街道代表联络站',
    kind: 'community',
    regionIds: ['s0301'],
    receptionDays: ['mon'],
    address: `${CITY}凤栖区凤鸣大道77号凤鸣街道办事处一楼`,
  },
  {
    name: '白鹭湖景区代表联络站',
    kind: 'scenic_area',
    regionIds: ['s0302'],
    receptionDays: ['sat'],
    address: `${CITY}凤栖区白鹭湖镇环湖路18号白鹭湖游客服务中心二楼`,
  },
  {
    name: '城关街道代表联络站',
    kind: 'community',
    regionIds: ['s0401'],
    receptionDays: ['wed'],
    address: `${CITY}云岭县城关街道北大街45号城关街道党群服务中心`,
  },
  {
    name: '青石镇代表联络站',
    kind: 'township',
    regionIds: ['s0402'],
    receptionDays: ['mon', 'thu'],
    address: `${CITY}云岭县青石镇青石街66号镇便民服务中心二楼`,
  },
]

function demoStations(): Station[] {
  return STATIONS.map((spec, i) => ({
    id: `st${pad(i + 1, 3)}`,
    code: `ST${pad(i + 1, 3)}`,
    name: spec.name,
    kind: spec.kind,
    address: spec.address,
    regionIds: [...spec.regionIds],
    receptionDays: [...spec.receptionDays],
  }))
}

/** Deputies per level; only towns (白鹭湖镇, 青石镇) elect a township-level congress. */
const DEMO_LEVEL_COUNTS: Readonly<Record<DeputyLevel, number>> = {
  national: 2,
  provincial: 4,
  city: 14,
  county: 24,
  township: 16,
}

/** Higher-level deputies typically join more than one station. */
const EXTRA_STATION_CHANCE: Readonly<Record<DeputyLevel, number>> = {
  national: 1,
  provincial: 0.5,
  city: 0.25,
  county: 0,
  township: 0,
}

const PHONE_PREFIXES = ['138', '139', '150'] as const

/** Clearly fake but well-formed: 1380000xxxx / 1390000xxxx / 1500000xxxx. */
function demoPhone(serial: number): string {
  return `${PHONE_PREFIXES[serial % PHONE_PREFIXES.length]}0000${pad(serial + 1, 4)}`
}

function demoDeputies(stations: readonly Station[], today: string): DeputyEntry[] {
  const rand = mulberry32(0x51a0_2026)
  const townStations = stations.filter((s) => s.kind === 'township' || s.kind === 'scenic_area').map((s) => s.id)
  const allStations = stations.map((s) => s.id)
  const kindOf = new Map(stations.map((s) => [s.id, s.kind]))
  const load = new Map<string, number>()
  const place = (candidates: readonly string[], exclude: readonly string[]): string => {
    const id = leastLoaded(
      candidates.filter((c) => !exclude.includes(c)),
      load,
    )
    load.set(id, (load.get(id) ?? 0) + 1)
    return id
  }

  // Township deputies are placed first so the balancing fills the other stations around them.
  const placementOrder: DeputyLevel[] = ['township', 'county', 'city', 'provincial', 'national']
  const stationsByLevel = new Map<DeputyLevel, string[][]>()
  for (const level of placementOrder) {
    const candidates = level === 'township' ? townStations : allStations
    const placed: string[][] = []
    for (let i = 0; i < DEMO_LEVEL_COUNTS[level]; i++) {
      const ids = [place(candidates, [])]
      if (chance(rand, EXTRA_STATION_CHANCE[level])) ids.push(place(candidates, ids))
      placed.push(ids)
    }
    stationsByLevel.set(level, placed)
  }

  // Codes run from national down, the way printed rosters are ordered.
  const deputies: DeputyEntry[] = []
  for (const level of DEPUTY_LEVELS) {
    for (const stationIds of stationsByLevel.get(level) ?? []) {
      const n = deputies.length + 1
      deputies.push({
        id: `dp${pad(n, 4)}`,
        code: `DP${pad(n, 4)}`,
        name: personName(rand),
        level,
        stationIds,
        topics: pickTopics(rand, kindOf.get(stationIds[0] as string) ?? 'community'),
        phone: demoPhone(n - 1),
        dutyByStation: {},
      })
    }
  }
  assignDutyDates(deputies, stations, today, 2)
  return deputies
}

function demoStaff(stations: readonly Station[], districtIds: readonly string[]): StaffEntry[] {
  const rand = mulberry32(0x5af_2026)
  const taken = new Set<string>()
  const staff: StaffEntry[] = []
  const add = (entry: Omit<StaffEntry, 'id' | 'name' | 'username'>, username?: string): void => {
    const name = personName(rand)
    const login = username ?? uniqueUsername(name, taken)
    taken.add(login)
    staff.push({ id: `sf${pad(staff.length + 1, 2)}`, name, username: login, ...entry })
  }
  // `admin` is reserved for the bootstrap account, hence `office`.
  add({ role: 'admin', stationIds: [] }, 'office')
  add({ role: 'organizer', stationIds: [], regionIds: [] })
  add({ role: 'organizer', stationIds: [], regionIds: [districtIds[0] as string] })
  for (const station of stations) add({ role: 'station_staff', stationIds: [station.id] })
  // Added last so that the names drawn above stay what earlier demos printed.
  for (const unit of DEMO_UNITS) add({ role: 'unit_staff', stationIds: [], unitIds: [unit.id] })
  return staff
}

type UnitEntry = NonNullable<DirectoryFile['units']>[number]

/** The departments that answer the demo's suggestions and run its livelihood projects. */
const DEMO_UNITS: UnitEntry[] = [
  { id: 'u01', code: 'ZJJ', name: '青澜市住房和城乡建设局', kind: 'department', contact: '0371-6000 1001' },
  { id: 'u02', code: 'JTJ', name: '青澜市交通运输局', kind: 'department', contact: '0371-6000 1002' },
  { id: 'u03', code: 'JYJ', name: '青澜市教育局', kind: 'department', contact: '0371-6000 1003' },
  { id: 'u04', code: 'STHJJ', name: '青澜市生态环境局', kind: 'department', contact: '0371-6000 1004' },
  { id: 'u05', code: 'WSJKW', name: '青澜市卫生健康委员会', kind: 'department', contact: '0371-6000 1005' },
]

/**
 * The demo directory. Staff carry no passwords: the caller generates them and
 * shows them once. Same `today`, same output.
 */
export function demoDirectory(options: { today?: string } = {}): DirectoryFile {
  const today = options.today ?? DEFAULT_TODAY
  parseIsoDate(today)
  const regions = demoRegions()
  const stations = demoStations()
  const deputies = demoDeputies(stations, today)
  const staff = demoStaff(
    stations,
    regions.filter((r) => r.kind === 'district').map((r) => r.id),
  )
  const districtGovernments: UnitEntry[] = regions
    .filter((r) => r.kind === 'district')
    .slice(0, 1)
    .map((r) => ({ id: `u-${r.id}`, code: `ZF-${r.id.toUpperCase()}`, name: `${r.name}人民政府`, kind: 'district_government', regionId: r.id }))
  return { regions, stations, units: [...DEMO_UNITS, ...districtGovernments], deputies, staff }
}
