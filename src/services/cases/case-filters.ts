import { OPEN_STATUSES, type CaseStatusFilter } from '../../domain/case.js'
import { parseCaseSearch, shortNumberSearch, type ShortNumberSearch } from '../../domain/case-search.js'
import { localDate } from '../../domain/dates.js'
import { subtree } from '../../domain/region-tree.js'
import { UnprocessableError } from '../../errors.js'
import type { CaseQuery } from '../../store/ports.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import type { DirectoryCache } from '../directory/directory-cache.js'

// The console's case lists: what a list's filters and search box ask the store for, and what a staff member may see.

export interface CaseFilters {
  /** One state, or 'merged' (已合并办理), as the list shows them: 已办结 is then the closed ones not merged. */
  status?: CaseStatusFilter
  topic?: string
  regionId?: string
  stationId?: string
  deputyId?: string
  /** 只看已超期: waiting past the reply deadline (CaseFilter.overdueAt). */
  overdue?: boolean
  /** 只看未按时受理: not acknowledged by its deadline, the reply not yet due (CaseFilter.ackLateAt). */
  ackLate?: boolean
  from?: Date
  to?: Date
  /** Still waiting for someone (any open status), as the dashboard's "open" count means. */
  open?: boolean
  /** The resident's latest rating, 1–5. */
  rating?: number
  /** 群众不满意: a low score, or reopened and not rated again (domain/case-unhappy). */
  unhappy?: boolean
  /** The place's district or the district handling it (the dashboard's bars by district). */
  districtId?: string
  /** Handled by this district (CaseFilter.handlingDistrictIds): a district office's new messages on its dashboard, as its 分析周报 counts them. */
  handledIn?: string
  /** At an office, no station holding it: handed up (上报), or no station covers its place (the dashboard's 区人大办). */
  atOffice?: boolean
  /** The console's search box: a ticket, a short number, or words the message contains (see parseCaseSearch). */
  q?: string
  /** Only these cases: the messages behind a hot issue (在留言列表中查看), at most CASE_IDS_MAX. */
  ids?: string[]
}

/** Cases one list may be narrowed to by id: a hot issue's, in one address the browser can send. */
export const CASE_IDS_MAX = 200

/**
 * Messages 一起催办 urges at once when they come in a body (POST), not an address: a whole hot issue, however many
 * (an issue of more than CASE_IDS_MAX opens the inbox by its filters). Each is read and urged as the single 催办 is:
 * a few thousand is seconds of work, far more than one community's issue holds.
 */
export const URGE_TOGETHER_MAX = 2000

/**
 * The cases a staff member may see, as a store filter (canSeeCase's rule): an organizer's
 * districts by the cases' districts, their streets by the stations in them, both together
 * as one "either" filter (the plain station filter serves a street organizer's figures as it
 * serves station staff's).
 */
export async function caseScope(
  directory: Pick<DirectoryCache, 'caseScopeOf'>,
  staff: StaffPrincipal,
): Promise<Pick<CaseQuery, 'stationIds' | 'districtIds' | 'districtsOrStations'>> {
  if (staff.role === 'station_staff') return { stationIds: staff.stationIds }
  const cases = await directory.caseScopeOf(staff)
  if (!cases) return {}
  if (!cases.stationIds.length) return { districtIds: cases.districtIds }
  if (!cases.districtIds.length) return { stationIds: cases.stationIds }
  return { districtsOrStations: cases }
}

/** The store filter a list's filters ask for, before the caller's scope is laid over it (CaseQueries.scopedFilter). */
export async function filterQuery(f: CaseFilters, directory: Pick<DirectoryCache, 'prepared'>, now: Date, timeZone: string): Promise<Partial<CaseQuery>> {
  const q: Partial<CaseQuery> = {}
  // The list shows a merged message as 已合并办理, not 已办结: each status lists the messages the list shows with it.
  if (f.status === 'merged') q.merged = true
  else if (f.status) Object.assign(q, { statuses: [f.status] }, f.status === 'closed' ? { unmerged: true } : {})
  else if (f.open) q.statuses = [...OPEN_STATUSES]
  if (f.rating !== undefined) q.rating = f.rating
  if (f.unhappy) q.unhappy = true
  if (f.districtId) q.districtIds = [f.districtId]
  if (f.handledIn) q.handlingDistrictIds = [f.handledIn]
  // Every office there is: a district's, or the city's (null). The caller's scope keeps those she may see.
  if (f.atOffice) q.officeRegionIds = [...[...(await directory.prepared()).regions.values()].filter((r) => r.kind === 'district').map((r) => r.id), null]
  if (f.topic) q.topic = f.topic
  // A merged message is counted for no deputy (migration 060): the 代表 filter lists what his figures count.
  if (f.deputyId) Object.assign(q, { deputyId: f.deputyId, unmerged: true })
  if (f.stationId) q.stationIds = [f.stationId]
  if (f.overdue) q.overdueAt = now
  if (f.ackLate) q.ackLateAt = now
  if (f.from) q.createdFrom = f.from
  if (f.to) q.createdTo = f.to
  if (f.q) {
    const search = parseCaseSearch(f.q)
    if ('ticket' in search) q.ticket = search.ticket
    else if ('shortNumber' in search) q.tickets = shortNumberOf(f.q, now, timeZone)!.tickets
    else q.textWords = search.words
  }
  if (f.regionId) q.regionIds = [...subtree(f.regionId, [...(await directory.prepared()).regions.values()])]
  if (f.ids) {
    const ids = [...new Set(f.ids)]
    if (ids.length > CASE_IDS_MAX)
      throw new UnprocessableError(`一次最多查看 ${CASE_IDS_MAX} 条留言，请分几次查看`, [{ path: 'query.ids', message: `最多 ${CASE_IDS_MAX} 条` }])
    q.ids = ids
  }
  return q
}

/**
 * The days and tickets a short number ("0002") of the search box stands for, counted from today
 * in the business time zone as tickets are dated; null for any other search.
 */
export function shortNumberOf(q: string | undefined, now: Date, timeZone: string): ShortNumberSearch | null {
  const search = q ? parseCaseSearch(q) : null
  if (!search || !('shortNumber' in search)) return null
  return shortNumberSearch(search.shortNumber, localDate(now, timeZone))
}
