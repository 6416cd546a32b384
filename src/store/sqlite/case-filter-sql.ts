import type { CaseFilter } from '../ports.js'
import { placeholders } from './sql.js'
import { UNHAPPY_AT_MOST } from '../../domain/case-unhappy.js'

/** 群众不满意 as SQL: the condition of the partial index cases_unhappy_created (migration 059). */
export const UNHAPPY_SQL = `(rating <= ${UNHAPPY_AT_MOST} OR (rating IS NULL AND reopen_count > 0))`

/**
 * Waiting for someone (a next deadline: nextDeadline is null once answered or ended), written so that the open cases'
 * index (034, 080) and the due indexes (029: coalesce(next_due_at, '9999') below '9999') both find these cases only.
 */
const WAITING_SQL = "next_due_at IS NOT NULL AND coalesce(next_due_at, '9999') < '9999'"

/** A column an organizer's scope is asked through on its own (search asks each through its own index). */
export type ScopeColumn = 'district_id' | 'handling_district_id' | 'station_id'

/**
 * The columns search asks an organizer's scope through, one index each: a district is the
 * place's or the handling one's, a street's stations are the station's. One "OR" over them
 * would read and sort every case of the scope; each column's index in list order reads a page.
 */
export function scopeColumns(f: CaseFilter): Array<ScopeColumn | undefined> {
  const either = f.districtsOrStations
  if (either) {
    const columns: ScopeColumn[] = [
      ...(either.districtIds.length ? (['district_id', 'handling_district_id'] as const) : []),
      ...(either.stationIds.length ? (['station_id'] as const) : []),
    ]
    return columns.length ? columns : [undefined]
  }
  return f.districtIds?.length ? ['district_id', 'handling_district_id'] : [undefined]
}

/**
 * Whether a filter's lists leave no case: each list filterClauses writes as "0" when it is empty (an empty list
 * matches nothing). Asked before a query, never read off the SQL: not worth one of the kept scopes, and a query
 * that names its index (INDEXED BY) finds no plan for "0".
 */
export function matchesNone(f: CaseFilter): boolean {
  const either = f.districtsOrStations
  const empty = [f.stationIds, f.districtIds, f.handlingDistrictIds, f.statuses, f.regionIds, f.officeRegionIds].some((list) => list?.length === 0)
  return empty || (!!either && !either.districtIds.length && !either.stationIds.length)
}

/** The key a scope (stations, districts, either) is kept under between looks. */
export function scopeKey(f: CaseFilter): string {
  return JSON.stringify([f.stationIds ?? null, f.districtIds ?? null, f.districtsOrStations ?? null])
}

/**
 * Filters shared by search and statistics, as SQL. `scopeColumn` narrows the organizer's scope
 * (`districtsOrStations` when given, else `districtIds`) to one of its columns (see scopeColumns).
 * `scopeUnindexed`: the scope's columns written "+column", so SQLite reads another filter's index (one narrower than
 * the scope) and only checks the scope on its rows.
 */
