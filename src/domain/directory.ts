/**
 * The deputy directory: regions, liaison stations, deputies and staff.
 * Plain data shapes shared by the domain, the services and both store adapters.
 */
import type { DeputyAway } from './deputy-away.js'

export const REGION_KINDS = ['district', 'street', 'community', 'grid'] as const
export type RegionKind = (typeof REGION_KINDS)[number]

export const STATION_KINDS = ['community', 'industrial_park', 'scenic_area', 'township', 'sector', 'other'] as const
export type StationKind = (typeof STATION_KINDS)[number]

export const DEPUTY_LEVELS = ['national', 'provincial', 'city', 'county', 'township'] as const
export type DeputyLevel = (typeof DEPUTY_LEVELS)[number]

export const STAFF_ROLES = ['station_staff', 'organizer', 'admin', 'unit_staff'] as const
export type StaffRole = (typeof STAFF_ROLES)[number]
/**
 * The congress's own people. A handling unit's staff (unit_staff) log in to the same console
 * but see only what is assigned to their unit, so every console route names its roles.
 */
export const CONGRESS_ROLES = ['station_staff', 'organizer', 'admin'] as const satisfies readonly StaffRole[]

/** Kinds of handling units (承办单位) that answer deputies' suggestions and run livelihood projects. */
export const UNIT_KINDS = ['department', 'district_government', 'street_office', 'public_enterprise', 'other'] as const
export type UnitKind = (typeof UNIT_KINDS)[number]
export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  department: '政府职能部门',
  district_government: '区（县）人民政府',
  street_office: '街道办事处（乡镇人民政府）',
  public_enterprise: '公用事业单位',
  other: '其他单位',
}

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
export type Weekday = (typeof WEEKDAYS)[number]

export interface Region {
  id: string
  name: string
  kind: RegionKind
  parentId: string | null
}

export interface Station {
  id: string
  code: string
  name: string
  kind: StationKind
  address: string
  regionIds: string[]
  receptionDays: Weekday[]
  /** The hours of each reception day, the same every day ("8:30" to "11:30"); absent when the station names none. */
  receptionHours?: ReceptionHours | null
}

/** One time range of a reception day, "H:MM" 24-hour, `from` before `to` (reception-days.ts says it in words). */
export interface ReceptionHours {
  from: string
  to: string
}

export interface Deputy {
  id: string
  code: string
  name: string
  level: DeputyLevel
  stationIds: string[]
  topics: string[]
  /** Normalised phone number; stored encrypted, never shown unmasked without an audit entry. */
  phone: string | null
  /**
   * Reception duty dates (接待值班), YYYY-MM-DD in the business time zone, per station: station id →
   * the dates the deputy sits at that station. Only the deputy's own stations appear.
   */
  dutyByStation: Record<string, string[]>
  /**
   * Duty days he sat at stations he has since left (station id → dates before he left), kept as those
   * stations' roster history and his record (duty-days.ts dutyAfterMove); absent when none.
   */
  formerDuty?: Record<string, string[]>
  /**
   * In office. A deputy who has left (resigned, term ended, passed away) stays in the directory for
   * the history of their cases but is never routed a message, nor offered to residents.
   */
  active: boolean
  /**
   * 暂停接收留言 (on leave, away studying) from one date to another (domain/deputy-away.ts); null or
   * absent when never marked. Set only through `deputies.setAway`: an import leaves it as it is.
   */
  away?: DeputyAway | null
}

export interface Staff {
  id: string
  name: string
  role: StaffRole
  stationIds: string[]
  /** Regions an organizer looks after; empty means the whole city. */
  regionIds: string[]
  /** Handling units a unit_staff member answers for; empty for the congress's own staff. */
  unitIds?: string[]
  username: string
  active: boolean
}

/** A handling unit (承办单位): a government department or office that answers and reports progress. */
export interface Unit {
  id: string
  code: string
  name: string
  kind: UnitKind
  /** The district or street it belongs to; null for a city-level unit. */
  regionId: string | null
  /** A contact line for the office (a desk phone or a person), shown to staff only. */
  contact: string
  active: boolean
}

/** One file in the import format (README "Directory import format"). Every list is optional. */
export interface DirectoryFile {
  regions?: Region[]
  stations?: Station[]
  units?: Array<Omit<Unit, 'active' | 'contact' | 'regionId'> & { active?: boolean; contact?: string; regionId?: string | null }>
  /**
   * Duty dates come either as `dutyByStation` or, for a deputy of one station, as a plain
   * `dutyDates` list meaning that station (README "Directory import format").
   */
  deputies?: Array<
    Omit<Deputy, 'phone' | 'active' | 'dutyByStation' | 'formerDuty'> & {
      phone?: string | null
      dutyDates?: string[]
      dutyByStation?: Record<string, string[]>
    }
  >
  staff?: Array<
    Omit<Staff, 'active' | 'regionIds'> & { password?: string; activationCode?: string; regionIds?: string[]; unitIds?: string[]; active?: boolean }
  >
}

export const LEVEL_LABELS: Record<DeputyLevel, string> = {
  national: '全国人大代表',
  provincial: '省人大代表',
  city: '市人大代表',
  county: '县区人大代表',
  township: '乡镇人大代表',
}

/**
 * A deputy's level as people say it where he serves: a county-level deputy of a 区 is 区人大代表 and of a 县
 * 县人大代表, not the list's 县区人大代表 (`districtName`: the district of his station); without a district
 * (or one named otherwise, a 县级市), the list's label.
 */
export function deputyLevelLabel(level: DeputyLevel, districtName: string | null | undefined): string {
  if (level !== 'county' || !districtName) return LEVEL_LABELS[level]
  if (districtName.endsWith('区')) return '区人大代表'
  if (districtName.endsWith('县')) return '县人大代表'
  return LEVEL_LABELS.county
}
