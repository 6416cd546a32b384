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
 * the total of the deputy it now names. So each scope keeps the first rows of its order (four times as many as the
 * busiest: `read`) and a bound on everyone else's total (`floor`: no deputy outside `read` has more). After changes the
 * deputies of `read` and those of the changed cases are read again by key, and the busiest are found among them, exact
 * as long as the last of them has more than `floor`: a deputy nobody read still has the total it had, at most `floor`.
 * Only when so many of the kept fell that the busiest come down to `floor` (cases handed to others, moved out of the
 * scope, deleted) are all read afresh. A busy deputy losing a case — the office's everyday reassignment — no longer is.
 */
export function keptBusiest(db: Db) {
  const changeLog = logEnds(db, 'case_changes')
  const changed = db.prepare(DEPUTIES_OF_CASES_CHANGED).pluck()
  const kept = new Map<string, Kept>()

  const sums = (where: string, tail: string) =>
    `SELECT deputy_id AS "key", sum(total) AS total, sum(open) AS open, 0 AS overdueOpen, sum(reply_done) AS replyDue, sum(reply_in_time) AS replyOk
    FROM case_deputy_counts WHERE ${where} GROUP BY deputy_id ${tail}`

  /** Every deputy of the scope, in one pass that keeps only the first rows of its order. */
  const afresh = (scope: { where: string; params: unknown[] }, top: number): Rows => {
    const limit = readFor(top)
    const first = db.prepare(sums(scope.where, `ORDER BY total DESC LIMIT ${limit}`)).all(...scope.params) as BarCounts[]
    // Fewer than asked: every deputy with cases was read.
    if (first.length < limit) return { read: first, floor: 0 }
    const least = leastOf(first, top)
    // So many tied with the last of the busiest that the first rows may not hold them all: every deputy with as many.
    if (first[limit - 1].total >= least)
      return { read: db.prepare(sums(scope.where, 'HAVING sum(total) >= ?')).all(...scope.params, least) as BarCounts[], floor: least - 1 }
    return { read: first, floor: first[limit - 1].total }
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
    let rows: Rows | null = null
    if (was && seq === was.seq) rows = was
    else if (was && seq > was.seq && !readWholeAgain(log, was.seq, MAX_CHANGES)) {
      // (A case deleted or given another id only lowers its deputy's total: seen, since `read` is read again.)
      const deputies = new Set([...was.read.map((b) => b.key), ...(changed.all(was.seq) as string[])])
      const now = sumsOf(scope, [...deputies])
      if (leastOf(now, top) > was.floor) rows = trimmed(now, was.floor, top)
    }
    rows ??= afresh(scope, top)
    kept.delete(key)
    kept.set(key, { seq, ...rows })
    // A Map iterates in insertion order, so the first key is the least recent.
    if (kept.size > KEPT) kept.delete(kept.keys().next().value!)
    const least = leastOf(rows.read, top)
    return rows.read.filter((b) => b.total >= least).map((b) => ({ ...b }))
  })
  return busiest
}

/** A scope's first rows by total (`read`) and a bound on every other deputy's total (`floor`), as of the change log's `seq`. */
interface Kept {
  seq: number
  read: BarCounts[]
  floor: number
}
type Rows = Omit<Kept, 'seq'>

/** How many of a scope's first rows are kept for `top` busiest: room for some of them to fall without reading all. */
const readFor = (top: number) => Math.max(top, 1) * 4

/** The least total among the busiest `top` (any tied with it are busiest too); at least 1: a deputy without cases is none. */
function leastOf(bars: BarCounts[], top: number) {
  return Math.max([...bars].sort((a, b) => b.total - a.total)[top - 1]?.total ?? 1, 1)
}

/** Rows read again after changes, cut back to `readFor(top)` (the deputies cut go under the floor) so the kept rows do not grow look by look. */
function trimmed(rows: BarCounts[], floor: number, top: number): Rows {
  const limit = readFor(top)
  if (rows.length <= limit) return { read: rows, floor }
  const sorted = [...rows].sort((a, b) => b.total - a.total)
  return { read: sorted.slice(0, limit), floor: Math.max(floor, sorted[limit].total) }
}
