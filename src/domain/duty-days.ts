/**
 * Reception duty (接待值班) is kept per station: a deputy of two stations sits at each on
 * that station's days, and each station's staff keep only their own station's roster.
 */

/** Station id → the deputy's duty dates there, YYYY-MM-DD, sorted, each once. */
export type DutyByStation = Readonly<Record<string, readonly string[]>>

/**
 * Whether a duty day is gone by on `today` (the business date, in the office's time zone): the one test of it. Such a
 * day is the station's record of who sat (履职档案 counts it): no save (duty_day_past), move or import changes it.
 */
export function isPastDutyDay(date: string, today: string): boolean {
  return date < today
}

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
  const out = byStationId<string[]>()
  for (const id of stationIds) {
    const dates = dutyDatesAt(duty, id)
    if (dates.length) out[id] = sortedUnique(dates)
  }
  return out
}

/**
 * Duty a deputy sat at stations he no longer belongs to: station id → dates before he left it.
 * History, never a roster to route by: the station's past roster and his 履职档案 count it.
 */
export type FormerDuty = Readonly<Record<string, readonly string[]>>

/**
 * A deputy's duty after his stations change on `today` (the business date). Days before today at a
 * station he leaves stay as his former duty there; his days there from today on go with the move (he
 * no longer sits there). Moving back to a station puts its former days back on his roster there.
 * Days at the stations he keeps are as `next` gives them.
 */
export function dutyAfterMove(
  before: { dutyByStation: DutyByStation; formerDuty?: FormerDuty },
  next: { dutyByStation: DutyByStation; stationIds: readonly string[] },
  today: string,
): { dutyByStation: Record<string, string[]>; formerDuty: Record<string, string[]> } {
  const former: Record<string, string[]> = {}
  for (const [id, dates] of Object.entries(before.formerDuty ?? {})) former[id] = [...dates]
  for (const [id, dates] of Object.entries(before.dutyByStation)) {
    if (next.stationIds.includes(id)) continue
    const past = dates.filter((d) => isPastDutyDay(d, today))
    if (past.length) former[id] = sortedUnique([...(former[id] ?? []), ...past])
  }
  const duty = onlyStations(next.dutyByStation, next.stationIds)
  for (const id of next.stationIds) {
    if (!Object.hasOwn(former, id)) continue
    duty[id] = sortedUnique([...dutyDatesAt(duty, id), ...former[id]])
    delete former[id]
  }
  return { dutyByStation: duty, formerDuty: Object.fromEntries(Object.entries(former).filter(([, dates]) => dates.length)) }
}

/** Every date of a deputy's reception duty, at his stations and at those he has left, sorted, each once. */
export function allDutyDates(d: { dutyByStation: DutyByStation; formerDuty?: FormerDuty }): string[] {
  return sortedUnique([...dutyDatesAmong(d.dutyByStation), ...Object.values(d.formerDuty ?? {}).flat()])
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

/**
 * An empty record to be keyed by station id. Not `{}`: each id added to an object built from `{}` is a transition
 * from the empty object's shape, and the cached directory's 100,000 rosters, keyed by 3,000 station ids, used up
 * the room for them: every plain object the process built key by key afterwards got a shape of its own (memory
 * several times over, and collections that cost tens of ms). A prototype-less object keeps its keys to itself.
 */
export function byStationId<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>
}
