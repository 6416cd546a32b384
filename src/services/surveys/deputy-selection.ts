import { GONE } from '../../domain/choice-words.js'
import type { DeputyLevel } from '../../domain/directory.js'
import { scopeHasStation, type StaffScope } from '../../domain/staff-scope.js'
import { UnprocessableError } from '../../errors.js'
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
