import type { HotIssueCase } from '../case-tally.js'
import type { CaseFilter } from '../ports.js'
import { filterClauses } from './case-filter-sql.js'
import { WAITING } from './case-sql.js'
import type { Db } from './open.js'
import { logEnds, readWholeAgain } from './case-change-log.js'

/**
 * One message as kept between requests: the message as handed out, and the deadline it is late
 * against while it waits (else null). Handed-out messages are shared by the answers and never
 * changed: when "now" passes a deadline the kept entry gets a new message, so each answer's
 * messages are built once, not 40,000 new objects per request (most of a kept request's time was
 * their garbage collection).
 */
interface Kept {
  message: HotIssueCase
  /** As stored (ISO text): the window's bounds and the order compare it as SQLite does. */
  createdAt: string
  due: string | null
}

/** The messages of one filter created in [from, to), as of change `seq`, in the order created_at, id. */
interface Window {
  from: string
  to: string
  seq: number
  rows: Kept[]
  /** The length of its texts together: a message may be up to 2,000 characters, so counting messages alone does not bound memory. */
  chars: number
}

/**
 * How much is kept: a few filters' windows (the admin's, an organizer's, a station's …), and messages in
 * all, about 470 bytes each on a province's file (an admin's month, ~40,000: ~19 MB of heap). Past either
 * the least recently asked windows go; a window larger alone (years asked for) is answered but not kept.
 * Texts are bounded on their own (20M characters, ~40 MB): a month of long messages must not hold hundreds of MB.
 */
export const HOT_WINDOW_LIMITS = { windows: 8, messages: 150_000, chars: 20_000_000 }
// More changes than this since a window was read (an import): read it afresh instead of case by case.
const MAX_CHANGES = 20_000
// The deadline a waiting case is late against (超期: the reply's alone, as the tallies' LATE): overdue is decided per
// request, as "now" moves.
const DUE = `CASE WHEN status IN (${WAITING}) THEN reply_due_at END`
// Merged messages count: each is a resident who wrote (review 37); their issue is the one of the message they went into.
const COUNTED = ["status <> 'rejected'"]

type Row = [string, string, string, string | null, string | null, string | null, string, string, number, string | null, string | null]

/**
 * Hot issues' messages kept in memory between requests, per filter: an admin's month is some 40,000
 * messages, and reading them out of SQLite was most of a request. Each request reads only the cases
 * written since the last (the change log of migration 040: new, changed and deleted ones alike) and
 * the slices the window slid onto, drops what left it, and works out "overdue" from the kept
 * deadlines as of its own "now". The answer is exactly the store's current rows; the cache belongs to
 * this store instance.
 */
