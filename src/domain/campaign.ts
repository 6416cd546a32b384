/**
 * Study-and-publicize campaigns (学习宣传活动): a window of time, an audience, and reading
 * items published to it; read receipts and study check-ins (学习打卡). Pure rules only.
 */
import type { DeputyLevel, StaffRole } from './directory.js'
import { scopeOwns, type StaffScope } from './staff-scope.js'

/**
 * Who a campaign is for. Deputies match when they are at one of the places (stations, or
 * stations in the districts) and of one of the levels; either filter left out does not
 * narrow. Named deputies are added whatever their place or level. `staff` adds the
 * station staff of the places (all of them when no place is given); `followers` lets
 * residents follow the campaign from the mini-program.
 */
export interface AudienceSelector {
  levels?: DeputyLevel[]
  stationIds?: string[]
  districtIds?: string[]
  deputyIds?: string[]
  staff?: boolean
  followers?: boolean
}

/** Which congress runs a campaign: the city's office, a district's, or a street's (上下同题). */
export type CampaignLevel = 'city' | 'district' | 'street'
export const CAMPAIGN_LEVEL_LABELS: Record<CampaignLevel, string> = { city: '市级', district: '区县', street: '街道' }

export interface CampaignRecord {
  id: string
  title: string
  description: string
  startsAt: Date
  endsAt: Date
  audience: AudienceSelector
  /**
   * The regions of the organizer who created it (empty: the whole city); it never reaches
   * beyond them. Districts, or a street for a street's own campaign (the name is older).
   */
  scopeDistrictIds: string[]
  /** 'monthly': a series (每月一次) whose issues the monthly job opens; null for anything else. */
  repeat: 'monthly' | null
  /** For a monthly issue: its series and its month (YYYY-MM, business time zone); null otherwise. */
  seriesId: string | null
  period: string | null
  /** For a local campaign (上下同题): the city-level campaign or issue it studies the same topic as. */
  adoptedFrom: string | null
  /** The district or street a local campaign is for; null for the city's and for older district campaigns. */
  areaId: string | null
  level: CampaignLevel
  createdBy: string
  createdAt: Date
  updatedAt: Date
}

/**
 * Who runs a campaign: the city office any, an organizer those of their districts or streets
 * and of the places under them (the scope rule surveys and meetings follow); station staff none.
 */
export function canManageCampaign(scope: StaffScope, c: Pick<CampaignRecord, 'scopeDistrictIds'>): boolean {
  return scope.kind !== 'none' && scopeOwns(scope, c.scopeDistrictIds)
}

/** A title as a message names a work: in 书名号, unless it already carries its own 《…》 (never 《《…》》). */
export const inBookMarks = (title: string) => (/《[^《》]+》/.test(title) ? title : `《${title}》`)

/** What readers see: published and not withdrawn. */
export const isLive = (i: Pick<ReadingItem, 'publishedAt' | 'withdrawnAt'>) => i.publishedAt !== null && i.withdrawnAt === null

export interface ReadingItem {
  id: string
  campaignId: string
  title: string
  summary: string
  /** Sanitised rich text (rich-text.ts), or null when the item is a link. */
  body: string | null
  link: string | null
  source: string
  /** 必读: listed first in the digest, and a check-in is owed for it. */
  required: boolean
  publishAt: Date
  /** Null until published (now, or by the job once publishAt has come). */
  publishedAt: Date | null
  /** A draft (草稿) waits for the organizer to publish it: the job never publishes it. */
  draft: boolean
  /** Set when the organizer withdraws (unpublishes) it: readers no longer see it, and it is never published again. */
  withdrawnAt: Date | null
  createdBy: string
  createdAt: Date
}

/** Everyone a reading can reach: deputies, station staff, and people of the mini-program who follow. */
export type PersonKind = 'deputy' | 'staff' | 'mp_user'
/** A person as campaigns know them: a deputy by deputy id (whichever account they use), staff, or a mini-program user. */
export interface Reader {
  kind: PersonKind
  id: string
}

