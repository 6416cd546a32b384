import type { BarCounts } from '../case-tally.js'
import type { CaseFilter } from '../ports.js'
import { filterClauses } from './case-filter-sql.js'
import { keptCountsServe } from './case-counts-kept.js'
import type { KeptDeadlines } from './case-deadlines-kept.js'
import type { Db } from './open.js'

/**
 * Every deputy's bar for the statistics' ranking, from the counts migration 036 keeps per deputy (a scope's
 * filter only: null for any other, which the caller counts from the cases) plus the figures of "now" over the
 * unfinished cases kept in memory. An admin's are 100,000 deputies: their counts leave SQLite as one JSON array,
 * which JSON.parse turns into values faster than the driver hands over 100,000 rows of objects.
 */
export function deputyRanking(db: Db, deadlines: KeptDeadlines) {
  return (filter: CaseFilter, now: Date): BarCounts[] | null => {
    if (!keptCountsServe(filter)) return null
    // An empty list of stations or districts matches nothing (and SQLite finds no plan through the index for "0").
    if (filter.stationIds?.length === 0 || filter.districtIds?.length === 0) return []
    // The kept table has the scope's columns under the cases' names: the same clauses select its rows.
    const { clauses, params } = filterClauses(filter)
    const where = clauses.length ? clauses.join(' AND ') : '1'
    const counts = db
      .prepare(
        `SELECT json_group_array(json_array(deputy_id, total, open, replyDue, replyOk)) FROM (
          SELECT deputy_id, sum(total) AS total, sum(open) AS open, sum(reply_done) AS replyDue, sum(reply_in_time) AS replyOk
          FROM case_deputy_counts WHERE ${where} GROUP BY deputy_id)`,
      )
      .pluck()
      .get(...params) as string
    const bars = new Map<string, BarCounts>()
    for (const [key, total, open, replyDue, replyOk] of JSON.parse(counts) as Array<[string, number, number, number, number]>)
      // A deputy whose cases all moved away or went keeps a row at 0: no longer one of the scope's.
      if (total > 0) bars.set(key, { key, total, open, overdueOpen: 0, replyDue, replyOk })
    // The figures of "now", from the unfinished cases kept in memory (as the statistics' other figures are).
    deadlines.addLateOfDeputies(filter, now.toISOString(), bars)
    return [...bars.values()]
  }
}
