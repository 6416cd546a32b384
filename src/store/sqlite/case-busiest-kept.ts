import type { BarCounts } from '../case-tally.js'
import type { CaseFilter } from '../ports.js'
import { filterClauses } from './case-filter-sql.js'
import type { Db } from './open.js'
import { DEPUTIES_OF_CASES_CHANGED, logEnds, readWholeAgain } from './case-change-log.js'

// Scopes and sizes whose busiest deputies are kept (a few organizers and the admins), the last asked kept.
const KEPT = 16
// Past this many case changes since, the busiest are read afresh rather than from the deputies of the changed cases.
const MAX_CHANGES = 2_000

/**
 * The busiest deputies of a scope by their kept counts (migration 036, without the figures of "now"), kept between
 * looks: finding them reads every deputy of the scope (an admin's ~100,000, ~30 ms), yet a case write can only raise
 * the total of the deputy it now names. So after changes the kept busiest and the deputies of the changed cases are
 * read again by key, and the busiest are found among them — unless one of the kept busiest went down (a case handed to
 * another deputy, moved out of the scope, deleted): then a deputy nobody read may be among them, and all are read afresh. Exact either way: every deputy not read has the total it had, below the least of the busiest.
 */
export function keptBusiest(db: Db) {
  const changeLog = logEnds(db, 'case_changes')
  const changed = db.prepare(DEPUTIES_OF_CASES_CHANGED).pluck()
  const kept = new Map<string, { seq: number; bars: BarCounts[] }>()

  const sums = (where: string, tail: string) =>
    `SELECT deputy_id AS "key", sum(total) AS total, sum(open) AS open, 0 AS overdueOpen, sum(reply_done) AS replyDue, sum(reply_in_time) AS replyOk
    FROM case_deputy_counts WHERE ${where} GROUP BY deputy_id ${tail}`

  /** The busiest (at least `top`, and any tied with the last of them; none without cases) among deputies' sums. */
  const busiestAmong = (bars: BarCounts[], top: number) => {
    const least = Math.max([...bars].sort((a, b) => b.total - a.total)[top - 1]?.total ?? 1, 1)
    return bars.filter((b) => b.total >= least)
  }

  /** Every deputy of the scope, in one pass that keeps only the first rows of its order. */
  const afresh = (scope: { where: string; params: unknown[] }, top: number) => {
    const read = Math.max(top, 1) * 4
    const first = db.prepare(sums(scope.where, `ORDER BY total DESC LIMIT ${read}`)).all(...scope.params) as BarCounts[]
    const least = Math.max(first[top - 1]?.total ?? 1, 1)
    // So many tied with the last of the busiest that the first rows may not hold them all: every deputy with as many.
    if (first.length === read && first[read - 1].total >= least)
      return db.prepare(sums(scope.where, 'HAVING sum(total) >= ?')).all(...scope.params, least) as BarCounts[]
    return first.filter((b) => b.total >= least)
  }

  /** Some deputies' sums in the scope, each sought by its key. */
  const sumsOf = (scope: { where: string; params: unknown[] }, deputies: string[]) =>
    db.prepare(sums(`deputy_id IN (SELECT value FROM json_each(?)) AND ${scope.where}`, '')).all(JSON.stringify(deputies), ...scope.params) as BarCounts[]

  /** The busiest deputies of a scope (stations, districts) by their kept counts: fresh copies, to add the figures of "now" to. */
  const busiest = db.transaction((filter: CaseFilter, top: number): BarCounts[] => {
    const { clauses, params } = filterClauses(filter)
    const scope = { where: clauses.length ? clauses.join(' AND ') : '1', params }
    const key = `${top} ${JSON.stringify(filter)}`
    const log = changeLog()
    const seq = log.last
    const was = kept.get(key)
    let bars: BarCounts[] | null = null
    if (was && seq === was.seq) bars = was.bars
    else if (was && seq > was.seq && !readWholeAgain(log, was.seq, MAX_CHANGES)) {
      // (A case deleted or given another id only lowers its deputy's total: seen when that deputy was among the busiest.)
      const deputies = new Set([...was.bars.map((b) => b.key), ...(changed.all(was.seq) as string[])])
      const now = sumsOf(scope, [...deputies])
      const totalOf = new Map(now.map((b) => [b.key, b.total]))
      if (was.bars.every((b) => (totalOf.get(b.key) ?? 0) >= b.total)) bars = busiestAmong(now, top)
    }
    bars ??= afresh(scope, top)
    kept.delete(key)
    kept.set(key, { seq, bars })
    // A Map iterates in insertion order, so the first key is the least recent.
    if (kept.size > KEPT) kept.delete(kept.keys().next().value!)
    return bars.map((b) => ({ ...b }))
  })
  return busiest
}