/** One item reached one person, at a place (for progress per station and district). */
export interface ReachRecord {
  itemId: string
  campaignId: string
  personKind: PersonKind
  personId: string
  stationId: string | null
  districtId: string | null
  reachedAt: Date
}

/** The first time a person opened an item. */
export interface ReadReceipt {
  itemId: string
  campaignId: string
  personKind: PersonKind
  personId: string
  readAt: Date
}

export interface CheckInRecord {
  id: string
  campaignId: string
  itemId: string | null
  personKind: PersonKind
  personId: string
  /** One check-in per slot: the item, or the local day for a check-in naming no item. */
  slot: string
  reflection: string | null
  at: Date
}

/** A person the audience resolves to, with the place progress is grouped by. */
export interface AudienceMember {
  kind: PersonKind
  id: string
  name: string
  /** Where they are counted once (progress, totals): the first of `stationIds`. */
  stationId: string | null
  districtId: string | null
  /**
   * Every station of theirs the campaign reaches (resolveAudience): a deputy serving at two is
   * told in both stations' rooms, and counted in each room's notice. Absent: `stationId` alone.
   */
  stationIds?: string[]
}

export const TITLE_MAX = 100
export const REFLECTION_MAX = 500

export type CampaignPhase = 'upcoming' | 'running' | 'ended'
export const PHASE_LABELS: Record<CampaignPhase, string> = { upcoming: '未开始', running: '进行中', ended: '已结束' }

export function campaignPhase(c: Pick<CampaignRecord, 'startsAt' | 'endsAt'>, now: Date): CampaignPhase {
  if (now < c.startsAt) return 'upcoming'
  return now < c.endsAt ? 'running' : 'ended'
}

/** A problem with its place in the request, as the services turn it into an error. */
export interface Problem {
  path: string
  message: string
}

export function checkCampaignWindow(startsAt: Date, endsAt: Date): Problem[] {
  return endsAt <= startsAt ? [{ path: 'body.endsAt', message: '结束时间应晚于开始时间' }] : []
}

/** A selector must name someone; followers alone are enough (a campaign open to residents). */
export function isEmptySelector(s: AudienceSelector): boolean {
  return !s.levels?.length && !s.stationIds?.length && !s.districtIds?.length && !s.deputyIds?.length && !s.staff && !s.followers
}

/**
 * Why a selector that names deputies or staff (`reached` of them now, in the organizer's places)
 * would give a campaign nobody to study it, in words saying what to choose; null when it reaches
 * someone. A campaign open only to followers, chosen as such, is not refused: residents follow it
 * one by one from the mini-program. Anything else reaching nobody would read 面向 0 人 from its start.
 */
export function audienceProblem(s: AudienceSelector, reached: number): { message: string; detail: string } | null {
  if (reached > 0) return null
  const namesPeople = !!(s.levels?.length || s.stationIds?.length || s.districtIds?.length || s.deputyIds?.length || s.staff)
  if (!namesPeople && s.followers) return null
  if (!namesPeople) return { message: '还没有选择活动面向哪些人', detail: '请勾选代表层级或选择区县' }
  return { message: '所选范围内现在没有要学习的人', detail: '所选的代表层级和区县里没有在任的代表或工作人员，请改选代表层级或区县' }
}

/** Clocks differ a little: a time this close to now counts as now, not as the past. */
export const PUBLISH_GRACE_MS = 60_000

/**
 * When an item goes out: now when no time is given, else the time given, which may not be
 * in the past (a typo would publish at once and surprise everyone) nor after the campaign.
 */
export function checkPublishAt(publishAt: Date | null, now: Date, campaign: Pick<CampaignRecord, 'endsAt'>): Problem[] {
  if (publishAt === null) return []
  if (publishAt.getTime() < now.getTime() - PUBLISH_GRACE_MS) return [{ path: 'body.publishAt', message: '定时发布时间不能早于当前时间' }]
  if (publishAt >= campaign.endsAt) return [{ path: 'body.publishAt', message: '发布时间应在活动结束之前' }]
  return []
}

