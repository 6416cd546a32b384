/**
 * The deputy directory: regions, liaison stations, deputies and staff.
 * Plain data shapes shared by the domain, the services and both store adapters.
 */

export const REGION_KINDS = ['district', 'street', 'community', 'grid'] as const
export type RegionKind = (typeof REGION_KINDS)[number]

export const STATION_KINDS = ['community', 'industrial_park', 'scenic_area', 'township', 'sector', 'other'] as const
export type StationKind = (typeof STATION_KINDS)[number]

export const DEPUTY_LEVELS = ['national', 'provincial', 'city', 'county', 'township'] as const
export type DeputyLevel = (typeof DEPUTY_LEVELS)[number]

export const STAFF_ROLES = ['station_staff', 'organizer', 'admin'] as const
export type StaffRole = (typeof STAFF_ROLES)[number]

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
  /** Reception duty dates, YYYY-MM-DD in the business time zone. */
  dutyDates: string[]
}

export interface Staff {
  id: string
  name: string
  role: StaffRole
  stationIds: string[]
  /** Regions an organizer looks after; empty means the whole city. */
  regionIds: string[]
  username: string
  active: boolean
}

/** One file in the import format (README "Directory import format"). Every list is optional. */
export interface DirectoryFile {
  regions?: Region[]
  stations?: Station[]
  deputies?: Array<Omit<Deputy, 'phone'> & { phone?: string | null }>
  staff?: Array<Omit<Staff, 'active' | 'regionIds'> & { password?: string; activationCode?: string; regionIds?: string[]; active?: boolean }>
}

export const LEVEL_LABELS: Record<DeputyLevel, string> = {
  national: '全国人大代表',
  provincial: '省人大代表',
  city: '市人大代表',
  county: '县区人大代表',
  township: '乡镇人大代表',
}
