import type { KeptDeadlines, UnfinishedCase } from './case-deadlines-kept.js'

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
export function caseFiguresMark(deadlines: KeptDeadlines) {
  // The deadlines ahead, over the unfinished cases (the few percent whose figures depend on "now", kept in memory),
  // each as the tallies compare it: the acknowledgements and replies due at or before now, the waiting and open ones
  // before now, and the reply deadline as stored before now (超期 and 未按时受理 turn on it).
  const ahead = (at: string, cases: readonly UnfinishedCase[]) => {
    let ack: string | null = null
    let reply: string | null = null
    let waiting: string | null = null
    let open: string | null = null
    let replyDue: string | null = null
    for (let i = 0; i < cases.length; i++) {
      const { ack: a, reply: r, waiting: w, open: o, replyDueAt: d } = cases[i]
      if (a !== null && a > at && (ack === null || a < ack)) ack = a
      if (r !== null && r > at && (reply === null || r < reply)) reply = r
      if (w !== null && w >= at && (waiting === null || w < waiting)) waiting = w
      if (o !== null && o >= at && (open === null || o < open)) open = o
      if ((w !== null || o !== null) && d >= at && (replyDue === null || d < replyDue)) replyDue = d
    }
    return [ack, reply, waiting, open, replyDue]
  }
  let steady: Steady | null = null
  const holds = (s: Steady | null, seq: number, at: string): s is Steady =>
    s !== null && s.seq === seq && s.from <= at && (s.before === null || at < s.before) && (s.atMost === null || at <= s.atMost)

  return (now: Date): string => {
    const at = now.toISOString()
    // The last change and the deadlines as of it: read in one snapshot of the store.
    const { seq, cases } = deadlines.current()
    if (!holds(steady, seq, at)) {
      const [ack, reply, waiting, open, replyDue] = ahead(at, cases)
      steady = { seq, from: at, before: minOf(ack, reply), atMost: minOf(minOf(waiting, open), replyDue) }
    }
    return `${seq} ${steady!.from}`
  }
}
