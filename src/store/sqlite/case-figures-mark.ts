import { DEADLINES, UNFINISHED } from './case-counts-kept.js'
import type { Db } from './open.js'

/** The stretch of time, from `from`, over which no deadline of an unfinished case is passed: every figure of "now" holds. */
interface Steady {
  /** The last case change seen (migration 040's log). */
  seq: number
  from: string
  /** The first deadline counted as "passed at or before now" (`<=`) still ahead: the figures hold while now is before it. */
  before: string | null
  /** The first deadline counted as "passed before now" (`<`) from `from` on: the figures hold while now is at most it. */
  atMost: string | null
}

const minOf = (a: string | null, b: string | null) => (a === null ? b : b === null || a < b ? a : b)

/**
 * The mark of every case report's answer at a time (`cases.figuresMark`): the last case change
 * (every write to a case logs one, by trigger, whoever makes it; the log's largest seq is never
 * pruned, so it only grows) and the start of the stretch of time over which no deadline is passed.
 * Tallies and middle times depend on nothing else, so two calls with one mark get the same answers.
 * Times are compared as the SQL compares them: as the stored ISO strings.
 */
export function caseFiguresMark(db: Db) {
  const lastChange = db.prepare('SELECT coalesce(max(seq), 0) FROM case_changes').pluck()
  // The deadlines ahead, over the unfinished cases' index (the few percent whose figures depend on "now"),
  // each as the tallies compare it: the acknowledgements and replies due at or before now, the waiting and open ones before now.
  const ahead = db
    .prepare(
      `SELECT min(CASE WHEN ${DEADLINES.ack} > @now THEN ${DEADLINES.ack} END), min(CASE WHEN ${DEADLINES.reply} > @now THEN ${DEADLINES.reply} END),
        min(CASE WHEN ${DEADLINES.waiting} >= @now THEN ${DEADLINES.waiting} END), min(CASE WHEN ${DEADLINES.open} >= @now THEN ${DEADLINES.open} END)
      FROM cases INDEXED BY cases_unfinished WHERE ${UNFINISHED}`,
    )
    .raw()
  let steady: Steady | null = null
  const holds = (s: Steady | null, seq: number, at: string): s is Steady =>
    s !== null && s.seq === seq && s.from <= at && (s.before === null || at < s.before) && (s.atMost === null || at <= s.atMost)

  return (now: Date): string => {
    const at = now.toISOString()
    // Read first, then the deadlines: both in this one synchronous call, so no write comes between them.
    const seq = lastChange.get() as number
    if (!holds(steady, seq, at)) {
      const [ack, reply, waiting, open] = ahead.get({ now: at }) as Array<string | null>
      steady = { seq, from: at, before: minOf(ack, reply), atMost: minOf(waiting, open) }
    }
    return `${seq} ${steady!.from}`
  }
}
