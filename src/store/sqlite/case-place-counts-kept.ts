import type { CaseFilter } from '../ports.js'
import { filterClauses, matchesNone, scopeKey } from './case-filter-sql.js'
import { logEnds, readWholeAgain } from './case-change-log.js'
import type { Db } from './open.js'

/** One place's kept counts (migration 036's case_counts): station, district, handling district ('' for none), then its sums. */
export type PlaceRow = [string, string, string, ...number[]]
/** One place's messages per topic (case_topic_counts): topic, station, district, handling district, messages. */
type TopicRow = [string, string, string, string, number]

/** A scope's counts per place as of the last changes seen in the two logs (migrations 040 and 047). */
interface KeptScope {
  caseSeq: number
  placeSeq: number
  rows: Map<string, PlaceRow>
  /** Per place, its messages per topic. */
  topics: Map<string, Map<string, number>>
  /** Every topic any place of the scope has a row for (a place's new topic comes with a changed case, read too). */
  known: Set<string>
}

// Scopes kept at once, the last asked kept: an admin's 3,000 places and ~45,000 topic rows are a few MB.
export const KEPT_PLACE_SCOPES = 4
// Past this many changes since a scope's last look, it is read whole again rather than place by place.
const MAX_CHANGES = 20_000

const placeKey = (station: string, district: string, handling: string) => `${station}\u0000${district}\u0000${handling}`

/**
 * Every place's kept counts and messages per topic in a scope, for the statistics and the dashboard grouped by
 * station or district: an admin's 3,000 places with 27 sums each and ~45,000 rows of topics took ~30 ms to read at
 * each first look after a change (at a province, nearly every look). Kept between looks as the deputies' are
 * (case-deputy-ranking.ts): a look after changes reads again only the places they touched — the place of each case
 * changed since (the case change log, migration 040) and the one a case left (migration 047). A gap in either log,
 * a log behind what was seen or very many changes: the scope is read whole again. The rows are the store's own:
 * callers read them and never change them.
 */
export function keptPlaceCounts(db: Db, sums: readonly string[]) {
  const caseLog = logEnds(db, 'case_changes')
  const placeLog = logEnds(db, 'case_place_changes')
  const kept = new Map<string, KeptScope>()

  /** The places the changes after these two seqs touched, and the changed cases' topics now, as two JSON arrays. */
  const touched = (caseSeq: number, placeSeq: number) =>
    db
      .prepare(
        `WITH changed AS (
          SELECT coalesce(cases.station_id, '') AS s, coalesce(cases.district_id, '') AS d, coalesce(cases.handling_district_id, '') AS h, cases.topic AS t
          FROM (SELECT DISTINCT case_id FROM case_changes WHERE seq > ?) AS log JOIN cases ON cases.id = log.case_id)
        SELECT
          (SELECT json_group_array(json_array(s, d, h)) FROM (SELECT s, d, h FROM changed UNION SELECT station_id, district_id, handling_district_id FROM case_place_changes WHERE seq > ?)),
          (SELECT json_group_array(DISTINCT t) FROM changed)`,
      )
      .raw()
      .get(caseSeq, placeSeq) as [string, string]

  /** The scope's clauses on the kept tables, which have the scope's columns under the cases' names. */
  const scoped = (filter: CaseFilter) => {
    const { clauses, params } = filterClauses(filter)
    return { where: clauses.length ? clauses.join(' AND ') : '1', params }
  }

  /** The scope's places' counts (only those named, a JSON array of [station, district, handling], when given). */
  const rowsOf = (filter: CaseFilter, places?: string) => {
    const s = scoped(filter)
    const named =
      places === undefined ? '' : ` AND (station_id, district_id, handling_district_id) IN (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?))`
    const json = db
      .prepare(
        `SELECT json_group_array(json_array(station_id, district_id, handling_district_id, ${sums.join(', ')})) FROM case_counts WHERE ${s.where}${named}`,
      )
      .pluck()
      .get(...s.params, ...(places === undefined ? [] : [places])) as string
    return JSON.parse(json) as PlaceRow[]
  }

  /** The scope's places' messages per topic: every row, or those of the named places and topics, each sought by its key. */
  const topicsOf = (filter: CaseFilter, named?: { places: string; topics: string }) => {
    const s = scoped(filter)
    // CROSS JOIN keeps the order written: each topic at each place sought by the table's key. Joined freely, SQLite
    // took the topics first and read every place of each (the table is keyed topic first).
    const sql = named
      ? `SELECT json_group_array(json_array(topic, station_id, district_id, handling_district_id, total))
         FROM json_each(?) AS t CROSS JOIN json_each(?) AS p CROSS JOIN case_topic_counts
           ON topic = t.value AND station_id = p.value ->> 0 AND district_id = p.value ->> 1 AND handling_district_id = p.value ->> 2
         WHERE ${s.where}`
      : `SELECT json_group_array(json_array(topic, station_id, district_id, handling_district_id, total)) FROM case_topic_counts WHERE ${s.where}`
    const json = db
      .prepare(sql)
      .pluck()
      .get(...(named ? [named.topics, named.places] : []), ...s.params) as string
    return JSON.parse(json) as TopicRow[]
  }

  const putTopics = (scope: KeptScope, rows: TopicRow[]) => {
    for (const [topic, station, district, handling, total] of rows) {
      scope.known.add(topic)
      if (total === 0) continue
      const key = placeKey(station, district, handling)
      const topics = scope.topics.get(key) ?? scope.topics.set(key, new Map()).get(key)!
      topics.set(topic, total)
    }
  }

  /** The scope's counts brought up to date in one read transaction: both logs' last changes and the counts as of them. */
  return db.transaction((filter: CaseFilter): KeptScope => {
    // An empty list of stations or districts matches nothing: not worth one of the kept scopes.
    if (matchesNone(filter)) return { caseSeq: 0, placeSeq: 0, rows: new Map(), topics: new Map(), known: new Set() }
    const key = scopeKey(filter)
    const casesNow = caseLog()
    const placesNow = placeLog()
    let scope = kept.get(key)
    kept.delete(key)
    if (!scope || readWholeAgain(casesNow, scope.caseSeq, MAX_CHANGES) || readWholeAgain(placesNow, scope.placeSeq, MAX_CHANGES)) {
      scope = { caseSeq: casesNow.last, placeSeq: placesNow.last, rows: new Map(), topics: new Map(), known: new Set() }
      for (const row of rowsOf(filter)) scope.rows.set(placeKey(row[0], row[1], row[2]), row)
      putTopics(scope, topicsOf(filter))
    } else if (casesNow.last !== scope.caseSeq || placesNow.last !== scope.placeSeq) {
      const [placesJson, topicsJson] = touched(scope.caseSeq, scope.placeSeq)
      const places = JSON.parse(placesJson) as Array<[string, string, string]>
      for (const topic of JSON.parse(topicsJson) as Array<string | null>) if (topic !== null) scope.known.add(topic)
      for (const [station, district, handling] of places) {
        scope.rows.delete(placeKey(station, district, handling))
        scope.topics.delete(placeKey(station, district, handling))
      }
      for (const row of rowsOf(filter, placesJson)) scope.rows.set(placeKey(row[0], row[1], row[2]), row)
      putTopics(scope, topicsOf(filter, { places: placesJson, topics: JSON.stringify([...scope.known]) }))
      scope.caseSeq = casesNow.last
      scope.placeSeq = placesNow.last
    }
    // A Map iterates in insertion order: the first key is the least recently asked.
    kept.set(key, scope)
    if (kept.size > KEPT_PLACE_SCOPES) kept.delete(kept.keys().next().value!)
    return scope
  })
}
