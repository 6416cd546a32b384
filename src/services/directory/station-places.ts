import { stationDistricts } from '../../domain/station-district.js'
import type { Store } from '../../store/ports.js'

/**
 * The directory as it is now, read whole from the store, with each station's district: what survey and
 * quiz audiences are chosen from when they are written. Reads take `DirectoryCache.stationPlaces` instead.
 */
export async function stationPlaces(store: Pick<Store, 'directory'>) {
  const snap = await store.directory.snapshot()
  return { snap, stationDistrict: stationDistricts(snap.stations, new Map(snap.regions.map((r) => [r.id, r]))) }
}
