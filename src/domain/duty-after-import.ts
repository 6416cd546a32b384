/**
 * A deputy's reception duty after a roster import (名册导入) on `today`, the business date: the days he sat are the
 * stations' record of who received residents (履职档案 counts them), which no file rewrites. At each of his stations
 * the days gone by stay as they were, the file's today and days ahead replace the rest. Pure, no I/O.
 */
import { pastDaysChanged } from './duty-day-save.js'
import { dutyAfterMove, dutyDatesAt, isPastDutyDay, type DutyByStation, type FormerDuty } from './duty-days.js'

/** Days gone by at one station that the file gave otherwise than recorded, kept as they were. */
export interface PastDutyKept {
  stationId: string
  /** In the file, never sat: not recorded. */
  added: string[]
  /** Sat, left out of the file: still recorded. */
  dropped: string[]
}

/**
 * `before`: the deputy as stored (none: new, no history to keep, the file's days as given). His days gone by at a
 * station he leaves stay as its history (dutyAfterMove); at each station of his after the import, those before
 * `today` are his days there as stored (or his former days there, when he comes back), whatever the file says of
 * them. `pastKept`: each station where the file's days gone by differed, and how.
 */
export function dutyAfterImport(
  before: { dutyByStation: DutyByStation; formerDuty?: FormerDuty } | undefined,
  next: { dutyByStation: DutyByStation; stationIds: readonly string[] },
  today: string,
): { dutyByStation: Record<string, string[]>; formerDuty: Record<string, string[]>; pastKept: PastDutyKept[] } {
  const moved = dutyAfterMove(before ?? { dutyByStation: {} }, next, today)
  if (!before) return { ...moved, pastKept: [] }
  const duty = moved.dutyByStation
  const pastKept: PastDutyKept[] = []
  for (const id of next.stationIds) {
    const sat = [...dutyDatesAt(before.dutyByStation, id), ...dutyDatesAt(before.formerDuty ?? {}, id)].filter((d) => isPastDutyDay(d, today))
    const given = dutyDatesAt(duty, id)
    const changed = pastDaysChanged(sat, given, today)
    if (!changed.length) continue
    const dates = [...new Set([...sat, ...given.filter((d) => !isPastDutyDay(d, today))])].sort()
    if (dates.length) duty[id] = dates
    else delete duty[id]
    pastKept.push({ stationId: id, added: changed.filter((d) => !sat.includes(d)), dropped: changed.filter((d) => sat.includes(d)) })
  }
  return { dutyByStation: duty, formerDuty: moved.formerDuty, pastKept }
}
