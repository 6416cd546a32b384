/**
 * How the figures kept in memory between looks read the change logs (migration 040's case changes, 046's deputies a
 * case was taken from, 047's places a case left): each keeps the last seq it saw and reads only what changed after it, unless it must read
 * what it keeps whole again.
 */

import type { Db } from './open.js'

/** Where a change log stands: its last seq (0 when empty) and its first (null when empty), read in one statement. */
export interface LogEnds {
  last: number
  first: number | null
}

/** Reads where one of the logs (`case_changes`, `case_deputy_changes`, `case_place_changes`) stands: min and max of its key, each one seek. */
export function logEnds(db: Db, table: 'case_changes' | 'case_deputy_changes' | 'case_place_changes'): () => LogEnds {
  // Two subqueries, not `SELECT max(seq), min(seq)`: SQLite seeks an end of the key only for a query with one min() or
  // max() alone, and read the whole log (up to 100,000 changes, ~5 ms) at every look of every kept figure for both.
  const ends = db.prepare(`SELECT (SELECT coalesce(max(seq), 0) FROM ${table}), (SELECT min(seq) FROM ${table})`).raw()
  return () => {
    const [last, first] = ends.get() as [number, number | null]
    return { last, first }
  }
}

/** The deputy each case changed after `?` names now (none for a case that is gone or has no deputy). */
export const DEPUTIES_OF_CASES_CHANGED = `SELECT cases.deputy_id FROM (SELECT DISTINCT case_id FROM case_changes WHERE seq > ?) AS changed
  JOIN cases ON cases.id = changed.case_id WHERE cases.deputy_id IS NOT NULL`

/**
 * Whether what was kept as of `seen` must be read whole again rather than change by change: the log is behind what
 * was seen (another file), changes never seen were pruned from it, or more than `most` changed (reading all is cheaper).
 */
export function readWholeAgain(log: LogEnds, seen: number, most: number): boolean {
  return log.last < seen || log.last - seen > most || (log.first !== null && log.first > seen + 1)
}