export const checkInSlot = (itemId: string | null, localDay: string) => itemId ?? `day:${localDay}`

/** The directory as audience resolution needs it. */
export interface AudienceDirectory {
  /** `active` false: left office, kept for history only (absent: in office). */
  deputies: ReadonlyArray<{ id: string; name: string; level: DeputyLevel; stationIds: string[]; active?: boolean }>
  staff: ReadonlyArray<{ id: string; name: string; role: StaffRole; stationIds: string[]; active: boolean }>
  /** Each station's district (null for a station covering no region). */
  stationDistrict: ReadonlyMap<string, string | null>
  /** Each station's street, where it has one: a street organizer's scope is their street. */
  stationStreet?: ReadonlyMap<string, string | null>
}

/** Whether a station lies in a scope of districts or streets (empty: the whole city). */
export function stationInScope(stationId: string, dir: Pick<AudienceDirectory, 'stationDistrict' | 'stationStreet'>, scope: readonly string[]): boolean {
  if (!scope.length) return true
  const district = dir.stationDistrict.get(stationId) ?? null
  const street = dir.stationStreet?.get(stationId) ?? null
  return (district !== null && scope.includes(district)) || (street !== null && scope.includes(street))
}

/**
 * The deputies and staff a selector names, within the creator's districts (`scope`, empty
 * for the whole city). Each person once, at the first of their stations that the selector
 * and the scope allow; ordered by kind and id so the answer is stable.
 */
export function resolveAudience(s: AudienceSelector, dir: AudienceDirectory, scope: readonly string[]): AudienceMember[] {
  const districts = new Set(s.districtIds ?? [])
  const places = new Set(s.stationIds ?? [])
  for (const [station, district] of dir.stationDistrict) if (district !== null && districts.has(district)) places.add(station)
  const hasPlace = !!(s.stationIds?.length || s.districtIds?.length)
  const levels = s.levels?.length ? new Set(s.levels) : null
  const named = new Set(s.deputyIds ?? [])
  const inScope = (station: string) => stationInScope(station, dir, scope)
  const member = (kind: AudienceMember['kind'], p: { id: string; name: string }, stations: string[]): AudienceMember | null => {
    const reachedAt = stations.filter(inScope)
    const stationId = reachedAt[0]
    if (stationId === undefined) return scope.length ? null : { kind, id: p.id, name: p.name, stationId: null, districtId: null }
    return { kind, id: p.id, name: p.name, stationId, districtId: dir.stationDistrict.get(stationId) ?? null, stationIds: reachedAt }
  }

  const out: AudienceMember[] = []
  for (const d of dir.deputies) {
    // A deputy who has left office is no longer asked to study (those reached before stay in progress by their records).
    if (d.active === false) continue
    const matches = (hasPlace || levels !== null) && (!levels || levels.has(d.level)) && (!hasPlace || d.stationIds.some((x) => places.has(x)))
    if (!matches && !named.has(d.id)) continue
    const stations = matches && hasPlace ? d.stationIds.filter((x) => places.has(x)) : d.stationIds
    const m = member('deputy', d, stations)
    if (m) out.push(m)
  }
  if (s.staff) {
    for (const st of dir.staff) {
      if (!st.active || st.role !== 'station_staff') continue
      const stations = hasPlace ? st.stationIds.filter((x) => places.has(x)) : st.stationIds
      if (!stations.length) continue
      const m = member('staff', st, stations)
      if (m) out.push(m)
    }
  }
  return out.sort((a, b) => a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id))
}

/** Every station a member is reached at: all of theirs the campaign reaches, or their one place. */
export function memberStations(m: Pick<AudienceMember, 'stationId' | 'stationIds'>): string[] {
  return m.stationIds ?? (m.stationId === null ? [] : [m.stationId])
}

/** Station ids of the people reached, each once, in id order: where the notices go (each station of a deputy serving at two). */
export function stationsOf(members: ReadonlyArray<Pick<AudienceMember, 'stationId' | 'stationIds'>>): string[] {
  return [...new Set(members.flatMap(memberStations))].sort()
}
