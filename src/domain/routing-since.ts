import type { CaseEvent, CaseStatus } from './case.js'

/**
 * Where a message went after the routing placed it. The routing's reasons are those of the day it
 * came in; a message since handed to another deputy, passed to another station or handed up would
 * read as a contradiction beside them, so the case page says what happened after (为什么分到这里).
 */

/** Who holds a message: a deputy, a station, or a congress office ("city" or a district's region id). */
export interface Holder {
  deputyId: string | null
  stationId: string | null
  officeId: string | null
}

export type MoveSinceRouting =
  /** Another deputy took it over (改派), or a deputy got it where the routing found none (分派). */
  | { kind: 'reassigned' | 'assigned'; deputyId: string }
  /** It left the routing's place: passed to another station (转给), or handed up to an office (上报). */
  | { kind: 'passed' | 'handedUp'; placeId: string }
  /** The routing's deputy gave it back to the same place; `waiting` while nobody holds it yet. */
  | { kind: 'returned'; placeId: string; waiting: boolean }

const MOVES = new Set(['assigned', 'transferred', 'referred'])

const str = (v: unknown) => (typeof v === 'string' && v ? v : null)
const holder = (deputyId: unknown, stationId: unknown, officeId: unknown): Holder | null => {
  const h = { deputyId: str(deputyId), stationId: str(stationId), officeId: str(officeId) }
  return h.deputyId || h.stationId || h.officeId ? h : null
}
const place = (h: Holder) => h.stationId ?? h.officeId

/**
 * Whom the routing gave the message to, as its events tell: the system's own assignment, else the
 * hands the first later move took it from; never moved, it is still where it is now.
 */
export function routedHolder(events: readonly CaseEvent[], now: Holder): Holder | null {
  const first = events.find((e) => MOVES.has(e.type))
  if (!first) return now
  const d = first.data
  return first.type === 'assigned' && first.actorRole === 'system'
    ? holder(d.deputyId, d.stationId ?? d.toStation, d.toOffice)
    : holder(d.fromDeputyId, d.fromStationId, d.fromOffice)
}

/** The move that put the message where it is now, compared with the routing's choice; null while it is still there. */
export function moveSinceRouting(events: readonly CaseEvent[], now: Holder, status: CaseStatus): MoveSinceRouting | null {
  const routed = routedHolder(events, now)
  if (!routed) return null
  if (now.deputyId) return now.deputyId === routed.deputyId ? null : { kind: routed.deputyId ? 'reassigned' : 'assigned', deputyId: now.deputyId }
  const here = place(now)
  if (!here) return null
  if (here !== place(routed)) return { kind: now.stationId ? 'passed' : 'handedUp', placeId: here }
  if (!routed.deputyId) return null
  return { kind: 'returned', placeId: here, waiting: status === 'submitted' }
}
