import type { CaseFilter } from '../ports.js'
import { placeholders } from './sql.js'

/**
 * Filters shared by search and statistics, as SQL. `districtColumn` narrows a district
 * filter to one of its two columns (search asks each through its own index, see below).
 */
export function filterClauses(f: CaseFilter, districtColumn?: 'district_id' | 'handling_district_id') {
  const clauses: string[] = []
  const params: unknown[] = []
  const anyOf = (column: string, values: unknown[]) => {
    clauses.push(values.length ? `${column} IN (${placeholders(values.length)})` : '0')
    params.push(...values)
  }
  if (f.residentId) clauses.push('resident_id = ?') && params.push(f.residentId)
  if (f.deputyId) clauses.push('deputy_id = ?') && params.push(f.deputyId)
  if (f.stationIds) anyOf('station_id', f.stationIds)
  if (f.districtIds && districtColumn) anyOf(districtColumn, f.districtIds)
  else if (f.districtIds) {
    // The place's district, or the district handling it after a transfer.
    const list = placeholders(f.districtIds.length)
    clauses.push(f.districtIds.length ? `(district_id IN (${list}) OR handling_district_id IN (${list}))` : '0')
    params.push(...f.districtIds, ...f.districtIds)
  }
  if (f.placeDistrictIds) anyOf('district_id', f.placeDistrictIds)
  if (f.officeRegionIds) {
    const named = f.officeRegionIds.filter((id): id is string => id !== null)
    const parts = [named.length ? `office_region_id IN (${placeholders(named.length)})` : '0']
    if (f.officeRegionIds.includes(null)) parts.push('office_region_id IS NULL')
    clauses.push(`(station_id IS NULL AND (${parts.join(' OR ')}))`)
    params.push(...named)
  }
  if (f.statuses) anyOf('status', f.statuses)
  if (f.topic) clauses.push('topic = ?') && params.push(f.topic)
  if (f.regionIds) anyOf('region_id', f.regionIds)
  // As the "due first" order's own expression (the same cases: no deadline sorts as '9999'), so its index finds them;
  // "has a deadline" changes no answer but lets SQLite read the index of open cases (migration 034).
  if (f.overdueAt) clauses.push("next_due_at IS NOT NULL AND coalesce(next_due_at, '9999') < ?") && params.push(f.overdueAt.toISOString())
  if (f.createdFrom) clauses.push('created_at >= ?') && params.push(f.createdFrom.toISOString())
  if (f.createdTo) clauses.push('created_at < ?') && params.push(f.createdTo.toISOString())
  if (f.rating !== undefined) clauses.push('rating = ?') && params.push(f.rating)
  return { clauses, params }
}
