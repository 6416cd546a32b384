import { GONE } from '../../domain/choice-words.js'
import type { DeputyLevel } from '../../domain/directory.js'
import { scopeHasStation, type StaffScope } from '../../domain/staff-scope.js'
import { ForbiddenError, UnprocessableError } from '../../errors.js'
import type { Store } from '../../store/ports.js'
import { stationPlaces } from '../directory/station-places.js'

/**
 * The deputies a ballot's roll names, within the organizer's districts or streets (by their
 * stations), serving ones only: a level or district leaves out those who have left office,
 * naming one of them is 422 deputy_inactive (as on a case).
 */
export async function deputiesSelected(
  store: Pick<Store, 'directory'>,
  selector: { levels?: DeputyLevel[]; districtIds?: string[]; deputyIds?: string[] },
  within: StaffScope | null,
  path = 'body.ballot.roll.deputyIds',
): Promise<string[]> {
  if (within) refuseDistrictsOutside(selector.districtIds ?? [], within, path.replace(/\.deputyIds$/, '.districtIds'))
  const { snap, stationDistrict } = await stationPlaces(store)
  const stations = new Map(snap.stations.map((s) => [s.id, s]))
  const districtsOf = (stationIds: string[]) => stationIds.map((s) => stationDistrict.get(s)).filter((d): d is string => !!d)
  const grouped = !!(selector.levels?.length || selector.districtIds?.length)
  const departed: Array<{ id: string; name: string }> = []
  const ids = snap.deputies
    .filter((d) => {
      const districts = districtsOf(d.stationIds)
      if (within && !d.stationIds.some((id) => scopeHasStation(within, stations.get(id)))) return false
      // Someone who has left office no longer votes nor speaks for the congress: never on a roll or an audience.
      if (!d.active) {
        if (selector.deputyIds?.includes(d.id)) departed.push({ id: d.id, name: d.name })
        return false
      }
      if (selector.deputyIds?.includes(d.id)) return true
      if (!grouped) return false
      if (selector.levels?.length && !selector.levels.includes(d.level)) return false
      return !selector.districtIds?.length || districts.some((x) => selector.districtIds!.includes(x))
    })
    .map((d) => d.id)
  // Worded and coded as on a case (inactiveDeputy in cases/case-mechanics.ts), every one named.
  if (departed.length)
    throw new UnprocessableError(
      '该代表已离任，请选择其他代表',
      departed.map((d) => ({ path, message: `${d.name}代表已离任` })),
      'deputy_inactive',
    )
  const unknown = (selector.deputyIds ?? []).filter((id) => !ids.includes(id))
  if (unknown.length)
    throw new UnprocessableError(
      path.startsWith('body.ballot') ? '应投票代表有误' : '邀请填写的代表有误',
      unknown.map((id) => {
        // Named when the directory has them (out of reach); gone when it has not: never by their id.
        const known = snap.deputies.find((d) => d.id === id)
        return { path, message: known ? `${known.name}代表不在您的管理范围内` : GONE.deputy }
      }),
      'invalid_roll',
    )
  return ids
}

/**
 * A district chosen that is not the organizer's (nor the district of a street of hers): 403 outside_scope, as a campaign
 * for it is refused, not "所选的代表层级和区县里没有在任的代表", which reads as if that district had no deputies.
 */
function refuseDistrictsOutside(districtIds: readonly string[], within: StaffScope, path: string) {
  const hers = (districtId: string) => within.covers(districtId) || within.regionIds.some((r) => underDistrict(r, districtId, within))
  const outside = districtIds.flatMap((id, i) => {
    const place = within.tree.get(id)
    return place?.kind === 'district' && !hers(id) ? [{ path: `${path}[${i}]`, message: `${place.name}不在您负责的区县` }] : []
  })
  if (outside.length) throw new ForbiddenError('只能面向您负责的区县发布', 'outside_scope', outside)
}

/** Whether region `id` lies under the district (a street organizer's street is in her district). */
function underDistrict(id: string, districtId: string, within: StaffScope): boolean {
  for (let r = within.tree.get(id); r; r = r.parentId ? within.tree.get(r.parentId) : undefined) if (r.id === districtId) return true
  return false
}
