import { parseCaseSearch } from '../../domain/case-search.js'
import { deputyNamedText, stationOutsideText, typedDeputyName, type InboxOwner } from '../../domain/inbox-search-words.js'
import { scopeHasStation, type StaffScope } from '../../domain/staff-scope.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import type { DirectoryCache, PreparedDirectory } from '../directory/directory-cache.js'

/**
 * What the console's inbox says when its search or a filter cannot find what the clerk means (review 37): a deputy's
 * name in the search box, which finds words of messages, and a station filter for a station not hers. Read from the
 * cached directory, within her scope; nothing of another station is said.
 */

/** A deputy the search box names, and the words pointing to the 代表 filter. */
export interface DeputyNamed {
  id: string
  name: string
  text: string
}

/**
 * The deputies in her scope whose name the search box holds ("刘志明", "刘志明代表"): the box finds words of messages,
 * not who handles them, so the list points her to the 代表 filter, naming him. Those she may filter by: a clerk's
 * stations' deputies, an office's its places'. Empty for a number, a ticket or any other words.
 */
export async function deputiesNamed(directory: DirectoryCache, staff: StaffPrincipal, q: string | undefined): Promise<DeputyNamed[]> {
  const name = q && 'words' in parseCaseSearch(q) ? typedDeputyName(q) : ''
  if (!name) return []
  const prepared = await directory.prepared()
  const scope = await directory.scopeOf(staff)
  const named = [...prepared.deputies.values()].filter((d) => d.name === name && d.stationIds.some((s) => stationInScope(staff, scope, s, prepared)))
  return named.map((d) => ({ id: d.id, name: d.name, text: deputyNamedText(d.name, ownerOf(staff)) }))
}

/**
 * A station filter named by id (a typed or old address, ?stationId=…): the station's name for its chip when she may
 * see its messages, else nothing of it (its name, or whether it exists), only that it is not hers.
 */
export async function stationFilter(
  directory: DirectoryCache,
  staff: StaffPrincipal,
  stationId: string,
): Promise<{ id: string; name: string | null; text: string | null }> {
  const prepared = await directory.prepared()
  const ours = stationInScope(staff, await directory.scopeOf(staff), stationId, prepared)
  const name = ours ? (prepared.stations.get(stationId)?.name ?? null) : null
  return name ? { id: stationId, name, text: null } : { id: stationId, name: null, text: stationOutsideText(ownerOf(staff)) }
}

/** Whether she may see the station's messages: a clerk her own stations, an office those of its places, the city all. */
function stationInScope(staff: StaffPrincipal, scope: StaffScope, stationId: string, prepared: PreparedDirectory) {
  if (staff.role === 'station_staff') return staff.stationIds.includes(stationId)
  const station = prepared.stations.get(stationId)
  if (!station || scope.kind === 'none') return false
  return scope.kind === 'city' || scopeHasStation(scope, station)
}

/** Whose deputies and stations the list speaks of: a station clerk's (本站), an office's (您辖区). */
const ownerOf = (staff: StaffPrincipal): InboxOwner => (staff.role === 'station_staff' ? 'station' : 'region')
