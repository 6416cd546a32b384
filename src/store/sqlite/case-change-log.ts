/**
 * How the figures kept in memory between looks read the change logs (migration 040's case changes, 046's deputies a
 * case was taken from): each keeps the last seq it saw and reads only what changed after it, unless it must read
 * what it keeps whole again.
 */

/** The deputy each case changed after `?` names now (none for a case that is gone or has no deputy). */
export const DEPUTIES_OF_CASES_CHANGED = `SELECT cases.deputy_id FROM (SELECT DISTINCT case_id FROM case_changes WHERE seq > ?) AS changed
  JOIN cases ON cases.id = changed.case_id WHERE cases.deputy_id IS NOT NULL`

/**
 * Whether what was kept as of `seen` must be read whole again rather than change by change: the log is behind what
 * was seen (another file), changes never seen were pruned from it, or more than `most` changed (reading all is cheaper).
 */
export function readWholeAgain(log: { last: number; first: number | null }, seen: number, most: number): boolean {
  return log.last < seen || log.last - seen > most || (log.first !== null && log.first > seen + 1)
}
