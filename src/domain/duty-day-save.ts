/**
 * One day of a station's reception duty saved whole (值班日: who sits that day), as a clerk arranges it on the
 * calendar: from who sat that day as she saw it (`seen`) to who sits now (`onDuty`). Both adapters write what this
 * says, inside their one write. Pure, no I/O.
 */
import { dutyDatesAt, isPastDutyDay, type DutyByStation } from './duty-days.js'

/** Who of the station's deputies has `date` among his days there, by id, sorted. */
export function onDutyThatDay(deputies: ReadonlyArray<{ id: string; dutyByStation: DutyByStation }>, stationId: string, date: string): string[] {
  return deputies
    .filter((d) => dutyDatesAt(d.dutyByStation, stationId).includes(date))
    .map((d) => d.id)
    .sort()
}

export type DutyDayPlan = { changed: false; onDutyNow: string[] } | { changed: true; writes: Array<{ id: string; dates: string[] }> }

/**
 * The writes that make `onDuty` the day's deputies: each deputy whose days at the station change, with all his days
 * there after the save, sorted. `changed: false` when those on duty that day are no longer `seen` (another save came
 * first): nothing is to be written, and `onDutyNow` says who they are now.
 */
export function dutyDayPlan(
  deputies: ReadonlyArray<{ id: string; dutyByStation: DutyByStation }>,
  stationId: string,
  date: string,
  change: { onDuty: readonly string[]; seen: readonly string[] },
): DutyDayPlan {
  const now = onDutyThatDay(deputies, stationId, date)
  const seen = [...new Set(change.seen)].sort()
  if (now.length !== seen.length || now.some((id, i) => id !== seen[i])) return { changed: false, onDutyNow: now }
  const writes = deputies.flatMap((d) => {
    const dates = dutyDatesAt(d.dutyByStation, stationId)
    const sits = change.onDuty.includes(d.id)
    if (sits === dates.includes(date)) return []
    return [{ id: d.id, dates: (sits ? [...dates, date] : dates.filter((x) => x !== date)).sort() }]
  })
  return { changed: true, writes }
}

/**
 * Whether a deputy's days at a station are still those a caller read (`seen`), in any order: a whole list saved over
 * them (a deputy's 接待值班日期) is written only then, so that a day saved meanwhile on the calendar is never undone unseen.
 */
export function dutyDaysAsSeen(now: readonly string[], seen: readonly string[]): boolean {
  const a = [...new Set(now)].sort()
  const b = [...new Set(seen)].sort()
  return a.length === b.length && a.every((d, i) => d === b[i])
}

/**
 * The days before `today` (the business date) that a new list of a deputy's days at a station adds or drops, sorted:
 * a day gone by is the station's record of who sat (履职档案 counts it), which no save may change.
 */
export function pastDaysChanged(before: readonly string[], after: readonly string[], today: string): string[] {
  const was = new Set(before.filter((d) => isPastDutyDay(d, today)))
  const now = new Set(after.filter((d) => isPastDutyDay(d, today)))
  return [...[...now].filter((d) => !was.has(d)), ...[...was].filter((d) => !now.has(d))].sort()
}
