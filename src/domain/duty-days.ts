/**
 * Reception duty (接待值班) is kept per station: a deputy of two stations sits at each on
 * that station's days, and each station's staff keep only their own station's roster.
 */

/** Station id → the deputy's duty dates there, YYYY-MM-DD, sorted, each once. */
export type DutyByStation = Readonly<Record<string, readonly string[]>>

/** The deputy's duty dates at one station (own keys only: a station id may be any word, "constructor" too). */
export function dutyDatesAt(duty: DutyByStation, stationId: string): string[] {
  return Object.hasOwn(duty, stationId) ? [...duty[stationId]] : []
}

/** Every date the deputy is on duty at any of `stationIds` (all their stations without it), sorted, each once. */
export function dutyDatesAmong(duty: DutyByStation, stationIds?: readonly string[]): string[] {
  const ids = stationIds ?? Object.keys(duty)
  return sortedUnique(ids.flatMap((id) => dutyDatesAt(duty, id)))
}

/** The roster with one station's dates replaced; a station left with none is dropped. */
export function withDutyDates(duty: DutyByStation, stationId: string, dates: readonly string[]): Record<string, string[]> {
  const out = onlyStations(
    duty,
    Object.keys(duty).filter((id) => id !== stationId),
  )
  const list = sortedUnique(dates)
  if (list.length) out[stationId] = list
  return out
}

/** The roster kept to the deputy's stations: days at a station they no longer serve go with it. */
export function onlyStations(duty: DutyByStation, stationIds: readonly string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const id of stationIds) {
    const dates = dutyDatesAt(duty, id)
    if (dates.length) out[id] = sortedUnique(dates)
  }
  return out
}

export type DutyStationChoice = { ok: true; stationId: string } | { ok: false; reason: 'not_their_station' | 'ambiguous' | 'none'; stationIds: string[] }

/**
 * Which station a plain list of duty dates is for. `allowed` is the stations the editor looks
 * after (null: every station). One candidate is unambiguous; with several the editor must name one.
 */
export function dutyStationFor(deputyStationIds: readonly string[], allowed: readonly string[] | null, named?: string): DutyStationChoice {
  const candidates = deputyStationIds.filter((id) => allowed === null || allowed.includes(id))
  if (named !== undefined)
    return candidates.includes(named) ? { ok: true, stationId: named } : { ok: false, reason: 'not_their_station', stationIds: candidates }
  if (candidates.length === 1) return { ok: true, stationId: candidates[0] }
  return { ok: false, reason: candidates.length ? 'ambiguous' : 'none', stationIds: candidates }
}

function sortedUnique(dates: readonly string[]): string[] {
  return [...new Set(dates)].sort()
}
