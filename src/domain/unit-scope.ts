import type { Unit } from './directory.js'
import { ancestry } from './region-tree.js'
import type { StaffScope } from './staff-scope.js'

/**
 * Whether a console user may give work to a handling unit: a city-level unit (no region)
 * anyone may; a district's or street's unit only an organizer whose districts or streets it
 * lies in — or the district above a street organizer's streets (its government). Another
 * district's government takes no work from this district's organizer. Those who give no work
 * (station staff) are not limited here.
 */
export function unitInScope(scope: StaffScope, unit: Pick<Unit, 'regionId'>): boolean {
  if (scope.kind !== 'regions' || unit.regionId === null) return true
  if (scope.covers(unit.regionId)) return true
  return scope.regionIds.some((r) => ancestry(r, scope.tree).some((a) => a.id === unit.regionId))
}

/** The 422's sentence when a unit is out of the user's scope. */
export const unitOutOfScope = (unit: Pick<Unit, 'name'>) => `${unit.name}不属于您负责的区县，只能选市级单位或本区县的承办单位`
