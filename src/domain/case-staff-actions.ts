/**
 * What a console user may do with a message now (the case page's buttons): judged by the same
 * rules the moves themselves are checked against, so the page never offers a move the server
 * then refuses. Pure, no I/O.
 */
import { canTransition, type CaseRecord } from './case.js'
import type { StaffRole } from './directory.js'

/** The case page's moves: 分派/改派, 不予受理, 与相似留言合并, 上报区人大办, 催办. */
export const STAFF_CASE_ACTIONS = ['assign', 'reject', 'merge', 'handUp', 'urge'] as const
export type StaffCaseAction = (typeof STAFF_CASE_ACTIONS)[number]

/** Only station staff hand up (上报), and only a message in their station's hands: the office's own queue has nobody above it. */
export const mayHandUp = (role: StaffRole, c: Pick<CaseRecord, 'stationId'>) => role === 'station_staff' && c.stationId !== null

/** The district whose office a 上报 hands the message to: the one handling it, else its place's (null: the whole installation's office). */
export const handUpDistrict = (c: Pick<CaseRecord, 'handlingDistrictId' | 'districtId'>): string | null => c.handlingDistrictId ?? c.districtId

/**
 * The moves this person may make on this message in its state now. `urgeAllowed`: 催办's own
 * rule (in a deputy's hands, not yet urged this business day; case-urging.ts).
 */
export function staffCaseActions(role: StaffRole, c: Pick<CaseRecord, 'status' | 'stationId' | 'mergedInto'>, urgeAllowed: boolean): StaffCaseAction[] {
  const allowed: Record<StaffCaseAction, boolean> = {
    assign: canTransition('assign', c.status),
    reject: canTransition('reject', c.status),
    merge: canTransition('merge', c.status) && !c.mergedInto,
    handUp: mayHandUp(role, c) && canTransition('handUp', c.status),
    urge: urgeAllowed,
  }
  return STAFF_CASE_ACTIONS.filter((a) => allowed[a])
}
