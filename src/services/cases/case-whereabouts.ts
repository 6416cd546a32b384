import type { CaseEvent, CaseRecord } from '../../domain/case.js'
import { canSeeCase, type Viewer } from '../../domain/case-access.js'
import { officeName } from '../../domain/office-name.js'
import type { Store } from '../../store/ports.js'
import type { PreparedDirectory } from '../directory/directory-cache.js'

/**
 * Where a message went that a console user no longer follows on its own page: a message her station
 * handed up (上报) or that was moved to another station (转站) since, found by its number; and the
 * message a merged one's work is done on. Read by CaseQueries.
 */

/**
 * A message the clerk's station had and she may no longer open: when it left, and where to — handed
 * up to an office (上报), or moved to another station (its deputy now serves there).
 */
export interface HandedUpMatch {
  case: CaseRecord
  at: Date
  to: { kind: 'office' | 'station'; name: string }
}

const str = (v: unknown) => (typeof v === 'string' && v ? v : null)

/**
 * The step that took the message out of her stations, the latest (null when none did): a hand-up
 * from one of them, or a move from one of them to a station not hers. Only what the timeline says.
 */
function leftHerStations(events: readonly CaseEvent[], mine: readonly string[]): CaseEvent | null {
  const left = events.filter((e) => {
    const from = str(e.data.fromStationId)
    if (!from || !mine.includes(from)) return false
    if (e.type === 'referred') return true
    const to = str(e.data.stationId)
    return (e.type === 'assigned' || e.type === 'transferred') && to !== null && !mine.includes(to)
  })
  return left.at(-1) ?? null
}

/**
 * The messages of `tickets` her stations had and she can no longer open, with where they went: she
 * handled them, so that much is hers to know (never their content). A seek per ticket on its unique
 * index, then the timeline of each one she cannot see: a short number's 90 days are at most 90.
 */
export async function handedAwayMatches(
  store: Pick<Store, 'cases'>,
  prepared: PreparedDirectory,
  viewer: Viewer,
  stationIds: readonly string[],
  tickets: string[],
): Promise<HandedUpMatch[]> {
  if (!tickets.length || !stationIds.length) return []
  const named = (await store.cases.search({ tickets, limit: tickets.length })).items
  const found: HandedUpMatch[] = []
  for (const c of named.filter((x) => !canSeeCase(viewer, x))) {
    const step = leftHerStations(await store.cases.events(c.id), stationIds)
    if (!step) continue
    const to: HandedUpMatch['to'] =
      step.type === 'referred'
        ? { kind: 'office', name: officeName(str(step.data.toOffice) ?? 'city', prepared) }
        : { kind: 'station', name: prepared.stations.get(str(step.data.stationId)!)?.name ?? '其他联络站' }
    found.push({ case: c, at: step.at, to })
  }
  return found
}

/** The message a merged one's work is done on: where its chain of merges ends (a few steps at most; a loop stops it). */
export async function carrierOf(store: Pick<Store, 'cases'>, c: CaseRecord): Promise<CaseRecord | null> {
  let carrier: CaseRecord | null = null
  const passed = new Set([c.id])
  for (let next = c.mergedInto; next && !passed.has(next); next = carrier?.mergedInto ?? null) {
    passed.add(next)
    carrier = (await store.cases.get(next)) ?? carrier
    if (carrier?.id !== next) break
  }
  return carrier
}