export function hotIssueWindows(db: Db, limits = HOT_WINDOW_LIMITS) {
  const windows = new Map<string, Window>()
  // Places, stations and topics repeat across thousands of messages: one string each.
  const interned = new Map<string, string>()
  const intern = <T extends string | null>(s: T): T => {
    if (s === null) return s
    const kept = interned.get(s)
    if (kept !== undefined) return kept as T
    if (interned.size > 50_000) interned.clear()
    interned.set(s, s)
    return s
  }

  /** The counted messages matching `filter` among `from` (a table, or a join with its own parameters first), as kept rows. */
  const read = (from: string, fromParams: unknown[], filter: CaseFilter, ordered: boolean): Kept[] => {
    const { clauses, params } = filterClauses(filter)
    clauses.push(...COUNTED)
    // One JSON array, which JSON.parse turns into strings faster than the driver hands over values one by one.
    const json = db
      .prepare(
        `SELECT json_group_array(json_array(id, text, resident_id, community_id, district_id, station_id, topic, created_at, reopen_count, ${DUE}, merged_into)
          ${ordered ? 'ORDER BY created_at, id' : ''}) FROM ${from} WHERE ${clauses.join(' AND ')}`,
      )
      .pluck()
      .get(...fromParams, ...params) as string
    const rows = JSON.parse(json) as Row[]
    const out = new Array<Kept>(rows.length)
    for (let i = 0; i < rows.length; i++) {
      const [id, text, residentId, communityId, districtId, stationId, topic, createdAt, reopenCount, due, mergedInto] = rows[i]
      const message: HotIssueCase = Object.freeze({
        id,
        text,
        residentId,
        communityId: intern(communityId),
        districtId: intern(districtId),
        stationId: intern(stationId),
        topic: intern(topic),
        createdAt: new Date(createdAt),
        reopenCount,
        overdue: false,
        mergedInto,
      })
      out[i] = { message, createdAt, due }
    }
    return out
  }
  const between = (filter: CaseFilter, from: string, to: string, ordered: boolean) =>
    read('cases', [], { ...filter, createdFrom: new Date(from), createdTo: new Date(to) }, ordered)

  const changeLog = logEnds(db, 'case_changes')
  const changedIds = (since: number) => db.prepare('SELECT DISTINCT case_id FROM case_changes WHERE seq > ?').pluck().all(since) as string[]

  /** The window of `key` brought up to date and moved to [from, to), all read in one snapshot of the store. */
  const refreshed = db.transaction((key: string, filter: CaseFilter, from: string, to: string): Window => {
    const log = changeLog()
    const seq = log.last
    const kept = windows.get(key)
    // Read whole again as the other kept figures are (case-change-log.ts), or when the windows no longer meet.
    const stale = !kept || readWholeAgain(log, kept.seq, MAX_CHANGES) || to <= kept.from || from >= kept.to
    if (stale) return windowOf(from, to, seq, between(filter, from, to, true))
    if (seq === kept.seq && from === kept.from && to === kept.to) return kept
    const changed = seq > kept.seq ? changedIds(kept.seq) : []
    const gone = new Set(changed)
    const rows = kept.rows.filter((r) => !gone.has(r.message.id) && r.createdAt >= from && r.createdAt < to)
    // Changed cases where the old and new windows meet are read again (deleted ones are simply not found);
    // the slices the window slid onto are read whole.
    const [lo, hi] = [from > kept.from ? from : kept.from, to < kept.to ? to : kept.to]
    if (changed.length)
      rows.push(
        ...read(
          '(SELECT DISTINCT case_id FROM case_changes WHERE seq > ?) AS changed CROSS JOIN cases ON cases.id = changed.case_id',
          [kept.seq],
          { ...filter, createdFrom: new Date(lo), createdTo: new Date(hi) },
          false,
        ),
      )
    if (from < kept.from) rows.push(...between(filter, from, kept.from, false))
    if (to > kept.to) rows.push(...between(filter, kept.to, to, false))
    // Nearly in order already (the kept rows are, the few added are at the end): a merge, not a full sort.
    rows.sort(byCreation)
    return windowOf(from, to, seq, rows)
  })

  return {
    /** The counted messages of `filter` (which must give both dates), oldest first, overdue or not as of `now`. */
    list(filter: CaseFilter & { createdFrom: Date; createdTo: Date }, now: Date): HotIssueCase[] {
      const { createdFrom, createdTo, ...rest } = filter
      const [from, to] = [createdFrom.toISOString(), createdTo.toISOString()]
      // By filter and span: the console's 30 days and the hourly spike check's 96 hours slide side by side
      // instead of cutting one window back and forth.
      const key = `${JSON.stringify(rest)} ${createdTo.getTime() - createdFrom.getTime()}`
      if (from >= to) return []
      const window = refreshed(key, rest, from, to)
      windows.delete(key)
      // Too large alone: answered, not kept, and the others stay.
      if (window.rows.length <= limits.messages && window.chars <= limits.chars) windows.set(key, window)
      let [kept, chars] = [0, 0]
      for (const w of windows.values()) [kept, chars] = [kept + w.rows.length, chars + w.chars]
      for (const [oldest, w] of windows) {
        if (kept <= limits.messages && chars <= limits.chars && windows.size <= limits.windows) break
        windows.delete(oldest)
        ;[kept, chars] = [kept - w.rows.length, chars - w.chars]
      }
      const at = now.toISOString()
      const out = new Array<HotIssueCase>(window.rows.length)
      for (let i = 0; i < out.length; i++) {
        const r = window.rows[i]
        const overdue = r.due !== null && r.due < at
        if (r.message.overdue !== overdue) r.message = Object.freeze({ ...r.message, overdue })
        out[i] = r.message
      }
      return out
    },

    /** How many windows and messages are kept now. */
    kept() {
      let [messages, chars] = [0, 0]
      for (const w of windows.values()) [messages, chars] = [messages + w.rows.length, chars + w.chars]
      return { windows: windows.size, messages, chars }
    },
  }
}

function windowOf(from: string, to: string, seq: number, rows: Kept[]): Window {
  let chars = 0
  for (const r of rows) chars += r.message.text.length
  return { from, to, seq, rows, chars }
}

function byCreation(a: Kept, b: Kept) {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1
  return a.message.id < b.message.id ? -1 : a.message.id > b.message.id ? 1 : 0
}