export function filterClauses(f: CaseFilter, scopeColumn?: ScopeColumn, { scopeUnindexed = false } = {}) {
  const clauses: string[] = []
  const params: unknown[] = []
  const anyOf = (column: string, values: unknown[]) => {
    clauses.push(values.length ? `${column} IN (${placeholders(values.length)})` : '0')
    params.push(...values)
  }
  const scoped = (column: string) => (scopeUnindexed ? `+${column}` : column)
  if (f.residentId) clauses.push('resident_id = ?') && params.push(f.residentId)
  if (f.deputyId) clauses.push('deputy_id = ?') && params.push(f.deputyId)
  // One JSON parameter however many: an import reads the open cases of thousands of movers at once.
  if (f.deputyIds) clauses.push('deputy_id IN (SELECT value FROM json_each(?))') && params.push(JSON.stringify(f.deputyIds))
  if (f.unmerged) clauses.push('merged_into IS NULL')
  // Through the partial index cases_merged_into (migration 012), whose condition this is.
  if (f.merged) clauses.push('merged_into IS NOT NULL')
  if (f.stationIds) anyOf(scoped('station_id'), f.stationIds)
  const either = f.districtsOrStations
  const districtColumn = either || scopeColumn === 'station_id' ? undefined : scopeColumn
  if (either && scopeColumn) anyOf(scoped(scopeColumn), scopeColumn === 'station_id' ? either.stationIds : either.districtIds)
  else if (either) {
    // Any of the districts (the place's or the handling one), or any of the stations in the streets.
    const [d, s] = [placeholders(either.districtIds.length), placeholders(either.stationIds.length)]
    const parts = [
      ...(either.districtIds.length ? [`${scoped('district_id')} IN (${d})`, `${scoped('handling_district_id')} IN (${d})`] : []),
      ...(either.stationIds.length ? [`${scoped('station_id')} IN (${s})`] : []),
    ]
    clauses.push(parts.length ? `(${parts.join(' OR ')})` : '0')
    params.push(...either.districtIds, ...either.districtIds, ...either.stationIds)
  }
  if (f.districtIds && districtColumn) anyOf(scoped(districtColumn), f.districtIds)
  else if (f.districtIds) {
    // The place's district, or the district handling it after a transfer.
    const list = placeholders(f.districtIds.length)
    clauses.push(f.districtIds.length ? `(${scoped('district_id')} IN (${list}) OR ${scoped('handling_district_id')} IN (${list}))` : '0')
    params.push(...f.districtIds, ...f.districtIds)
  }
  if (f.handlingDistrictIds) {
    // The handling district, else the place's (the kept counts' handlingDistrict grouping, case-counts-kept.ts): written as
    // two terms, each on its own column's index, where coalesce() would be on none.
    const ids = f.handlingDistrictIds
    const list = placeholders(ids.length)
    clauses.push(ids.length ? `(handling_district_id IN (${list}) OR (handling_district_id IS NULL AND district_id IN (${list})))` : '0')
    params.push(...ids, ...ids)
  }
  if (f.officeRegionIds) {
    const named = f.officeRegionIds.filter((id): id is string => id !== null)
    const parts = [named.length ? `office_region_id IN (${placeholders(named.length)})` : '0']
    if (f.officeRegionIds.includes(null)) parts.push('office_region_id IS NULL')
    clauses.push(`(station_id IS NULL AND (${parts.join(' OR ')}))`)
    params.push(...named)
  }
  // A person's own cases are few (tens, hundreds for a busy block's spokeswoman): read through her index.
  // The status index would walk every resident's answers to find her two waiting for a score ("+" keeps SQLite off it).
  if (f.statuses) anyOf(f.residentId ? '+status' : 'status', f.statuses)
  if (f.topic) clauses.push('topic = ?') && params.push(f.topic)
  if (f.regionIds) anyOf('region_id', f.regionIds)
  // 超期: waiting (a next deadline) and past the reply deadline (waitingLate). "Has a deadline" lets SQLite read the index
  // of open cases, which holds both deadlines (migrations 034, 080); the bound on the "due first" order's own expression
  // lets a due index find the open cases only. The next deadline is no bound of its own: until it is acknowledged it is
  // the acknowledgement's, which may fall after an early 要求答复日期.
  if (f.overdueAt) clauses.push(`${WAITING_SQL} AND reply_due_at < ?`) && params.push(f.overdueAt.toISOString())
  // 未按时受理: the next deadline (the acknowledgement's until given) passed, the reply's not (ackLate): as the badge says it.
  if (f.ackLateAt)
    clauses.push("next_due_at IS NOT NULL AND coalesce(next_due_at, '9999') < ? AND reply_due_at >= ?") &&
      params.push(f.ackLateAt.toISOString(), f.ackLateAt.toISOString())
  if (f.createdFrom) clauses.push('created_at >= ?') && params.push(f.createdFrom.toISOString())
  if (f.createdTo) clauses.push('created_at < ?') && params.push(f.createdTo.toISOString())
  if (f.rating !== undefined) clauses.push('rating = ?') && params.push(f.rating)
  // Word for word the condition of its partial index (migration 059), the bound written in (a parameter
  // would keep SQLite from seeing that the term implies the index's condition).
  if (f.unhappy) clauses.push(UNHAPPY_SQL)
  if (f.hotIssuePlace) {
    // Hot issues' place: a community, else the district of the messages without one (groupHotIssues).
    const { communityId, districtId } = f.hotIssuePlace
    if (communityId) clauses.push('community_id = ?') && params.push(communityId)
    else {
      clauses.push('community_id IS NULL')
      if (districtId) clauses.push('district_id = ?') && params.push(districtId)
      else clauses.push('district_id IS NULL')
    }
  }
  return { clauses, params }
}
