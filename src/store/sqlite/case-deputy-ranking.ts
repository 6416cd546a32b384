import type { BarCounts } from '../case-tally.js'
import type { CaseFilter } from '../ports.js'
import { filterClauses, matchesNone, scopeKey } from './case-filter-sql.js'
import { keptCountsServe } from './case-counts-kept.js'
import type { KeptDeadlines } from './case-deadlines-kept.js'
import type { Db } from './open.js'
import { DEPUTIES_OF_CASES_CHANGED, logEnds, readWholeAgain } from './case-change-log.js'

/** A deputy's counts in a scope, as migration 036 keeps them: messages, open ones, replies given, replies in time. */
type Counts = [total: number, open: number, replyDone: number, replyInTime: number]

/** A scope's deputies' bars as of the last changes seen in the two logs (migrations 040 and 046). */
interface KeptScope {
  caseSeq: number
  deputySeq: number
  /** Each deputy's replies given, as kept: what the figures of "now" (replies late) are added to in their bar. */
  replyDone: Map<string, number>
  /**
   * Each deputy's bar, handed out at every look rather than made again: 100,000 new objects cost ~60 ms of allocation
   * and garbage collection per look. The figures of "now" are added to them at each look and taken back at the next,
   * in one synchronous step: a caller still reading the bars of an earlier look sees the figures of the later one,
   * which are the same while the figures mark is (no deadline passed), and otherwise newer.
   */
  bars: Map<string, BarCounts>
  /** The bars as handed out: made again when a deputy came or went. */
  list: BarCounts[] | null
  /** The bars the last look added the figures of "now" to. */
  late: BarCounts[]
}

// Scopes kept at once, the last asked kept: an admin's 100,000 deputies are ~10 MB.
export const KEPT_SCOPES = 4
// Past this many changes since a scope's last look, its counts are read again whole rather than deputy by deputy.
const MAX_CHANGES = 20_000

/**
 * Every deputy's bar for the statistics' ranking, from the counts migration 036 keeps per deputy (a scope's
 * filter only: null for any other, which the caller counts from the cases) plus the figures of "now" over the
 * unfinished cases kept in memory. A scope's counts are kept between looks too: an admin's 100,000 took ~200 ms
 * to read and parse, at the first look after every change (at a province, nearly every look). A look after
 * changes reads again only the deputies they touched: the deputy of each case changed since (the case change
 * log, migration 040) and the one a case was taken from (migration 046). A gap in either log (pruned unseen),
 * a log behind what was seen (another file) or very many changes: the scope is read whole again.
 */
export function deputyRanking(db: Db, deadlines: KeptDeadlines) {
  const caseLog = logEnds(db, 'case_changes')
  const deputyLog = logEnds(db, 'case_deputy_changes')
  /** The deputies the changes after these two seqs touched, as a JSON array (prepared at each look, the store keeping statements by their text, so that a test sees it). */
  const touched = (caseSeq: number, deputySeq: number) =>
    db
      .prepare(
        `SELECT json_group_array(deputy_id) FROM (
        ${DEPUTIES_OF_CASES_CHANGED} UNION SELECT deputy_id FROM case_deputy_changes WHERE seq > ?)`,
      )
      .pluck()
      .get(caseSeq, deputySeq) as string
  const kept = new Map<string, KeptScope>()

  /** The scope's deputies' counts (only those named, a JSON array, when given), as one JSON array out of SQLite. */
  const countsOf = (filter: CaseFilter, deputies?: string) => {
    // The kept table has the scope's columns under the cases' names: the same clauses select its rows.
    const { clauses, params } = filterClauses(filter)
    if (deputies !== undefined) {
      clauses.push('deputy_id IN (SELECT value FROM json_each(?))')
      params.push(deputies)
    }
    const json = db
      .prepare(
        `SELECT json_group_array(json_array(deputy_id, total, open, replyDone, replyInTime)) FROM (
          SELECT deputy_id, sum(total) AS total, sum(open) AS open, sum(reply_done) AS replyDone, sum(reply_in_time) AS replyInTime
          FROM case_deputy_counts WHERE ${clauses.length ? clauses.join(' AND ') : '1'} GROUP BY deputy_id)`,
      )
      .pluck()
      .get(...params) as string
    return JSON.parse(json) as Array<[string, ...Counts]>
  }

  /** Into the scope: a deputy whose cases all moved away or went keeps a row at 0, no longer one of the scope's. */
  const put = (scope: KeptScope, rows: Array<[string, ...Counts]>) => {
    for (const [key, ...c] of rows) {
      if (c[0] === 0) continue
      scope.replyDone.set(key, c[2])
      scope.bars.set(key, { key, total: c[0], open: c[1], overdueOpen: 0, replyDue: c[2], replyOk: c[3] })
    }
    scope.list = null
  }

  /** The scope's counts brought up to date in one read transaction: both logs' last changes and the counts as of them. */
  const current = db.transaction((filter: CaseFilter, key: string): KeptScope => {
    const casesNow = caseLog()
    const deputiesNow = deputyLog()
    const [caseSeq, deputySeq] = [casesNow.last, deputiesNow.last]
    let scope = kept.get(key)
    kept.delete(key)
    if (!scope || readWholeAgain(casesNow, scope.caseSeq, MAX_CHANGES) || readWholeAgain(deputiesNow, scope.deputySeq, MAX_CHANGES)) {
      scope = { caseSeq, deputySeq, replyDone: new Map(), bars: new Map(), list: null, late: [] }
      put(scope, countsOf(filter))
    } else {
      // The figures of "now" the last look added, taken back while the counts they were added to are still here.
      for (const bar of scope.late) {
        bar.replyDue = scope.replyDone.get(bar.key)!
        bar.overdueOpen = 0
      }
      scope.late = []
      if (caseSeq !== scope.caseSeq || deputySeq !== scope.deputySeq) {
        const deputies = touched(scope.caseSeq, scope.deputySeq)
        for (const key of JSON.parse(deputies) as string[]) {
          scope.replyDone.delete(key)
          scope.bars.delete(key)
        }
        put(scope, countsOf(filter, deputies))
        scope.caseSeq = caseSeq
        scope.deputySeq = deputySeq
      }
    }
    // A Map iterates in insertion order: the first key is the least recently asked.
    kept.set(key, scope)
    if (kept.size > KEPT_SCOPES) kept.delete(kept.keys().next().value!)
    return scope
  })

  return (filter: CaseFilter, now: Date): BarCounts[] | null => {
    if (!keptCountsServe(filter)) return null
    // An empty list of stations or districts matches nothing (and SQLite finds no plan through the index for "0").
    if (matchesNone(filter)) return []
    const scope = current(filter, scopeKey(filter))
    // The figures of "now", from the unfinished cases kept in memory (as the statistics' other figures are).
    scope.late = deadlines.addLateOfDeputies(filter, now.toISOString(), scope.bars)
    return (scope.list ??= [...scope.bars.values()])
  }
}
